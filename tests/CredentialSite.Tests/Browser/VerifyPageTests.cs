using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// Issue 16: the verify page, in Chromium, gives each credential the right verdict and reason: the outside credentials
/// tests/verify-js/make-credentials.mjs signed (Verify/Credentials), this site's own signed JSON and VC-JWTs, garbage.
/// </summary>
public sealed class VerifyPageTests(VerifyPageFixture site) : IClassFixture<VerifyPageFixture>
{
    private static string FixturePath(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "CredentialSite.Tests", "Verify", "Credentials", name);

    private static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    /// <summary>The verify page, its script ready.</summary>
    private async Task<IPage> OpenAsync(IPage? page = null)
    {
        page ??= await site.NewPageAsync();
        await page.GotoAsync(site.Url("verify/"));
        await page.WaitForSelectorAsync("[data-verify-page][data-ready]");
        return page;
    }

    private async Task<(string Verdict, string Text)> VerifyAsync(string text, IPage? page = null)
    {
        page = await OpenAsync(page);
        await page.FillAsync("#verify-input", text);
        await page.ClickAsync("[data-verify-form] button[type=submit]");
        return await ResultAsync(page);
    }

    private static async Task<(string Verdict, string Text)> ResultAsync(IPage page)
    {
        var result = page.Locator("[data-verify-result][data-verdict]");
        await result.WaitForAsync();
        return ((await result.GetAttributeAsync("data-verdict"))!, await result.InnerTextAsync());
    }

    [SkippableTheory]
    [InlineData("valid-did-key.json", "verified", "eddsa-rdfc-2022 proof by did:key:")]
    [InlineData("valid-issuer-url-key.json", "verified", "key from the issuer's URL")]
    [InlineData("valid-multi-proof.json", "verified", "Example University")]
    [InlineData("valid-endorsement.json", "verified", "EndorsementCredential")]
    [InlineData("valid-embedded-jwk.jwt", "verified", "ES256 JWT signature, key from the JWT's header")]
    [InlineData("valid-vc11-eddsa.jwt", "verified", "EdDSA JWT signature, key from the did:key in the credential")]
    [InlineData("expired-did-key.json", "failed", "Expired on 2024-01-01")]
    [InlineData("tampered-did-key.json", "failed", "Tampered, or signed with another key")]
    [InlineData("wrong-key-did-key.json", "failed", "Tampered, or signed with another key")]
    [InlineData("ob2-hosted.json", "hosted", "hosted verification")]
    [InlineData("valid-did-web.json", "unverifiable", "https://issuer.example/badges/did.json could not be reached")]
    [InlineData("garbage.txt", "unreadable", "Unknown format")]
    public async Task Outside_credentials_get_the_right_verdict_and_reason(string file, string verdict, string reason)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (got, text) = await VerifyAsync(Fixture(file));
        Assert.True(got == verdict && text.Contains(reason, StringComparison.Ordinal), $"{file}: {got}\n{text}");
    }

    [SkippableFact]
    public async Task A_key_its_claimed_issuer_does_not_control_is_a_wrong_key()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (verdict, text) = await VerifyAsync(Verify.VerifyCredentialTests.Impostor());
        Assert.True(verdict == "failed" && text.Contains("Wrong key: the key did:key:", StringComparison.Ordinal)
            && text.Contains("not by the issuer https://impostor.example/issuer", StringComparison.Ordinal), text);
    }

    [SkippableFact]
    public async Task A_multi_proof_credential_has_each_proof_checked()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var (_, text) = await VerifyAsync(Fixture("valid-multi-proof.json"));
        Assert.Equal(2, text.Split("eddsa-rdfc-2022 proof by https://example.edu/issuers/565049#").Length - 1);
    }

    [SkippableFact]
    public async Task This_sites_signed_credential_opens_from_the_person_page_and_verifies_with_its_rubric_results()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("people/elena-vasquez/"));
        var link = page.Locator("a[href*='verify/?credential=']").First;
        await link.ClickAsync();
        var (verdict, text) = await ResultAsync(page);
        Assert.True(verdict == "verified", text);
        Assert.Contains("key from this site's DID document", text);
        Assert.Contains("Results against the rubric", text);
        Assert.Contains("not revoked in its issuer's status list (signed)", text); // the list's own proof verified too
    }

    [SkippableFact]
    public async Task This_sites_revoked_credential_is_reported_revoked()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync();
        // The sample's aisha-bello has secure-coding-essentials revoked (its bit is set in northwind-academy's list).
        await page.GotoAsync(site.Url("verify/?credential=/repo/people/aisha-bello/credentials/secure-coding-essentials.json"));
        var (verdict, text) = await ResultAsync(page);
        Assert.True(verdict == "failed" && text.Contains("Revoked: its issuer's status list", StringComparison.Ordinal), text);
    }

    [SkippableFact]
    public async Task This_sites_VC_JWT_verifies_and_a_changed_one_does_not()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var jwtFile = Directory.EnumerateFiles(Path.Combine(site.Output, "people"), "*.jwt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var jwt = File.ReadAllText(jwtFile).Trim();
        var (verdict, text) = await VerifyAsync(jwt);
        Assert.True(verdict == "verified", text);
        Assert.Contains("RS256 JWT signature, key from this site's DID document", text);

        var parts = jwt.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("\"name\":\"", "\"name\":\"Forged ");
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        (verdict, text) = await VerifyAsync(forged);
        Assert.True(verdict == "failed" && text.Contains("Tampered", StringComparison.Ordinal), text);
    }

    [SkippableFact]
    public async Task A_picked_file_is_verified()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync();
        await page.SetInputFilesAsync("#verify-file", FixturePath("valid-issuer-url-key.json"));
        var (verdict, text) = await ResultAsync(page);
        Assert.True(verdict == "verified" && text.Contains("Applied Cryptography", StringComparison.Ordinal), text);
    }

    [SkippableFact]
    public async Task The_page_is_keyboard_usable()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await OpenAsync();
        await page.FocusAsync("#verify-input");
        await page.Keyboard.InsertTextAsync(Fixture("valid-did-key.json"));
        await page.Keyboard.PressAsync("Tab"); // the file picker
        await page.Keyboard.PressAsync("Tab"); // Verify
        await page.Keyboard.PressAsync("Enter");
        var (verdict, _) = await ResultAsync(page);
        Assert.Equal("verified", verdict);
    }

    [SkippableTheory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 390)]
    [InlineData("dark", 390)]
    public async Task The_verify_page_has_no_serious_or_critical_axe_violations(string scheme, int width)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var page = await site.NewPageAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        await VerifyAsync(Fixture("tampered-did-key.json"), page); // with a result shown
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }
}
