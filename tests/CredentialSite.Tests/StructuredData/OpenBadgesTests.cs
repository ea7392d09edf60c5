using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.StructuredData;

/// <summary>
/// Open Badges 3.0 output of the real sample site, checked against the official 1EdTech JSON Schemas (vendored in
/// Vendor/ob3/schema, see Support/Ob3Schemas): the badges/&lt;id&gt;.json files, the Achievement embedded in each
/// badge page and the issuer Profile embedded in each issuer page.
/// </summary>
public class OpenBadgesTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    private static readonly Ob3Schemas.Ob3Schema Credential = Ob3Schemas.Credential;
    private static readonly Ob3Schemas.Ob3Schema Achievement = Ob3Schemas.Achievement;
    private static readonly Ob3Schemas.Ob3Schema Profile = Ob3Schemas.Profile;

    [Fact]
    public void SampleSite_BuildsWithoutDiagnostics()
    {
        Assert.True(sample.Result.Diagnostics.Sorted().Count == 0, string.Join("\n", sample.Result.Diagnostics.Sorted()));
        Assert.True(sample.Result.PagesWritten > 0);
    }

    [Fact]
    public void BadgeJsonFiles_ValidateAgainstTheAchievementSchema()
    {
        var files = sample.Files("badges", "*.json");
        var pages = sample.Files("badges", "index.html", recursive: true).Where(p => p != "badges/index.html").ToList();
        Assert.Equal(pages.Count, files.Count); // one JSON file per published badge
        Assert.True(files.Count >= 10, $"expected the sample's badges, found {files.Count}");

        var errors = files.SelectMany(f => Achievement.Validate(sample.Read(f)).Select(e => $"{f}: {e}")).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void BadgeJsonFiles_AreIdentifiedByTheirOwnAbsoluteUrl()
    {
        foreach (var file in sample.Files("badges", "*.json"))
        {
            var json = JsonNode.Parse(sample.Read(file))!;
            Assert.Equal("https://northwind.github.io/credentials/" + file, (string?)json["id"]);
            Assert.Equal("https://www.w3.org/ns/credentials/v2", (string?)json["@context"]![0]);
        }
    }

    [Fact]
    public void BadgePages_EmbedAnAchievementThatValidatesAgainstTheAchievementSchema()
    {
        var errors = new List<string>();
        var pages = sample.Files("badges", "index.html", recursive: true).Where(p => p != "badges/index.html").ToList();
        foreach (var page in pages)
        {
            var achievements = JsonLdBlocks(sample.Read(page)).Where(j => HasType(j, "Achievement")).ToList();
            Assert.True(achievements.Count == 1, $"{page}: expected one OB Achievement block, found {achievements.Count}");
            errors.AddRange(Achievement.Validate(achievements[0].ToJsonString()).Select(e => $"{page}: {e}"));
            // The embedded document is the same as the downloadable one.
            var file = page.Replace("/index.html", ".json");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample.Read(file)), achievements[0]), $"{page} and {file} differ");
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Achievement_ValidatesAgainstTheFullSchema_WhenWrappedInAnOpenBadgeCredential()
    {
        var achievement = JsonNode.Parse(sample.Read("badges/stakeholder-management.json"))!.AsObject();
        achievement.Remove("@context");
        var issuer = JsonLdBlocks(sample.Read("issuers/northwind-academy/index.html")).Single(j => HasType(j, "Profile")).AsObject();
        issuer.Remove("@context");
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:6c6d8b5e-3f9e-4c7e-9a34-0d3b1f6e2a11",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = "Stakeholder Management",
            ["issuer"] = issuer,
            ["validFrom"] = "2026-03-10T00:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:holder",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = achievement,
            },
        };

        var errors = Credential.Validate(credential.ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void IssuerPages_EmbedAProfileThatValidatesAgainstTheProfileSchema()
    {
        var pages = sample.Files("issuers", "index.html", recursive: true).Where(p => p != "issuers/index.html").ToList();
        Assert.NotEmpty(pages);
        var errors = new List<string>();
        foreach (var page in pages)
        {
            var profiles = JsonLdBlocks(sample.Read(page)).Where(j => HasType(j, "Profile")).ToList();
            Assert.True(profiles.Count == 1, $"{page}: expected one OB Profile block, found {profiles.Count}");
            errors.AddRange(Profile.Validate(profiles[0].ToJsonString()).Select(e => $"{page}: {e}"));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void JsonLdScripts_NeverContainAClosingScriptTag_WhenABadgeNameContainsOne()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: "</script><script>alert(1)</script>"
            summary: "</SCRIPT> and <!-- too"
            tier: baseline
            issuer: academy
            tags: ["</script>"]
            """).AssertOk();

        var html = site.ReadFile("badges/extra/index.html");
        var blocks = Regex.Matches(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline);
        Assert.Equal(4, blocks.Count); // OB Achievement, schema.org credential, CTDL credential, breadcrumbs
        foreach (Match block in blocks)
        {
            Assert.DoesNotContain("</script", block.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<!--", block.Groups[1].Value, StringComparison.Ordinal);
            JsonNode.Parse(block.Groups[1].Value); // still valid JSON: the block was not cut short
        }
        var doc = new HtmlParser().ParseDocument(html);
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        var achievement = JsonLdBlocks(html).Single(j => HasType(j, "Achievement"));
        Assert.Equal("</script><script>alert(1)</script>", (string?)achievement["name"]); // escaped, not altered
    }

    // ---------------------------------------------------------------- helpers

    private static List<JsonNode> JsonLdBlocks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("script[type=\"application/ld+json\"]")
            .Select(s => JsonNode.Parse(s.TextContent)!).ToList();

    private static bool HasType(JsonNode json, string type) => json["type"] switch
    {
        JsonArray a => a.Any(t => (string?)t == type),
        JsonValue v => (string?)v == type,
        _ => false,
    };
}
