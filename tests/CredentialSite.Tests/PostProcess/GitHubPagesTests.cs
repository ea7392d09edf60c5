using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.PostProcess;

/// <summary>
/// A site served from a project page (https://owner.github.io/repo/): every internal link carries the base path
/// and resolves, the GitHub Pages files exist, and a broken link fails the build (stage 7, CheckLinks).
/// </summary>
public class GitHubPagesTests
{
    private const string RepoUrl = "https://example.github.io/repo/";

    [Fact]
    public void InternalLinks_StartWithTheBasePathAndResolve_WhenTheSampleIsBuiltForARepoPath()
    {
        using var site = TestSite.CreateExactly(); // an empty temp dir: the output goes there, the source is the repo
        var result = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = site.Output, BaseUrl = RepoUrl });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Sorted()));

        var problems = new List<string>();
        var checkedLinks = 0;
        var parser = new HtmlParser();
        foreach (var page in site.OutputFiles().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = parser.ParseDocument(site.ReadFile(page));
            var links = doc.QuerySelectorAll("a[href]").Select(e => e.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!))
                .Concat(doc.QuerySelectorAll("img[src], script[src], source[src]").Select(e => e.GetAttribute("src")!));
            foreach (var link in links.Where(IsInternal))
            {
                checkedLinks++;
                if (!link.StartsWith("/repo/", StringComparison.Ordinal)) { problems.Add($"{page}: '{link}' lacks the base path"); continue; }
                var path = link["/repo/".Length..].Split('#')[0].Split('?')[0];
                if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
                if (!site.FileExists(Uri.UnescapeDataString(path))) problems.Add($"{page}: '{link}' points to no file");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.True(checkedLinks > 500, $"only {checkedLinks} internal links checked");
    }

    [Fact]
    public void Build_AtTheHostRoot_WritesRobotsTxt_NamingTheSitemap()
    {
        using var site = TestSite.Build(options: o => o with { BaseUrl = "https://credentials.example.org/" }).AssertOk();
        site.AssertFile("robots.txt", "User-agent: *", "Sitemap: https://credentials.example.org/sitemap.xml");
    }

    [Fact]
    public void Build_WritesTheGitHubPagesFiles_WithAbsoluteUrlsUnderTheBasePath()
    {
        using var site = TestSite.Build(options: o => o with { BaseUrl = RepoUrl }).AssertOk();

        Assert.Equal("", site.ReadFile(".nojekyll"));
        Assert.False(site.FileExists("CNAME"));
        site.AssertFile("404.html", "<a href=\"/repo/\">Go to the home page</a>", "href=\"/repo/css/site.css\"");
        // Under a path no crawler reads robots.txt: the sitemap is announced in every page, and the favicon linked.
        Assert.False(site.FileExists("robots.txt"));
        site.AssertFile("index.html", "<link rel=\"sitemap\" type=\"application/xml\" href=\"/repo/sitemap.xml\">",
            "<link rel=\"icon\" href=\"/repo/favicon.svg\" type=\"image/svg+xml\">");
        Assert.True(site.FileExists("favicon.svg"));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.ReadFile("sitemap.xml")).Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.github.io/repo/", locs);
        Assert.Contains("https://example.github.io/repo/badges/code-review/", locs);
        Assert.Contains("https://example.github.io/repo/about/", locs);
        Assert.All(locs, l => Assert.StartsWith(RepoUrl, l));
        Assert.DoesNotContain(locs, l => l.Contains("404"));
    }

    [Fact]
    public void Feed_IsAWellFormedAtomFeedOfBadgeChanges()
    {
        using var site = TestSite.Build(options: o => o with { BaseUrl = RepoUrl }).AssertOk();

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.ReadFile("feed.xml")).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("https://example.github.io/repo/feed.xml", feed.Element(atom + "id")!.Value);
        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.Equal("Code Review 1.0.0", entry.Element(atom + "title")!.Value);
        Assert.Equal("https://example.github.io/repo/badges/code-review/", entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("2026-01-15T00:00:00Z", entry.Element(atom + "updated")!.Value);
    }

    [Fact]
    public void Build_WritesCname_WhenSiteYmlSetsIt()
    {
        using var site = TestSite.Build("""
            -- site.yml --
            title: Test Catalog
            baseUrl: https://badges.example.org/
            cname: badges.example.org
            asOf: 2026-11-01
            """).AssertOk();

        Assert.Equal("badges.example.org\n", site.ReadFile("CNAME"));
    }

    [Fact]
    public void Build_FailsWithBrokenLinkNamingThePage_WhenMarkdownLinksToAMissingBadge()
    {
        using var site = TestSite.Build("""
            -- input/pages/about.md --
            ---
            title: About the program
            ---
            See [the missing badge](/repo/badges/nope/).
            """, o => o with { BaseUrl = RepoUrl });

        var d = Assert.Single(site.Diagnostics);
        Assert.Equal("CS0202", d.Code);
        Assert.Equal(new("input/pages/about.md", 4, 25), d.Location); // the Markdown the author wrote, not the HTML
        Assert.Contains("'/repo/badges/nope/'", d.Message);
        Assert.Contains("(on about/index.html)", d.Message);
        Assert.Equal(1, site.ExitCode);
        Assert.False(Directory.Exists(site.Output)); // nothing written
    }

    [Fact]
    public void ABrokenLinkInABadgesMarkdown_IsReportedInTheBadgeFile_AndOneTheTemplateMade_OnThePage()
    {
        using var site = TestSite.Create();
        var badge = File.ReadAllText(Path.Combine(site.Source, "catalog/badges/code-review.yml"));
        site.Write("catalog/badges/code-review.yml", badge.Replace("description: Holders review code well.",
            "description: |\n  Holders review code well (see /repo/gone/ for an old copy).\n  See [the guide](/repo/guide/)."));
        var template = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "theme/templates/badge.html"));
        site.Write("theme/templates/badge.html", template + "<p><a href=\"{{ url 'gone/' }}\">Old copy</a></p>\n");
        site.Run(o => o with { BaseUrl = RepoUrl });

        Assert.True(site.Diagnostics.Count == 3, string.Join("\n", site.Diagnostics)); // the template's link is on both badges' pages
        Assert.All(site.Diagnostics, d => Assert.Equal("CS0202", d.Code));
        var markdown = Assert.Single(site.Diagnostics, d => d.Message.Contains("'/repo/guide/'"));
        Assert.Equal(new("catalog/badges/code-review.yml", 5, 19), markdown.Location); // the YAML the author wrote
        Assert.Contains("(on badges/code-review/index.html)", markdown.Message);
        // The template's link is on the same page, and its text is in the YAML too, but not as a link: the generated page.
        Assert.Equal(["badges/code-review/index.html", "badges/stakeholder-management/index.html"],
            site.Diagnostics.Where(d => d.Message.Contains("'/repo/gone/'")).Select(d => d.Location.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_FailsWithBrokenLink_WhenALinkLeavesTheBasePath()
    {
        using var site = TestSite.Build("""
            -- input/pages/about.md --
            ---
            title: About the program
            ---
            See [all badges](/badges/).
            """, o => o with { BaseUrl = RepoUrl });

        var d = Assert.Single(site.Diagnostics);
        Assert.Equal("CS0202", d.Code);
        Assert.Contains("'/badges/'", d.Message);
    }

    [Fact]
    public void Build_AcceptsRelativeMarkdownLinks_ThatResolveInsideTheSite()
    {
        using var site = TestSite.Build("""
            -- input/pages/about.md --
            ---
            title: About the program
            ---
            See [all badges](../badges/) and [Code Review](/repo/badges/code-review/#rubric).
            """, o => o with { BaseUrl = RepoUrl }).AssertOk();

        site.AssertFile("about/index.html", "<a href=\"../badges/\">all badges</a>");
    }

    private static bool IsInternal(string link) =>
        link.Length > 0 && !link.StartsWith('#') && !link.StartsWith("//", StringComparison.Ordinal)
        && !System.Text.RegularExpressions.Regex.IsMatch(link, "^[a-zA-Z][a-zA-Z0-9+.-]*:");
}
