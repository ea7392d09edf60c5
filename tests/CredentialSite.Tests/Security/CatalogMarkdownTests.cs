using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Security;

/// <summary>
/// Catalog Markdown follows Hugo's convention: raw HTML is omitted (<c>&lt;!-- raw HTML omitted --&gt;</c> in its place)
/// and links with another scheme than http(s) or mailto lose their address, unless site.yml says
/// <c>markdown: { unsafe: true }</c>.
/// </summary>
public sealed class CatalogMarkdownTests
{
    private const string Badge = """
        -- catalog/badges/stakeholder-management.yml --
        name: Stakeholder Management
        tier: capability
        issuer: academy
        description: |
          Before <span onmouseover="alert(1)">inline</span> after.

          <script>alert(2)</script>

          [click](javascript:alert(3)) [ref][r] <javascript:alert(4)> [fine](https://example.org/fine) [mail](mailto:a@example.org)

          [r]: JAVASCRIPT:alert(5)
        governance:
          changelog:
            - { version: 1.0.0, date: 2026-01-15, changes: "First <img src=x onerror=alert(6)> version." }
        -- input/pages/about.md --
        ---
        title: About
        ---
        <iframe src="https://evil.example/"></iframe>

        About <b>us</b>.
        """;

    /// <summary>Minimal's site.yml with the option added (nothing else changes, so only the option can re-render a page).</summary>
    private const string Unsafe = """
        -- site.yml --
        title: Test Catalog
        description: A tiny catalog for tests.
        baseUrl: https://example.org/
        language: en
        organization: { name: Test Org, url: https://org.example }
        asOf: 2026-11-01
        markdown: { unsafe: true }
        """;

    [Fact]
    public void RawHtml_IsOmitted_AndScriptLinksLoseTheirAddress_ByDefault()
    {
        using var site = TestSite.Build(Badge).AssertOk();
        site.AssertFile("badges/stakeholder-management/index.html",
            "<p>Before <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> after.</p>\n  <!-- raw HTML omitted -->");
        site.AssertFile("about/index.html", "<!-- raw HTML omitted -->", "About <!-- raw HTML omitted -->us<!-- raw HTML omitted -->.");
        site.AssertFile("feed.xml", "First &lt;!-- raw HTML omitted --&gt; version.", "! onerror");
        foreach (var page in new[] { "badges/stakeholder-management/index.html", "about/index.html" })
        {
            var main = site.Html(page).QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, iframe, img, span[onmouseover], b"));
            Assert.DoesNotContain(main.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        }
        var links = site.Html("badges/stakeholder-management/index.html").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://example.org/fine", links);
        Assert.Contains("mailto:a@example.org", links);
    }

    [Fact]
    public void RawHtml_IsPublished_WhenTheSiteOptsIn()
    {
        using var site = TestSite.Build(Badge + "\n" + Unsafe).AssertOk();
        site.AssertFile("badges/stakeholder-management/index.html", "<span onmouseover=\"alert(1)\">inline</span>", "<script>alert(2)</script>");
        site.AssertFile("about/index.html", "About <b>us</b>.");
    }

    [Fact]
    public void ChangingTheOption_RendersThePagesAgain()
    {
        using var site = TestSite.Build(Badge).AssertOk();
        site.AssertFile("about/index.html", "! <b>us</b>");
        foreach (var (path, content) in TestSite.ParseTxtar(Unsafe)) site.Write(path, content);
        site.Run().AssertOk();
        site.AssertFile("about/index.html", "About <b>us</b>.");
        site.AssertFile("badges/stakeholder-management/index.html", "<script>alert(2)</script>");
    }

    [Fact]
    public void TheOption_IsATrueOrFalse()
    {
        using var site = TestSite.Build("""
            -- site.yml --
            title: Test Catalog
            baseUrl: https://example.org/
            markdown: { unsafe: yes please, usafe: true }
            """);
        site.AssertDiagnostics(
            "site.yml:3:21: error CS0002: 'unsafe' must be true or false",
            "site.yml:3:33: warning CS0007: unknown field 'usafe'");
    }
}
