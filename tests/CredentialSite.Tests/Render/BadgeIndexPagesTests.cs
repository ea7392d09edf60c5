using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Render;

/// <summary>
/// A long badge index is split into pages of <c>badgesPerPage</c> (site.yml), in each of its orders; the name order goes
/// tier by tier, so the tier links (on the index and the home page) lead to the page where each tier starts.
/// </summary>
public class BadgeIndexPagesTests
{
    // Five badges, two a page, tier by tier: baseline Code Review, Zulu | capability Beacon, Stakeholder Management |
    // distinction Alpha (by name alone the pages would be Alpha, Beacon | Code Review, Stakeholder Management | Zulu).
    private const string FiveBadgesTwoAPage = """
        -- site.yml --
        title: Test Catalog
        baseUrl: https://example.org/
        asOf: 2026-11-01
        badgesPerPage: 2
        -- catalog/badges/zulu.yml --
        name: Zulu
        tier: baseline
        issuer: academy
        competencies:
          - { competency: code-quality, level: developing }
        assessment:
          - { method: knowledge-exam }
        -- catalog/badges/beacon.yml --
        name: Beacon
        tier: capability
        issuer: academy
        competencies:
          - { competency: influence, level: developing }
        assessment:
          - { method: portfolio-review }
        -- catalog/badges/alpha.yml --
        name: Alpha
        tier: distinction
        issuer: academy
        competencies:
          - { competency: influence, level: expert }
        assessment:
          - { method: work-sample }
        """;

    private static readonly string[] AllNames = ["Alpha", "Beacon", "Code Review", "Stakeholder Management", "Zulu"];

    [Theory]
    [InlineData("name", "badges/")]
    [InlineData("rigor", "badges-by/rigor/")]
    [InlineData("issuer", "badges-by/issuer/")]
    [InlineData("newest", "badges-by/newest/")]
    public void EachOrder_RunsOnAcrossThreePages_EveryBadgeOnExactlyOneOfThem(string sort, string first)
    {
        using var site = TestSite.Build(FiveBadgesTwoAPage).AssertOk();

        string[] pages = [first, $"badges-by/{sort}/2/", $"badges-by/{sort}/3/"];
        var rows = pages.SelectMany(p => site.Html(p + "index.html").QuerySelectorAll("table tbody tr")
            .Select(tr => (Name: tr.QuerySelector("th a")!.TextContent, Rigor: double.Parse(tr.QuerySelector("td.num")!.TextContent, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        var names = rows.Select(r => r.Name).ToList();
        string[] expected = sort switch
        {
            "name" => ["Code Review", "Zulu", "Beacon", "Stakeholder Management", "Alpha"], // tier by tier
            "rigor" => [.. rows.OrderByDescending(r => r.Rigor).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Name)],
            "issuer" => ["Alpha", "Beacon", "Code Review", "Stakeholder Management", "Zulu"], // one issuer: by name
            _ => ["Code Review", "Alpha", "Beacon", "Stakeholder Management", "Zulu"], // only Code Review has a change
        };
        Assert.Equal(expected, names);
        Assert.Equal(AllNames, names.Order(StringComparer.Ordinal));
        Assert.False(site.FileExists($"badges-by/{sort}/4/index.html"));
        Assert.False(site.FileExists($"badges-by/{sort}/1/index.html"));
        foreach (var p in pages) Assert.Contains($"<loc>https://example.org/{p}</loc>", site.ReadFile("sitemap.xml"));
    }

    [Fact]
    public void APagedIndexWithAnEmptyTier_NamesThatTierWithoutALink()
    {
        // The two badges of the minimal site, one a page: no distinction badge.
        using var site = TestSite.Build("""
            -- site.yml --
            title: Test Catalog
            baseUrl: https://example.org/
            asOf: 2026-11-01
            badgesPerPage: 1
            """).AssertOk();

        Assert.Contains("Distinction (0)", site.Html("badges/index.html").QuerySelector(".lead")!.TextContent);
        Assert.Equal(["/badges/#tier-baseline", "/badges-by/name/2/#tier-capability"],
            site.Html("index.html").QuerySelectorAll("a[href*='#tier-']").Select(a => a.GetAttribute("href")));
        Assert.Contains("Distinction", site.Html("index.html").QuerySelector("#by-tier")!.ParentElement!.TextContent);
    }

    [Fact]
    public void ThePagesOfTheNameOrder_GoTierByTier_AndLinkToEachOther()
    {
        using var site = TestSite.Build(FiveBadgesTwoAPage).AssertOk();

        var second = site.Html("badges-by/name/2/index.html");
        Assert.Equal("All badges (page 2 of 3) · Test Catalog", second.Title);
        Assert.Equal(["Beacon", "Stakeholder Management"], second.QuerySelectorAll(".cards .badge-card h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["tier-capability"], second.QuerySelectorAll("section[aria-labelledby^=tier-] h2").Select(h => h.Id));
        Assert.Contains("5 badges. This page lists badges 3–4.", second.QuerySelector(".lead")!.TextContent);
        // Tier links lead to where each tier starts, here and on the home page.
        string[] tierLinks = ["/badges/#tier-baseline", "/badges-by/name/2/#tier-capability", "/badges-by/name/3/#tier-distinction"];
        Assert.Equal(tierLinks, second.QuerySelectorAll(".lead a").Select(a => a.GetAttribute("href")));
        Assert.Equal(tierLinks, site.Html("index.html").QuerySelectorAll("a[href*='#tier-']").Select(a => a.GetAttribute("href")));
        // The pager, above and below the list: previous, the pages (this one current), next.
        var pagers = second.QuerySelectorAll("nav.pager");
        Assert.Equal(["Pages of the badge list", "Pages of the badge list, again"], pagers.Select(n => n.GetAttribute("aria-label")));
        var pager = pagers[0];
        Assert.Equal("/badges/", pager.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/badges-by/name/3/", pager.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("Page 2", pager.QuerySelector("a[aria-current=page]")!.TextContent);
        Assert.Equal("/badges-by/name/2/", pager.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
        Assert.Null(site.Html("badges/index.html").QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(site.Html("badges-by/name/3/index.html").QuerySelector("nav.pager a[rel=next]"));
    }

    [Fact]
    public void AnIndexThatFitsOnOnePage_HasNoPager_AndShowsEveryTier()
    {
        using var site = TestSite.Build().AssertOk();

        var index = site.Html("badges/index.html");
        Assert.Null(index.QuerySelector("nav.pager"));
        Assert.False(site.FileExists("badges-by/name/2/index.html"));
        Assert.Equal(["tier-baseline", "tier-capability", "tier-distinction"], index.QuerySelectorAll("section[aria-labelledby^=tier-] h2").Select(h => h.Id));
        Assert.Contains("No distinction badges yet.", index.Body!.TextContent);
    }

    [Fact]
    public void BadgesPerPage_MustBeAWholeNumberOfAtLeastOne()
    {
        using var site = TestSite.Build("""
            -- site.yml --
            title: Test Catalog
            baseUrl: https://example.org/
            badgesPerPage: 0
            """);

        site.AssertDiagnostic("site.yml:3:16: error CS0015: 'badgesPerPage' must be at least 1, found 0");
    }

    [Theory]
    [InlineData(1, 1, "[1]")]
    [InlineData(2, 6, "1 [2] 3 4 5 6")]        // a gap would hide page 5 alone: it is shown
    [InlineData(5, 9, "1 2 3 4 [5] 6 7 8 9")]
    [InlineData(1, 6, "[1] 2 3 … 6")]
    [InlineData(6, 12, "1 … 4 5 [6] 7 8 … 12")]
    [InlineData(12, 12, "1 … 10 11 [12]")]
    public void ThePager_ShowsTheEnds_AndTwoPagesEachSideOfTheCurrentOne(int current, int count, string expected)
    {
        var links = CredentialSite.Render.ViewBuilder.PageLinks(current, count, n => $"p{n}/");

        Assert.Equal(expected, string.Join(" ", links.Select(l => l.Number is null ? "…" : l.Current ? $"[{l.Number}]" : $"{l.Number}")));
        Assert.All(links.Where(l => l.Number is not null), l => Assert.Equal($"p{l.Number}/", l.Url));
    }
}
