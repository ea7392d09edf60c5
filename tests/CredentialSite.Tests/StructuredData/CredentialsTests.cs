using System.Text.Json;
using AngleSharp.Html.Parser;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.StructuredData;

/// <summary>Earned badges as unsigned OB 3.0 credentials, and portfolio pages as schema.org ProfilePage.</summary>
public sealed class CredentialsTests : IClassFixture<SampleSiteFixture>
{
    private readonly SampleSiteFixture _sample;
    private static readonly Ob3Schemas.Ob3Schema Schema = Ob3Schemas.Credential;

    public CredentialsTests(SampleSiteFixture sample) => _sample = sample;

    [Fact]
    public void EveryEmittedCredential_ValidatesAgainstTheOb3Schema()
    {
        var files = _sample.Files("people", "*.json", recursive: true);
        Assert.True(files.Count >= 20, $"expected the sample's earned badges as credentials, found {files.Count}");
        foreach (var file in files)
        {
            var errors = Schema.Validate(_sample.Read(file));
            Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors)}");
            using var doc = JsonDocument.Parse(_sample.Read(file));
            Assert.Contains("OpenBadgeCredential", doc.RootElement.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
            Assert.False(doc.RootElement.TryGetProperty("proof", out _), "credentials are published unsigned");
        }
    }

    [Fact]
    public void Credentials_CarryRubricResults_AndAreLabelledUnsigned()
    {
        using var site = TestSite.Build("""
            -- input/portfolios/sam/portfolio.yml --
            name: Sam Doe
            consent: { publish: true, scope: [profile, badges, evidence] }
            badges:
              - badge: code-review
                version: 1.0.0
                issued: 2026-03-10
                results: { clarity: exemplary }
                evidence:
                  - { type: artifact, title: Notes, url: https://example.org/notes }
            """).AssertOk();
        var json = site.ReadFile("people/sam/credentials/code-review.json");
        Assert.Empty(Schema.Validate(json));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("2026-03-10T00:00:00Z", root.GetProperty("validFrom").GetString());
        Assert.Equal("2028-03-10T00:00:00Z", root.GetProperty("validUntil").GetString()); // renewal.validFor P2Y
        var result = root.GetProperty("credentialSubject").GetProperty("result")[0];
        Assert.EndsWith("#clarity", result.GetProperty("resultDescription").GetString());
        Assert.EndsWith("#clarity-exemplary", result.GetProperty("achievedLevel").GetString());
        Assert.Equal("https://example.org/notes", root.GetProperty("evidence")[0].GetProperty("id").GetString());
        site.AssertFile("people/sam/index.html", "<strong>unsigned</strong>", "href=\"/people/sam/credentials/code-review.json\"");
    }

    [Fact]
    public void PortfolioPage_CarriesAProfilePage_WithPersonAndCredentials()
    {
        var html = new HtmlParser().ParseDocument(_sample.Read("people/priya-raman/index.html"));
        var blocks = html.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent)).ToList();
        var profile = blocks.Single(b => b.RootElement.TryGetProperty("@type", out var t) && t.GetString() == "ProfilePage").RootElement;
        var person = profile.GetProperty("mainEntity");
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Priya Raman", person.GetProperty("name").GetString());
        Assert.True(person.GetProperty("hasCredential").GetArrayLength() > 0);
    }
}
