using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CredentialSite.Privacy;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Security;

/// <summary>
/// Portfolio files are untrusted: only an allow-list of types is published, checked by their bytes (CS0104); HTML is
/// never published; an SVG photo or evidence file is published without anything that runs or loads content (CS0105
/// tells its author what was removed).
/// </summary>
public sealed class UntrustedFilesTests
{
    public const string HostileSvg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE svg [ <!ENTITY e "entity"> ]>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
             viewBox="0 0 10 10" onload="alert(1)" inkscape:version="1.3">
          <script>alert(2)</script>
          <script xlink:href="https://evil.example/x.js"/>
          <title>Team chart</title>
          <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
          <rect id="keep" width="10" height="10" fill="url(#g)" onclick="alert(3)" ONMOUSEOVER="alert(4)"/>
          <circle cx="5" cy="5" r="2" fill="url(https://evil.example/track.png)" style="fill:blue;background:url(https://evil.example/t)"/>
          <a href="javascript:alert(5)"><text x="1" y="5">Kept text</text></a>
          <a xlink:href="https://evil.example/"><rect width="1" height="1"/></a>
          <use href="https://evil.example/sprite.svg#icon"/>
          <use href="#keep"/>
          <image href="https://evil.example/pixel.png" width="1" height="1"/>
          <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
          <foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(6)</script><iframe src="javascript:alert(7)"/></body></foreignObject>
          <animate attributeName="href" to="javascript:alert(8)"/>
          <set attributeName="onmouseover" to="alert(9)"/>
          <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
          <style>circle { stroke: black }</style>
          <iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>
          <g transform="translate(1,1)"><path d="M0 0L1 1" stroke="url('#g')"/></g>
        </svg>
        """;

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static TestSite Eve(string file, string photo = "")
    {
        var site = TestSite.Create($$"""
            -- input/portfolios/eve/portfolio.yml --
            name: Eve
            consent: { publish: true, scope: [profile, badges, evidence] }
            {{(photo.Length > 0 ? $"photo: {photo}" : "# no photo")}}
            photoAlt: Eve
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: Notes, file: "{{file}}" }
            """);
        return site;
    }

    private static void Put(TestSite site, string relPath, byte[] bytes)
    {
        var full = Path.Combine(site.Source, "input/portfolios/eve", relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    [Theory]
    [InlineData("evidence/report.html", "<html><script>alert(1)</script></html>", "is an HTML file")]
    [InlineData("evidence/report.htm", "<p>hi</p>", "is an HTML file")]
    [InlineData("evidence/page.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'/>", "is an HTML file")]
    [InlineData("evidence/run.js", "alert(1)", "is not a file type portfolios may publish")]
    [InlineData("evidence/tool.exe", "MZ", "is not a file type portfolios may publish")]
    [InlineData("evidence/chart.png", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "is not a PNG image")]
    [InlineData("evidence/photo.jpg", "<html><script>alert(1)</script>", "is not a JPEG image")]
    [InlineData("evidence/memo.pdf", "<!DOCTYPE html><script>alert(1)</script>", "is not a PDF document")]
    [InlineData("evidence/notes.txt", "  <!DOCTYPE html><script>alert(1)</script>", "is not plain text")]
    [InlineData("evidence/notes.md", "<svg onload=alert(1)>", "is not plain text")]
    [InlineData("evidence/broken.svg", "<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "is not a well-formed SVG image")]
    [InlineData("evidence/html.svg", "<html><script>alert(1)</script></html>", "is not a well-formed SVG image")]
    [InlineData("evidence/entities.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><svg xmlns='http://www.w3.org/2000/svg'><text>&b;</text></svg>", "is not a well-formed SVG image")]
    public void EvidenceFile_OfAnotherType_OrWhoseBytesAreNot_IsRefused(string file, string content, string message)
    {
        using var site = Eve(file);
        Put(site, file, Encoding.UTF8.GetBytes(content));
        site.Run();
        var d = site.AssertDiagnostic($"input/portfolios/eve/portfolio.yml:8:47: error CS0104: '{file}' {message}");
        Assert.NotNull(d.Hint);
        Assert.False(site.FileExists("people/eve/" + file));
    }

    [Fact]
    public void PhotoOfANonImageType_IsRefused_WithTheAllowedTypes()
    {
        using var site = Eve("evidence/notes.txt", photo: "me.pdf");
        Put(site, "evidence/notes.txt", "notes"u8.ToArray());
        Put(site, "me.pdf", "%PDF-1.7"u8.ToArray());
        site.Run();
        var d = site.AssertDiagnostic("input/portfolios/eve/portfolio.yml:3:8: error CS0104: 'me.pdf' is not a file type portfolios may publish");
        Assert.Contains("png, jpg, jpeg, gif, webp, svg", d.Hint);
    }

    [Fact]
    public void AllowedFiles_ArePublishedAsTheyAre()
    {
        using var site = TestSite.Create("""
            -- input/portfolios/eve/portfolio.yml --
            name: Eve
            consent: { publish: true, scope: [profile, badges, evidence] }
            photo: me.PNG
            photoAlt: Eve
            badges:
              - badge: code-review
                evidence:
                  - { type: artifact, title: Memo, file: evidence/memo.pdf }
                  - { type: artifact, title: Notes, file: evidence/notes.md }
                  - { type: artifact, title: Data, file: evidence/data.csv }
                  - { type: artifact, title: Text, file: evidence/notes.txt }
                  - { type: artifact, title: Gif, file: evidence/a.gif }
                  - { type: artifact, title: Jpeg, file: evidence/a.jpeg }
                  - { type: artifact, title: Webp, file: evidence/a.webp }
            -- input/portfolios/eve/evidence/notes.md --
            # Notes

            A <b>bold</b> claim.
            -- input/portfolios/eve/evidence/data.csv --
            a,b
            1,2
            -- input/portfolios/eve/evidence/notes.txt --
            3 < 4 and <b> is text here
            """);
        Put(site, "me.PNG", Png);
        Put(site, "evidence/memo.pdf", "%PDF-1.7\n%...\n"u8.ToArray());
        Put(site, "evidence/a.gif", "GIF89a...."u8.ToArray());
        Put(site, "evidence/a.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);
        Put(site, "evidence/a.webp", "RIFF\0\0\0\0WEBPVP8 "u8.ToArray());
        site.Run().AssertOk();
        Assert.Equal(Png, File.ReadAllBytes(Path.Combine(site.Output, "people/eve/me.PNG")));
        Assert.Equal("%PDF-1.7\n%...\n", site.ReadFile("people/eve/evidence/memo.pdf"));
        Assert.Equal("a,b\n1,2\n", site.ReadFile("people/eve/evidence/data.csv"));
    }

    [Fact]
    public void HostileSvg_PhotoAndEvidence_ArePublishedWithoutAnythingActive()
    {
        using var site = Eve("evidence/chart.svg", photo: "me.svg");
        Put(site, "me.svg", Encoding.UTF8.GetBytes(HostileSvg));
        Put(site, "evidence/chart.svg", Encoding.UTF8.GetBytes(HostileSvg));
        site.Run();
        var warnings = site.AssertDiagnostics(
            "input/portfolios/eve/portfolio.yml:3:8: warning CS0105: 'me.svg' is published without what could run or load content: ",
            "input/portfolios/eve/portfolio.yml:8:47: warning CS0105: 'evidence/chart.svg' is published without");
        Assert.Contains("<script>", warnings[0].Message);
        Assert.Equal(0, site.ExitCode); // a warning: the site is built, with the safe copies
        foreach (var file in new[] { "people/eve/me.svg", "people/eve/evidence/chart.svg" })
        {
            var svg = site.ReadFile(file);
            AssertInert(svg);
            // What an image shows stays: shapes, text, gradients, internal references, embedded raster images, safe CSS.
            foreach (var kept in new[] { "<rect id=\"keep\"", "fill=\"url(#g)\"", "Kept text", "<title>Team chart</title>", "href=\"#keep\"",
                         "data:image/png;base64", "circle { stroke: black }", "stroke=\"url('#g')\"", "<linearGradient id=\"g\"" })
                Assert.Contains(kept, svg);
        }
    }

    /// <summary>An SVG as a browser would load it holds nothing that runs, loads or links.</summary>
    internal static void AssertInert(string svg)
    {
        var doc = Xmlish(svg);
        Assert.Empty(doc.QuerySelectorAll("script, foreignObject, foreignobject, iframe, animate, set, a"));
        foreach (var element in doc.QuerySelectorAll("*"))
            foreach (var attr in element.Attributes)
            {
                Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attr.Name}");
                var value = attr.Value.ToLowerInvariant();
                Assert.DoesNotContain("javascript:", value);
                Assert.DoesNotContain("evil.example", value);
                if (attr.LocalName == "href") Assert.True(value.StartsWith('#') || value.StartsWith("data:image/png"), $"href={value}");
            }
        Assert.DoesNotContain("evil.example", svg);
        Assert.DoesNotContain("alert", svg);
        Assert.DoesNotContain("<!ENTITY", svg);
    }

    private static IDocument Xmlish(string svg) => new HtmlParser().ParseDocument("<html><body>" + svg + "</body></html>");

    [Fact]
    public void SafeSvg_KeepsAnOrdinaryDrawing_WithoutWarnings()
    {
        const string drawing = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" width="20" height="20" viewBox="0 0 20 20">
              <sodipodi:namedview pagecolor="#fff"/>
              <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
              <g style="fill:#336699;stroke:none"><path d="M0 0h20v20H0z" sodipodi:nodetypes="cccc"/></g>
              <text x="2" y="12" font-family="sans-serif" xml:space="preserve">Q1  2026</text>
            </svg>
            """;
        var result = SafeSvg.Sanitize(Encoding.UTF8.GetBytes(drawing))!;
        Assert.Empty(result.Removed);
        var svg = Encoding.UTF8.GetString(result.Bytes);
        Assert.Contains("<path d=\"M0 0h20v20H0z\" />", svg.Replace("\"/>", "\" />"));
        Assert.Contains("style=\"fill:#336699;stroke:none\"", svg);
        Assert.Contains("xml:space=\"preserve\">Q1  2026</text>", svg);
        Assert.DoesNotContain("sodipodi", svg);
        Assert.DoesNotContain("metadata", svg);
        Assert.Empty(SafeSvg.Sanitize(result.Bytes)!.Removed); // what it writes, it keeps
    }

    [Theory]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill:u\\72l(https://evil.example/)'/></svg>")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><rect fill='\\75 rl(https://evil.example/)'/></svg>")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><rect style='background-image:image-set(\"https://evil.example/x.png\" 1x)'/></svg>")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><style><![CDATA[@import 'https://evil.example/x.css';]]></style></svg>")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><use xlink:href='data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' xmlns:xlink='http://www.w3.org/1999/xlink'/></svg>")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'><image href='data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='/></svg>")]
    public void SafeSvg_RemovesEscapedAndIndirectLoads(string input)
    {
        var result = SafeSvg.Sanitize(Encoding.UTF8.GetBytes(input))!;
        Assert.NotEmpty(result.Removed);
        var svg = Encoding.UTF8.GetString(result.Bytes);
        Assert.DoesNotContain("evil.example", svg);
        Assert.DoesNotContain("data:image/svg", svg);
    }

    [Fact]
    public void SafeSvg_RefusesAnythingButAnSvgDocument_AndAbsurdNesting()
    {
        Assert.Null(SafeSvg.Sanitize("<html/>"u8.ToArray()));
        Assert.Null(SafeSvg.Sanitize("<svg/>"u8.ToArray())); // not in the SVG namespace: a browser would not draw it
        Assert.Null(SafeSvg.Sanitize("<svg xmlns='http://www.w3.org/2000/svg'><text>&xxe;</text></svg>"u8.ToArray()));
        var deep = "<svg xmlns='http://www.w3.org/2000/svg'>" + string.Concat(Enumerable.Repeat("<g>", 10_000)) + string.Concat(Enumerable.Repeat("</g>", 10_000)) + "</svg>";
        Assert.Null(SafeSvg.Sanitize(Encoding.UTF8.GetBytes(deep)));
    }
}
