using System.Text;
using CredentialSite.Render;

namespace CredentialSite.Tests.Render;

/// <summary>Pages are encoded to UTF-8 as templates write them, in segments: the bytes must be exactly the text's UTF-8.</summary>
public class TemplateOutputTests
{
    [Fact]
    public void APageLargerThanASegment_IsItsTextInUtf8_WithCharactersAndPairsSplitAcrossWritesAndSegments()
    {
        // 3-byte and 4-byte characters land on every offset of the 64 KB segment boundaries; one pair is split between writes.
        var writes = new List<string>();
        for (var i = 0; i < 60_000; i++) writes.Add(i % 3 == 0 ? "a€" : i % 3 == 1 ? "🎉b" : "ü");
        writes.Add("x\uD83C");
        writes.Add("\uDF89y"); // the low half of 🎉, in the next write
        writes.Add("lone \uD800 high, then text");
        writes.Add("end \uD83C"); // a high surrogate left at the very end
        var output = TemplateOutput.Page();
        foreach (var w in writes) output.Write(w, 0, w.Length);

        var expected = Encoding.UTF8.GetBytes(string.Concat(writes)); // lone halves become U+FFFD, as here
        Assert.True(expected.Length > 3 * 64 * 1024);
        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void TheLayout_CopiesThePageIn_WhereItPrintsTheContent()
    {
        var page = TemplateOutput.Page();
        var body = string.Concat(Enumerable.Repeat("<p>Grüße 🎉</p>\n", 9000));
        page.Write(body, 0, body.Length);
        var layout = TemplateOutput.Layout();
        layout.Write("<main>ä", 0, 7);
        layout.Append(page.Finish());
        layout.Write("</main>", 0, 7);

        Assert.Equal(Encoding.UTF8.GetBytes("<main>ä" + body + "</main>"), layout.ToArray());
        Assert.Equal(body, new RenderedContent(page).ToString());
    }

    [Fact]
    public void AThreadsOutput_IsEmptiedForTheNextPage()
    {
        var first = TemplateOutput.Page();
        var big = new string('x', 300_000);
        first.Write(big, 0, big.Length);
        var second = TemplateOutput.Page();
        second.Write("small", 0, 5);

        Assert.Equal("small"u8.ToArray(), second.ToArray());
    }
}
