using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>Free pages: input/pages/**/*.md, YAML front matter between '---' lines, then Markdown.</summary>
public static class LoadPages
{
    public static IReadOnlyList<FreePage> Run(SourceFolder source, DiagnosticBag diags)
    {
        var pages = new List<FreePage>();
        foreach (var file in source.FilesUnder(source.Pages, diags, "*.md"))
        {
            var rel = source.Relative(file);
            if (SourceText.Read(file, rel, diags) is { } text && Read(text, rel, DefaultSlug(source, file), diags) is { } page)
                pages.Add(page);
        }
        return pages;
    }

    private static string DefaultSlug(SourceFolder source, string file)
    {
        var rel = Path.GetRelativePath(source.Pages, file).Replace('\\', '/');
        rel = rel[..^3];
        if (rel == "index" || rel.EndsWith("/index", StringComparison.Ordinal)) rel = rel[..Math.Max(0, rel.Length - 6)].TrimEnd('/');
        return rel;
    }

    public static FreePage? Read(string text, string rel, string defaultSlug, DiagnosticBag diags)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diags.Error(DiagnosticCodes.MissingField, SourceLocation.File(rel), "a page needs YAML front matter with a title",
                "start the file with:\n---\ntitle: Page title\n---");
            return null;
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            diags.Error(DiagnosticCodes.YamlSyntax, SourceLocation.File(rel), "the front matter is not closed", "end it with a line '---'");
            return null;
        }
        // A leading newline keeps YAML line numbers equal to the file's (front matter starts on line 2).
        var f = YamlFile.Parse("\n" + text[4..(end + 1)], rel, diags);
        if (f is null) return null;
        var title = f.Text("title", required: true);
        var description = f.Text("description");
        var order = f.Int("order") ?? 100;
        var slug = f.Text("slug") ?? defaultSlug;
        var draft = f.Bool("draft") ?? false;
        f.Finish();
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];
        if (Markdown.MarkdownRenderer.Instance.IsTooDeep(body))
        {
            var line = text.AsSpan(0, bodyStart + 1).Count('\n') + 1;
            diags.Error(DiagnosticCodes.MarkdownTooDeep, new SourceLocation(rel, line, 1), "the page's Markdown is nested too deeply to render",
                YamlFields.MarkdownTooDeepHint);
            return null;
        }
        slug = slug.Trim('/');
        if (slug.Length == 0 || !slug.Split('/').All(Ids.IsValid))
        {
            diags.Error(DiagnosticCodes.InvalidId, f.LocationOf("slug"), $"the page slug '{slug}' is not valid",
                "use lower-case words separated by hyphens, with '/' between folders; the home page cannot be replaced");
            return null;
        }
        return title is null ? null : new FreePage(slug, title, description, order, draft, body, rel);
    }
}
