using CredentialSite.Tests.Signing;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Verify;

/// <summary>
/// Issue 16: the credentials people bring (a portfolio's external: list and an earned badge's credential: file) are
/// verified by the build, offline, with the fixtures tests/verify-js/make-credentials.mjs signed with the npm libraries.
/// </summary>
public sealed class ImportedCredentialsTests
{
    private static string Fixtures => Path.Combine(TestPaths.RepoRoot, "tests", "CredentialSite.Tests", "Verify", "Credentials");

    private static TestSite Build(string portfolioBody, string[] files, string extra = "", string scope = "profile, badges")
    {
        var site = TestSite.Create($$"""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam Doe
            consent: { publish: true, scope: [{{scope}}] }
            {{portfolioBody}}
            {{extra}}
            """);
        foreach (var f in files) site.Write($"input/portfolios/sam/{f}", File.ReadAllText(Path.Combine(Fixtures, f)));
        return site.Run();
    }

    private static string External(params string[] files) =>
        "external:\n" + string.Concat(files.Select(f => $"  - credential: {f}\n"));

    [Fact]
    public void Valid_credentials_from_outside_the_catalog_verify_and_the_person_page_says_so()
    {
        string[] files = ["valid-did-key.json", "valid-issuer-url-key.json", "valid-multi-proof.json", "valid-endorsement.json", "valid-embedded-jwk.jwt", "valid-vc11-eddsa.jwt"];
        using var site = Build(External(files), files).AssertOk();

        var page = site.ReadFile("people/sam/index.html");
        Assert.Contains("EdDSA JWT signature, key from the did:key in the credential", page); // VC 1.1 shape, the credential in the vc claim
        Assert.Equal(6, CountOf(page, "<strong>Verified on <time datetime=\"2026-11-01\">"));
        Assert.Contains("issued by Example University (https://example.edu/issuers/565049) for “Applied Cryptography”", page);
        Assert.Contains("eddsa-rdfc-2022 proof, key from the issuer&#39;s URL", page);
        Assert.Contains("ES256 JWT signature, key from the JWT&#39;s header", page);
        Assert.Contains("Open Learning Collective", site.ReadFile("people/sam/dossier/index.html"));
        // The files themselves are never republished.
        Assert.False(File.Exists(Path.Combine(site.Output, "people", "sam", "valid-did-key.json")));
    }

    [Fact]
    public void Invalid_credentials_are_located_errors_and_an_expired_one_a_warning()
    {
        string[] files = ["tampered-did-key.json", "wrong-key-did-key.json", "garbage.txt", "expired-did-key.json"];
        using var site = Build(External(files), files);

        site.AssertDiagnostics(
            "input/portfolios/sam/portfolio.yml:4:17: error CS0502: 'tampered-did-key.json': the eddsa-rdfc-2022 proof does not verify",
            "input/portfolios/sam/portfolio.yml:5:17: error CS0502: 'wrong-key-did-key.json': the eddsa-rdfc-2022 proof does not verify",
            "input/portfolios/sam/portfolio.yml:6:17: error CS0501: 'garbage.txt': the file is neither a JSON credential nor a compact VC-JWT",
            "input/portfolios/sam/portfolio.yml:7:17: warning CS0507: 'expired-did-key.json': the credential expired on 2024-01-01");
        Assert.Equal(1, site.ExitCode);
    }

    [Fact]
    public void An_Open_Badges_2_credential_is_shown_as_not_verifiable_offline()
    {
        using var site = Build(External("ob2-hosted.json"), ["ob2-hosted.json"]).AssertOk();

        site.AssertFile("people/sam/index.html", "<p><strong>Not verifiable offline</strong>: an Open Badges 2.0 credential");
    }

    private static string Attached(string badge, string file) => $"""
        badges:
          - badge: {badge}
            issued: 2026-03-10
            credential: {file}
        """;

    [Fact]
    public void A_credential_attached_to_a_catalog_badge_must_be_from_its_issuer_and_for_that_badge()
    {
        using var site = Build(Attached("code-review", "valid-issuer-url-key.json"), ["valid-issuer-url-key.json"]);

        site.AssertDiagnostics(
            "input/portfolios/sam/portfolio.yml:6:17: error CS0505: 'valid-issuer-url-key.json': the credential's issuer 'https://example.edu/issuers/565049' is not 'academy'",
            "input/portfolios/sam/portfolio.yml:6:17: error CS0505: 'valid-issuer-url-key.json': the credential's achievement 'Applied Cryptography' is not the badge 'Code Review'");
    }

    [Fact]
    public void A_credential_of_a_catalog_badge_verifies_when_trust_pins_its_issuer()
    {
        const string extra = """
            -- trust/academy.json --
            { "id": "https://example.edu/issuers/565049", "name": "Example University's credential issuer" }
            -- catalog/badges/applied-cryptography.yml --
            name: Applied Cryptography
            summary: Uses cryptography correctly.
            tier: capability
            issuer: academy
            competencies:
              - { competency: code-quality, level: proficient }
            assessment:
              - { method: portfolio-review }
            """;
        using var site = Build(Attached("applied-cryptography", "valid-issuer-url-key.json"), ["valid-issuer-url-key.json"], extra).AssertOk();

        site.AssertFile("people/sam/index.html", "<h4>The holder's own copy of the credential</h4>", "<strong>Verified on <time datetime=\"2026-11-01\">");
    }

    [Fact]
    public void External_credentials_are_published_only_when_badges_are_in_the_consent_scope()
    {
        using var site = Build(External("valid-did-key.json"), ["valid-did-key.json"], scope: "profile").AssertOk();

        site.AssertFile("people/sam/index.html", "! Credentials from elsewhere", "! Open Learning Collective");
    }

    [Fact]
    public void A_did_web_issuer_verifies_with_its_DID_document_pinned_in_trust_and_its_pinned_status_list_says_revoked()
    {
        string[] files = ["valid-did-web.json", "revoked-did-web.json", "not-revoked-did-web.json"];
        var trust = $"""
            -- trust/issuer-example.json --
            {File.ReadAllText(Path.Combine(Fixtures, "did-web-issuer.did.json"))}
            -- trust/issuer-example-status.json --
            {File.ReadAllText(Path.Combine(Fixtures, "status-list.json"))}
            """;
        using var site = Build(External(files), files, trust);

        site.AssertDiagnostics("input/portfolios/sam/portfolio.yml:5:17: error CS0506: 'revoked-did-web.json': the credential is revoked in its issuer's status list https://issuer.example/badges/status/1");
        site.Write("input/portfolios/sam/portfolio.yml", $"name: Sam Doe\nconsent: {{ publish: true, scope: [badges] }}\n{External("valid-did-web.json", "not-revoked-did-web.json")}");
        site.Run().AssertOk();
        site.AssertFile("people/sam/index.html", "eddsa-rdfc-2022 proof, key from trust/", "not revoked (status list)", "Issuer Example Badges (did:web:issuer.example:badges)");
    }

    [Fact]
    public void A_pinned_status_list_whose_proof_fails_is_not_believed()
    {
        // Someone changed the pinned list (here its validFrom) after the issuer signed it: its bits say nothing.
        var list = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "status-list.json")))!.AsObject();
        list["validFrom"] = "2020-01-01T00:00:00Z";
        var trust = $"""
            -- trust/issuer-example.json --
            {File.ReadAllText(Path.Combine(Fixtures, "did-web-issuer.did.json"))}
            -- trust/issuer-example-status.json --
            {list.ToJsonString()}
            """;
        using var site = Build(External("revoked-did-web.json"), ["revoked-did-web.json"], trust).AssertOk();

        site.AssertFile("people/sam/index.html", "revocation (the status list https://issuer.example/badges/status/1 in trust/ is not the issuer&#39;s");
    }

    [Fact]
    public void A_did_web_issuer_without_its_keys_pinned_is_not_verifiable_offline()
    {
        using var site = Build(External("valid-did-web.json"), ["valid-did-web.json"]);

        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:4:17: warning CS0503: 'valid-did-web.json': the key 'did:web:issuer.example:badges#key-1' is not in the credential, this site or trust/: it cannot be checked offline");
        site.AssertFile("people/sam/index.html", "<p><strong>Not verifiable offline</strong> on");
    }

    [Fact]
    public void This_sites_own_signed_credential_and_VC_JWT_verify_when_brought_back_and_a_changed_one_does_not()
    {
        using var site = SignedSite.WithKeys();
        site.BuildSigned().AssertOk();
        var json = site.ReadFile("people/sam/credentials/code-review.json");
        var jwt = site.ReadFile("people/sam/credentials/code-review.jwt");
        site.Write("input/portfolios/sam/own.json", json);
        site.Write("input/portfolios/sam/own.jwt", jwt);
        site.Write("input/portfolios/sam/changed.json", json.Replace("\"Code Review\"", "\"Code Review (Distinction)\""));
        site.Write("input/portfolios/sam/portfolio.yml", SignedSite.Portfolio.Split('\n', 2)[1] + "\n    credential: own.json\n" + External("own.jwt", "changed.json"));

        site.BuildSigned();

        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:11:17: error CS0502: 'changed.json': the eddsa-rdfc-2022 proof does not verify");
        site.Write("input/portfolios/sam/portfolio.yml", SignedSite.Portfolio.Split('\n', 2)[1] + "\n    credential: own.json\n" + External("own.jwt"));
        site.BuildSigned().AssertOk();
        site.AssertFile("people/sam/index.html", "eddsa-rdfc-2022 proof, key from this site&#39;s DID document", "RS256 JWT signature, key from this site&#39;s DID document");
    }

    [Fact]
    public void A_credential_not_valid_yet_at_asOf_is_an_error()
    {
        var file = File.ReadAllText(Path.Combine(Fixtures, "valid-did-key.json"));
        using var site = TestSite.Create($$"""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam Doe
            consent: { publish: true, scope: [badges] }
            {{External("later.json")}}
            """);
        site.Write("input/portfolios/sam/later.json", file);
        site.Run(o => o with { AsOf = new DateOnly(2025, 12, 31) });

        site.AssertDiagnostic("input/portfolios/sam/portfolio.yml:4:17: error CS0508: 'later.json': the credential is not valid yet: valid from 2026-01-15");
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
