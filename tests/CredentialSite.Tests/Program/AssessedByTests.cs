using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Program;

/// <summary>Issue 18: an earned badge's audit (assessedBy, assessedOn) in the dossier and in the credential.</summary>
public sealed class AssessedByTests
{
    [Fact]
    public void TheAssessor_IsInTheDossier_AndTheCredentialsEvidence()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/ada/portfolio.yml --
            name: Ada
            consent: { publish: true, scope: [profile, badges] }
            badges:
              - { badge: code-review, issued: 2026-03-10, assessedBy: Ines Assessor, assessedOn: 2026-03-01 }
            """).AssertOk();
        site.AssertFile("people/ada/dossier/index.html", "by Ines Assessor on <time datetime=\"2026-03-01\">");
        site.AssertFile("people/ada/credentials/code-review.json",
            "\"name\": \"Assessment\"", "\"narrative\": \"Assessed by Ines Assessor on 2026-03-01\"", "\"genre\": \"Assessment\"");
        var expanded = CredentialSite.Rdf.JsonLd.JsonLdToRdf.ToRdf(site.ReadFile("people/ada/credentials/code-review.json"));
        Assert.Empty(expanded.Issues);
    }
}
