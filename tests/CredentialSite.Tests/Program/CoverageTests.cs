using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Program;

/// <summary>Issue 18: the coverage page, and its counts in validate's summary.</summary>
public sealed class CoverageTests
{
    private static string WithGaps => TestSite.Minimal.Replace("  - id: influence\n",
        "  - id: testing\n    name: Testing Canary-Competency\n    cluster: Craft\n  - id: influence\n") + """

        -- catalog/badges/lonely.yml --
        name: Lonely Badge
        tier: distinction
        issuer: academy
        competencies:
          - { competency: influence, level: expert }
        assessment:
          - { method: knowledge-exam }
        """;

    [Fact]
    public void AnUncoveredCompetency_AndAnUnusedBadge_AppearOnTheCoveragePage()
    {
        using var site = TestSite.CreateExactly(WithGaps).Run().AssertOk();
        site.AssertFile("program/coverage/index.html",
            "Testing Canary-Competency</a> <span class=\"tag\">not covered</span>",
            "<a href=\"/badges/lonely/\">Lonely Badge</a>",
            "promotion can be met with the active and pilot badges");
        site.AssertFile("index.html", "<a href=\"/program/coverage/\">Coverage</a>");
    }

    [Fact]
    public void ARoleNoBadgesCanReach_IsListed()
    {
        // The only capability badge is retired: Engineer II's package can never be met (CS0019 too, but the page says which role).
        using var site = TestSite.CreateExactly(TestSite.Minimal.Replace("tier: capability", "tier: capability\nstatus: retired"));
        var report = CredentialSite.Program.Coverage.Run(new CredentialSite.Analyze.SiteIndex(site.LoadCatalog(), BuildOptions.Default));
        Assert.Equal(["engineer-2"], report.UnreachableRoles.Select(r => r.Id));
    }

    [Fact]
    public void Validate_CountsCoverage_InItsSummary()
    {
        using var site = TestSite.CreateExactly(WithGaps);
        Assert.Equal(0, site.Cli("validate", "--source", "{src}"));
        Assert.Contains("; coverage: 1 competency without a badge, 1 badge no role uses, 0 roles no badges reach (", site.Stdout);
    }
}
