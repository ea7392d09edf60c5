using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>Free pages (input/pages/**/*.md): front matter diagnostics keep the file's own line numbers, and addresses are unique.</summary>
public class LoadPagesTests
{
    [Fact]
    public void Page_ReportsFrontMatterProblems_AtTheLinesOfTheMarkdownFile()
    {
        using var site = TestSite.Build("""
            -- input/pages/about.md --
            ---
            title: About
            titel: typo
            order: first
            ---
            Hi.
            """);

        site.AssertDiagnostics(
            "input/pages/about.md:3:1: warning CS0007: unknown field 'titel'",
            "input/pages/about.md:4:8: error CS0002: 'order' must be a whole number, found 'first'");
    }

    [Fact]
    public void Page_ReportsMissingFrontMatter()
    {
        using var site = TestSite.Build("""
            -- input/pages/about.md --
            # About, with no front matter
            """);

        site.AssertDiagnostic("input/pages/about.md:1:1: error CS0003: a page needs YAML front matter with a title");
    }

    [Fact]
    public void Pages_ReportDuplicateAddress_WhenTwoPagesUseTheSameSlug()
    {
        using var site = TestSite.Build("""
            -- input/pages/team.md --
            ---
            title: Team
            slug: about
            ---
            Us.
            """);

        site.AssertDiagnostic("input/pages/team.md:1:1: error CS0008: the page address 'about/' is already used by the site");
    }

    [Theory]
    [InlineData("input/pages/badges.md")]
    [InlineData("input/pages/badges/code-review.md")]
    [InlineData("input/pages/roles/engineer-1.md")]
    public void Page_ReportsDuplicateAddress_WhenItsSlugIsAGeneratedPage(string path)
    {
        using var site = TestSite.Build($"""
            -- {path} --
            ---
            title: Shadow
            ---
            I would replace a generated page.
            """);

        var d = Assert.Single(site.Diagnostics);
        Assert.Equal((path, "CS0008"), (d.Location.Path, d.Code));
        Assert.Equal(1, site.ExitCode);
    }
}
