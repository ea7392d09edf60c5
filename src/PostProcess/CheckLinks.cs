using System.Text;
using CredentialSite.Diagnostics;

namespace CredentialSite.PostProcess;

/// <summary>
/// Every internal link and asset reference of every page must resolve to a file of the site being
/// built. Runs on each page right after it is rendered, before anything replaces the previous output.
/// The pages are our own templates' output, so a scanner over quoted href/src/action/srcset
/// attributes finds every reference (values in JSON-LD and text are escaped and cannot look like
/// one) at a fraction of the cost of building a DOM per page; tests cross-check it with AngleSharp.
/// </summary>
public static class CheckLinks
{
    private static readonly string[] Attributes = ["href", "src", "action", "srcset"];

    /// <param name="source">For pages made from a source file (free pages): finds a link target in that file, so the
    /// diagnostic points at the Markdown the author wrote rather than at the generated HTML.</param>
    public static void Page(string pagePath, byte[] html, IReadOnlySet<string> paths, string basePath, DiagnosticBag diags,
        Func<string, SourceLocation?>? source = null)
    {
        var text = Encoding.UTF8.GetString(html);
        foreach (var (attribute, value, at) in References(text))
        {
            var targets = attribute == "srcset" ? value.Split(',').Select(s => s.Trim().Split(' ')[0]) : [value];
            foreach (var target in targets)
            {
                if (Resolve(System.Net.WebUtility.HtmlDecode(target), pagePath, basePath) is { } resolved && !Exists(resolved, paths))
                {
                    var (line, column) = Position(text, at);
                    var location = source?.Invoke(target) ?? new SourceLocation(pagePath, line, column);
                    diags.Error(DiagnosticCodes.BrokenLink, location,
                        $"broken link: '{target}' ({attribute}) points to no file of the site" + (location.Path == pagePath ? "" : $" (on {pagePath})"),
                        "check the id in the catalog or the link in the template or Markdown that produced it");
                }
            }
        }
    }

    /// <summary>Every quoted href/src/action/srcset attribute inside a tag: name, raw value and offset.</summary>
    public static IEnumerable<(string Attribute, string Value, int At)> References(string html)
    {
        var inTag = false;
        var rawText = "";     // inside <script> or <style>, until its end tag
        var pendingRaw = "";  // the tag being read opens a script or style element
        for (var i = 0; i < html.Length; i++)
        {
            if (rawText.Length > 0)
            {
                // Jump over the script or style body (JSON-LD is most of a page) to its end tag.
                var close = html.IndexOf("</" + rawText, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0) yield break;
                i = close;
                rawText = "";
            }
            else if (!inTag && html[i] != '<')
            {
                // Jump over text to the next tag (a vectorized search, not a loop over every character).
                var next = html.IndexOf('<', i);
                if (next < 0) yield break;
                i = next;
            }
            var c = html[i];
            if (!inTag)
            {
                if (c == '<' && i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]))
                {
                    inTag = true;
                    pendingRaw = StartsTag(html, i, "script") ? "script" : StartsTag(html, i, "style") ? "style" : "";
                }
                else if (c == '<' && html.AsSpan(i).StartsWith("<!--"))
                {
                    var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                    i = end < 0 ? html.Length : end + 2;
                }
                continue;
            }
            if (c == '>')
            {
                inTag = false;
                rawText = pendingRaw;
                pendingRaw = "";
                continue;
            }
            if (c is '"' or '\'')
            {
                var end = html.IndexOf(c, i + 1);
                if (end < 0) yield break;
                i = end;
                continue;
            }
            if (!char.IsWhiteSpace(c)) continue;
            foreach (var name in Attributes)
            {
                var n = i + 1;
                if (n + name.Length + 2 > html.Length || string.Compare(html, n, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                var eq = n + name.Length;
                if (html[eq] != '=' || html[eq + 1] is not ('"' or '\'')) continue;
                var quote = html[eq + 1];
                var end = html.IndexOf(quote, eq + 2);
                if (end < 0) yield break;
                yield return (name, html[(eq + 2)..end], n);
                i = end;
                break;
            }
        }
    }

    private static bool StartsTag(string html, int i, string name) =>
        string.Compare(html, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && i + 1 + name.Length < html.Length && html[i + 1 + name.Length] is ' ' or '>' or '\t' or '\n' or '/';

    /// <summary>The 1-based line and column of <paramref name="target"/> in a source file's text, if it is there.</summary>
    public static SourceLocation? Find(string text, string relPath, string target)
    {
        var at = text.IndexOf(target, StringComparison.Ordinal);
        if (at < 0) return null;
        var (line, column) = Position(text, at);
        return new SourceLocation(relPath, line, column);
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
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
        var path = Uri.UnescapeDataString(link.Split('#')[0].Split('?')[0]);
        string resolved;
        if (path.StartsWith('/'))
        {
            // A root-relative link outside the base path leaves the site (a project site lives under /repo/).
            if (!path.StartsWith(basePath, StringComparison.Ordinal) && path + "/" != basePath) return "\u0000outside the base path";
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

    private static bool Exists(string resolved, IReadOnlySet<string> paths) =>
        paths.Contains(resolved) || paths.Contains(resolved.TrimEnd('/') + "/index.html");
}
