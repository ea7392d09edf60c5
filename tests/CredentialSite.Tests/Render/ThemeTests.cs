using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Render;

/// <summary>A site's theme/ overrides the built-in theme file by file; template errors point at theme/…:line:col (1-based).</summary>
public class ThemeTests
{
    [Fact]
    public void SiteTheme_OverridesOneTemplate_AndKeepsTheOthers()
    {
        using var site = TestSite.Build("""
            -- theme/templates/404.html --
            <h1>Lost?</h1>
            -- theme/static/css/extra.css --
            body { color: red; }
            """).AssertOk();

        site.AssertFile("404.html", "<h1>Lost?</h1>", "! Page not found</h1>");
        site.AssertFile("badges/index.html", "<h1>All badges</h1>");
        site.AssertFile("css/extra.css", "color: red");
        Assert.True(site.FileExists("css/site.css"));
    }

    [Fact]
    public void Theme_ReportsTemplateSyntaxError_AtItsOneBasedPosition()
    {
        using var site = TestSite.Build("""
            -- theme/templates/page.html --
            <h1>{{ model.page.title }}</h1>
            {{ if }}
            """);

        site.AssertDiagnostics(
            "theme/templates/page.html:2:7: error CS0201: Error while parsing if statement: Expecting <expression>",
            "theme/templates/page.html:2:9: error CS0201");
        Assert.Equal(1, site.ExitCode);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Theme_ReportsUnknownMember_WhenATemplateMisspellsAName()
    {
        using var site = TestSite.Build("""
            -- theme/templates/page.html --
            <h1>{{ model.page.title }}</h1>
              <p>{{ model.page.titel }}</p>
            """);

        var d = site.AssertDiagnostic("theme/templates/page.html:2:20: error CS0201: Cannot get member with name titel.");
        Assert.Contains("(while rendering about/index.html)", d.Message);
    }

    [Fact]
    public void Theme_ReportsAFunctionCalledWithTheWrongNumberOfArguments()
    {
        using var site = TestSite.Build("""
            -- theme/templates/page.html --
            <h1>{{ model.page.title }}</h1>
            <a href="{{ url 'a/' 'b/' }}">x</a>
            """);

        var d = site.AssertDiagnostic("theme/templates/page.html:2:22: error CS0201: Invalid number of arguments `2` passed to `url 'a/' 'b/'` while expecting `1` arguments");
        Assert.Contains("(while rendering about/index.html)", d.Message);
    }

    [Fact]
    public void Theme_EscapesValues_ButNotTheOutputOfMd()
    {
        using var site = TestSite.Build("""
            -- theme/templates/page.html --
            <h1>{{ model.page.title }}</h1>
            {{ md model.page.markdown }}
            -- input/pages/about.md --
            ---
            title: A <b> title
            ---
            Some **bold** text.
            """).AssertOk();

        site.AssertFile("about/index.html", "<h1>A &lt;b&gt; title</h1>", "<p>Some <strong>bold</strong> text.</p>");
    }

    [Fact]
    public void ALayout_ThatTreatsTheContentAsText_GetsThePageText()
    {
        // The built-in layout prints content and the JSON-LD blocks as bytes; a layout may also capture them, measure them
        // or pass them to a function.
        using var site = TestSite.Build("""
            -- theme/templates/layout.html --
            <!doctype html><title>{{ page.title }}</title>
            {{ capture body }}{{ content }}{{ end }}<main data-chars="{{ content | string.size }}" data-captured="{{ body | string.size }}" data-html="{{ content.html | string.size }}">
            {{ content }}</main>
            <footer>{{ content | string.contains "<h1>Tom &amp; Jerry</h1>" }}</footer>
            <aside>{{ page.json_ld[0].html | string.contains "BreadcrumbList" }}</aside>{{ page.json_ld[0] }}
            <p>{{ site.as_of.year }}-{{ site.as_of.month }}</p>
            -- theme/templates/page.html --
            <h1>{{ model.page.title }}</h1>
            -- input/pages/about.md --
            ---
            title: Tom & Jerry
            ---
            Hello.
            """).AssertOk();

        // "<h1>Tom &amp; Jerry</h1>\n" is 25 characters.
        site.AssertFile("about/index.html", "<main data-chars=\"25\" data-captured=\"25\" data-html=\"25\">\n<h1>Tom &amp; Jerry</h1>", "<footer>true</footer>",
            "<aside>true</aside><script type=\"application/ld+json\">{",
            "<p>2026-11</p>"); // a struct's members (DateOnly) are read as before
    }
}
