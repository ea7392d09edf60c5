using AngleSharp.Html.Parser;
using CredentialSite.PostProcess;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.PostProcess;

/// <summary>The link scanner finds exactly the references a real HTML parser finds.</summary>
public sealed class CheckLinksTests : IClassFixture<SampleSiteFixture>
{
    private readonly SampleSiteFixture _sample;

    public CheckLinksTests(SampleSiteFixture sample) => _sample = sample;

    [Fact]
    public void Scanner_FindsTheSameReferences_AsAngleSharp_OnEverySamplePage()
    {
        var parser = new HtmlParser();
        var pages = _sample.Files("", "*.html", recursive: true);
        Assert.True(pages.Count > 50);
        foreach (var page in pages)
        {
            var html = _sample.Read(page);
            var doc = parser.ParseDocument(html);
            var expected = doc.QuerySelectorAll("[href], [src], [action], [srcset]")
                .SelectMany(e => new[] { "href", "src", "action", "srcset" }.Where(e.HasAttribute).Select(a => a + "=" + e.GetAttribute(a)))
                .Order(StringComparer.Ordinal).ToList();
            var found = CheckLinks.References(html).Select(r => r.Attribute + "=" + System.Net.WebUtility.HtmlDecode(r.Value))
                .Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(found), $"{page}: AngleSharp found {expected.Count}, the scanner {found.Count}");
        }
    }

    [Theory]
    [InlineData("<a href=\"/repo/x/\">", "href=/repo/x/")]
    [InlineData("<img alt='a' src='/repo/i.svg'>", "src=/repo/i.svg")]
    [InlineData("<script src=\"/repo/s.js\"></script><script>var a = '<a href=\"/nope\">';</script>", "src=/repo/s.js")]
    [InlineData("<!-- <a href=\"/nope\"> --><p title=\"x href='/nope'\">t</p>", "")]
    [InlineData("<p>href=\"/nope\" in text</p>", "")]
    public void Scanner_ReadsOnlyRealAttributes(string html, string expected)
    {
        var found = string.Join(" ", CheckLinks.References(html).Select(r => r.Attribute + "=" + r.Value));
        Assert.Equal(expected, found);
    }
}
