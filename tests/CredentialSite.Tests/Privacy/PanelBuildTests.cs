using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Privacy;

/// <summary>
/// Issue 18: <c>consent.panelScope</c> sections are shared with promotion panels only. The panel build
/// (<c>--audience panel</c>) shows them on a noindex site; the public build never contains them, in any file.
/// </summary>
public sealed class PanelBuildTests
{
    // A unique canary in every section the person shares with panels only.
    private const string Portfolio = """
        -- input/portfolios/pat/portfolio.yml --
        name: Pat Panel
        consent:
          publish: true
          scope: [profile, badges, evidence]
          panelScope: [reflections, managerStatement, metrics, plan]
        headline: Shares some things with panels only.
        currentRole: engineer-1
        targetRole: engineer-2
        badges:
          - badge: code-review
            version: 1.0.0
            issued: 2026-03-10
            evidence:
              - { type: artifact, title: Public artifact, url: https://example.org/pr }
              - type: metric
                title: PANEL-CANARY-METRIC
                metric: { name: cycle time, unit: days, before: 12, after: 7, source: PANEL-CANARY-SOURCE }
            reflection: PANEL-CANARY-REFLECTION
        managerStatement: { by: Dana, role: Manager, date: 2026-10-01, statement: PANEL-CANARY-MANAGER }
        plan:
          - { title: PANEL-CANARY-PLAN, due: 2026-12-15, status: in-progress }
        """;

    private static readonly string[] Canaries =
        ["PANEL-CANARY-METRIC", "PANEL-CANARY-SOURCE", "PANEL-CANARY-REFLECTION", "PANEL-CANARY-MANAGER", "PANEL-CANARY-PLAN"];

    [Fact]
    public void PanelOnlySections_AreInThePanelBuild()
    {
        using var site = TestSite.Build(Portfolio, o => o with { Audience = Audience.Panel }).AssertOk();
        site.AssertFile("people/pat/index.html", Canaries);
        site.AssertFile("people/pat/dossier/index.html", "PANEL-CANARY-MANAGER", "PANEL-CANARY-REFLECTION");
    }

    [Fact]
    public void PanelOnlySections_AreInNoFileOfThePublicBuild()
    {
        using var site = TestSite.Build(Portfolio).AssertOk();
        site.AssertFile("people/pat/index.html", "Pat Panel", "Public artifact", "! <meta name=\"robots\"");
        foreach (var file in site.OutputFiles())
        {
            var text = File.ReadAllText(Path.Combine(site.Output, file));
            Assert.DoesNotContain("PANEL-CANARY", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ThePanelBuild_MarksEveryPageNoindex_AndDisallowsAllCrawlers()
    {
        using var site = TestSite.Build(Portfolio, o => o with { Audience = Audience.Panel }).AssertOk();
        var pages = site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", site.ReadFile(page), StringComparison.Ordinal);
        Assert.Equal("User-agent: *\nDisallow: /\n", site.ReadFile("robots.txt"));
    }

    [Fact]
    public void Audience_IsAnOptionOfBuild_AndAnUnknownOneIsAUsageError()
    {
        using var site = TestSite.Create(Portfolio);
        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}", "--audience", "panel"));
        site.AssertFile("people/pat/index.html", "PANEL-CANARY-REFLECTION", "For promotion panels only");
        Assert.Equal(2, site.Cli("build", "--source", "{src}", "--output", "{out}", "--audience", "everyone"));
    }
}
