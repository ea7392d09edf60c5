using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Export;

/// <summary>The site's spreadsheet downloads: one CSV per ladder and one for the catalog, in the import's layout, linked from their pages.</summary>
public sealed class CsvDownloadsTests
{
    [Fact]
    public void EachLadder_HasACsvInTheImportLayout_LinkedFromItsPage()
    {
        using var site = TestSite.Build();
        site.AssertOk(); // the link checker accepts the links to the CSV files

        Assert.Equal("""
            Role,Required Badges,Optional Badges,Promotion Package
            Engineer I,Code Review,,
            Engineer II,Code Review,Stakeholder Management,Standard: Code Review + 1 Capability

            """.ReplaceLineEndings("\n"), site.ReadFile("ladders/engineering.csv").ReplaceLineEndings("\n"));
        var link = site.Html("ladders/engineering/index.html").QuerySelector("a[href='/ladders/engineering.csv']");
        Assert.NotNull(link);
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public void TheCatalog_HasACsvWithOneRowPerBadgeAndCompetency_LinkedFromTheBadgeIndex()
    {
        using var site = TestSite.Build();
        site.AssertOk();

        var lines = site.ReadFile("badges.csv").ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Badge,Competency,Observable behaviors,Assessment method,Role level,Id,Tier,Status,Summary", lines[0]);
        Assert.Contains("Code Review,Code Quality,,Work sample,\"developing, Engineer I, Engineer II\",code-review,baseline,active,\"Gives specific, kind and actionable review feedback.\"", lines);
        Assert.Contains("Stakeholder Management,Influence,,Portfolio review,\"proficient, Engineer II\",stakeholder-management,capability,active,Builds agreement for change across teams.", lines);
        Assert.NotNull(site.Html("badges/index.html").QuerySelector("a[href='/badges.csv'][download]"));
    }
}
