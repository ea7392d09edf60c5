using AngleSharp.Html.Parser;
using CredentialSite.Diagnostics;
using CredentialSite.Write;

namespace CredentialSite.PostProcess;

/// <summary>
/// Stage 7: every internal link and asset reference of every HTML page must resolve to a file of the
/// site being built. Runs on the rendered output before anything is written, so a broken site never
/// replaces a good one.
/// </summary>
public static class CheckLinks
{
    private static readonly (string Selector, string Attribute)[] References =
    [
        ("a[href]", "href"), ("link[href]", "href"), ("img[src]", "src"), ("script[src]", "src"),
        ("source[src]", "src"), ("form[action]", "action"), ("img[srcset]", "srcset"),
    ];

    public static void Run(IReadOnlyList<OutputFile> files, string basePath, DiagnosticBag diags)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && f.Content is not null).ToList();
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        Parallel.ForEach(pages, page =>
        {
            using var doc = parser.ParseDocument(new MemoryStream(page.Content!));
            foreach (var (selector, attribute) in References)
            {
                foreach (var element in doc.QuerySelectorAll(selector))
                {
                    var value = element.GetAttribute(attribute) ?? "";
                    var targets = attribute == "srcset" ? value.Split(',').Select(s => s.Trim().Split(' ')[0]) : [value];
                    foreach (var target in targets)
                    {
                        if (Resolve(target, page.Path, basePath) is { } resolved && !Exists(resolved, paths))
                        {
                            var at = element.SourceReference?.Position;
                            diags.Error(DiagnosticCodes.BrokenLink, new SourceLocation(page.Path, at?.Line ?? 1, at?.Column ?? 1),
                                $"broken link: '{target}' ({element.LocalName} {attribute}) points to no file of the site",
                                "check the id in the catalog or the link in the template or Markdown that produced it");
                        }
                    }
                }
            }
        });
    }

    /// <summary>The output path a link points to, or null for external links, fragments and special schemes.</summary>
    public static string? Resolve(string link, string fromPage, string basePath)
    {
        link = link.Trim();
        if (link.Length == 0 || link.StartsWith('#')) return null;
        if (link.StartsWith("//", StringComparison.Ordinal)) return null;
        var colon = link.IndexOf(':');
        var firstSep = link.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (firstSep < 0 || colon < firstSep)) return null; // has a scheme: http:, mailto:, data: ...
        var path = link.Split('#')[0].Split('?')[0];
        path = Uri.UnescapeDataString(path);
        string resolved;
        if (path.StartsWith('/'))
        {
            if (!path.StartsWith(basePath, StringComparison.Ordinal) && path + "/" != basePath) return "\u0000outside-base:" + path;
            resolved = path.Length >= basePath.Length ? path[basePath.Length..] : "";
        }
        else
        {
            var dir = fromPage.Contains('/') ? fromPage[..(fromPage.LastIndexOf('/') + 1)] : "";
            resolved = Normalize(dir + path);
        }
        if (resolved.Length == 0 || resolved.EndsWith('/')) resolved += "index.html";
        return resolved;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part != ".") parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static bool Exists(string resolved, HashSet<string> paths) =>
        paths.Contains(resolved) || paths.Contains(resolved.TrimEnd('/') + "/index.html");
}
