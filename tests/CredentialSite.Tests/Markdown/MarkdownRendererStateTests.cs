using CredentialSite.Markdown;

namespace CredentialSite.Tests.Markdown;

/// <summary>
/// Markdig lends its pipelines' HTML renderers from a pool and does not reset every switch a renderer flips while it
/// renders (a tight list's implicit paragraphs, an image's plain alt text). A render that throws part-way (Markdown
/// nested too deeply) must therefore never use a pooled renderer, or the next page rendered with it loses its
/// <c>&lt;p&gt;</c> tags: this once made whole-site tests fail at random when a depth check ran beside a build.
/// </summary>
public class MarkdownRendererStateTests
{
    private static readonly string[] Deep =
    [
        string.Concat(Enumerable.Repeat("- ", 300)) + "deep",
        string.Concat(Enumerable.Repeat("* ", 200)) + string.Concat(Enumerable.Repeat("> ", 200)) + "deep",
        "- item\n\n  " + string.Concat(Enumerable.Repeat("![", 300)) + "x" + string.Concat(Enumerable.Repeat("](u)", 300)),
        string.Concat(Enumerable.Repeat("*a ", 300)) + "x" + string.Concat(Enumerable.Repeat(" a*", 300)),
        new string('>', 300) + " deep",
    ];

    public static TheoryData<string> DeepTexts => new(Deep);

    [Theory]
    [MemberData(nameof(DeepTexts))]
    public void A_depth_check_that_throws_leaves_page_rendering_whole(string deep)
    {
        var md = MarkdownRenderer.Instance;
        for (var i = 0; i < 4; i++)
        {
            Assert.True(md.IsTooDeep(deep));
            Assert.Equal("<p>Holders review <em>code</em>.</p>\n", md.Trusted("Holders review *code*."));
            Assert.Equal("<p>Holders review <em>code</em>.</p>\n", md.Untrusted("Holders review *code*."));
            Assert.Equal("<ul>\n<li>one <img src=\"u\" alt=\"a b\" /></li>\n</ul>\n", md.Trusted("- one ![a *b*](u)"));
        }
    }

    [Fact]
    public void Depth_checks_and_page_rendering_at_once_never_mix()
    {
        var md = MarkdownRenderer.Instance;
        var deep = Deep;
        var wrong = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 2 == 0) md.IsTooDeep(deep[i / 2 % deep.Length]);
            else if (md.Trusted("Holders review *code*.") != "<p>Holders review <em>code</em>.</p>\n") Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }
}
