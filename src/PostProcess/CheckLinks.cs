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

    /// <param name="source">For pages made from a source file (a free page's Markdown, a badge's YAML, ...): finds a link
    /// target in that file, so the diagnostic points at what the author wrote rather than at the generated HTML (a link a
    /// template made is not in the file, and is reported on the page).</param>
    public static void Page(string pagePath, byte[] html, IReadOnlySet<string> paths, string basePath, DiagnosticBag diags,
        Func<string, SourceLocation?>? source = null)
    {
        foreach (var (attribute, value, at) in References(html))
        {
            var targets = attribute == "srcset" ? value.Split(',').Select(s => s.Trim().Split(' ')[0]) : [value];
            foreach (var target in targets)
            {
                if (Resolve(System.Net.WebUtility.HtmlDecode(target), pagePath, basePath) is { } resolved && !Exists(resolved, paths))
                {
                    var (line, column) = Position(html, at);
                    var location = source?.Invoke(target) ?? new SourceLocation(pagePath, line, column);
                    diags.Error(DiagnosticCodes.BrokenLink, location,
                        $"broken link: '{target}' ({attribute}) points to no file of the site" + (location.Path == pagePath ? "" : $" (on {pagePath})"),
                        "check the id in the catalog or the link in the template or Markdown that produced it");
                }
            }
        }
    }

    /// <summary>Every quoted href/src/action/srcset attribute inside a tag: name, raw value and offset.</summary>
    public static IEnumerable<(string Attribute, string Value, int At)> References(string html) => References(Encoding.UTF8.GetBytes(html));

    /// <summary>
    /// The same, over the page's UTF-8 bytes as rendered (every character the scanner looks for is ASCII, so no copy of
    /// the page as text is needed); offsets are byte offsets.
    /// </summary>
    public static IEnumerable<(string Attribute, string Value, int At)> References(byte[] html)
    {
        var inTag = false;
        byte[]? rawEnd = null;     // inside <script> or <style>: its end tag
        byte[]? pendingRaw = null; // the tag being read opens a script or style element
        for (var i = 0; i < html.Length; i++)
        {
            if (rawEnd is not null)
            {
                // Jump over the script or style body (JSON-LD is most of a page) to its end tag.
                var close = IndexOfIgnoreCase(html, rawEnd, i);
                if (close < 0) yield break;
                i = close;
                rawEnd = null;
            }
            else if (!inTag && html[i] != (byte)'<')
            {
                // Jump over text to the next tag (a vectorized search, not a loop over every byte).
                var next = html.AsSpan(i).IndexOf((byte)'<');
                if (next < 0) yield break;
                i += next;
            }
            var c = html[i];
            if (!inTag)
            {
                if (c == '<' && i + 1 < html.Length && char.IsAsciiLetter((char)html[i + 1]))
                {
                    inTag = true;
                    pendingRaw = StartsTag(html, i, "script"u8) ? "</script"u8.ToArray() : StartsTag(html, i, "style"u8) ? "</style"u8.ToArray() : null;
                }
                else if (c == '<' && html.AsSpan(i).StartsWith("<!--"u8))
                {
                    var end = html.AsSpan(i + 4).IndexOf("-->"u8);
                    i = end < 0 ? html.Length : i + 4 + end + 2;
                }
                continue;
            }
            if (c == '>')
            {
                inTag = false;
                rawEnd = pendingRaw;
                pendingRaw = null;
                continue;
            }
            if (c is (byte)'"' or (byte)'\'')
            {
                var end = html.AsSpan(i + 1).IndexOf(c);
                if (end < 0) yield break;
                i += 1 + end;
                continue;
            }
            if (c is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v')) continue;
            foreach (var name in Attributes)
            {
                var n = i + 1;
                if (n + name.Length + 2 > html.Length || !Ascii.EqualsIgnoreCase(html.AsSpan(n, name.Length), name)) continue;
                var eq = n + name.Length;
                if (html[eq] != '=' || html[eq + 1] is not ((byte)'"' or (byte)'\'')) continue;
                var quote = html[eq + 1];
                var end = html.AsSpan(eq + 2).IndexOf(quote);
                if (end < 0) yield break;
                yield return (name, Encoding.UTF8.GetString(html, eq + 2, end), n);
                i = eq + 2 + end;
                break;
            }
        }
    }

    private static int IndexOfIgnoreCase(byte[] html, byte[] ascii, int from)
    {
        for (var at = from; at <= html.Length - ascii.Length; at++)
        {
            var next = html.AsSpan(at).IndexOf((byte)'<');
            if (next < 0) return -1;
            at += next;
            if (at + ascii.Length <= html.Length && Ascii.EqualsIgnoreCase(html.AsSpan(at, ascii.Length), ascii)) return at;
        }
        return -1;
    }

    private static bool StartsTag(byte[] html, int i, ReadOnlySpan<byte> name) =>
        i + 1 + name.Length < html.Length && Ascii.EqualsIgnoreCase(html.AsSpan(i + 1, name.Length), name)
        && html[i + 1 + name.Length] is (byte)' ' or (byte)'>' or (byte)'\t' or (byte)'\n' or (byte)'/';

    /// <summary>The 1-based line and column of <paramref name="target"/> in a source file's text, if it is there.</summary>
    public static SourceLocation? Find(string text, string relPath, string target)
    {
        // Only where it is written as a link target: "(target)", "<target>", a quoted attribute or a reference definition,
        // not wherever its text appears (a comment, another field, "../x/" inside "../../x/").
        for (var at = text.IndexOf(target, StringComparison.Ordinal); at >= 0 && target.Length > 0;
             at = text.IndexOf(target, at + 1, StringComparison.Ordinal))
        {
            var before = at > 0 ? text[at - 1] : ' ';
            var after = at + target.Length < text.Length ? text[at + target.Length] : ' ';
            var opens = before is '(' or '<' or '"' or '\'' || text.AsSpan(0, at).TrimEnd(' ').EndsWith("]:", StringComparison.Ordinal);
            if (opens && (after is ')' or '>' or '"' or '\'' || char.IsWhiteSpace(after)))
            {
                var (line, column) = Position(text, at);
                return new SourceLocation(relPath, line, column);
            }
        }
        return null;
    }

    /// <summary>Line and column (in characters) of a byte offset in UTF-8 text.</summary>
    private static (int Line, int Column) Position(byte[] utf8, int offset)
    {
        var before = utf8.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
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
