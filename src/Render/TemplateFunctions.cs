using System.Globalization;
using System.Net;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;
using Scriban.Runtime;

namespace CredentialSite.Render;

/// <summary>
/// The functions theme templates can call, registered once per build. Examples (template → output):
/// <c>{{ url "badges/" }}</c> → <c>/repo/badges/</c>; <c>{{ md badge.description }}</c> → HTML;
/// <c>{{ date badge.governance.changelog[0].date }}</c> → <c>1 May 2026</c>;
/// <c>{{ badge_link "testing" }}</c> → a link, or the plain name when the badge is not published.
/// </summary>
public static class TemplateFunctions
{
    public static ScriptObject Create(SiteIndex index, ScriptObject builtins)
    {
        var basePath = index.Site.BasePath;
        var md = MarkdownRenderer.Instance;
        var fns = new ScriptObject();
        void Add<T, TResult>(string name, Func<T, TResult> function) => fns.SetValue(name, new TemplateFunction<T, TResult>(function), readOnly: true);

        Add<string, string>("url", path => Url(basePath, path));
        Add<string, string>("abs_url", index.Site.AbsoluteUrl);
        var unsafeHtml = index.Site.MarkdownUnsafe;
        Add<string?, RawHtml>("md", text => new RawHtml(md.Trusted(text, unsafeHtml)));
        fns.Import("md_untrusted", new Func<string?, string, RawHtml>((text, page) => new RawHtml(md.Untrusted(text, Url(basePath, page)))));
        Add<string?, string>("plain", md.PlainText);
        Add<string?, RawHtml>("raw", html => new RawHtml(html ?? ""));
        Add<object?, string>("date", FormatDate);
        Add<object?, string>("iso_date", d => d is DateOnly x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
        Add<object?, string>("number", n => n switch
        {
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => "",
        });
        Add<string, RawHtml>("badge_link", id => BadgeLink(index, basePath, id));
        Add<string, string>("badge_name", id => index.AllBadgesById.TryGetValue(id, out var b) ? b.Name : id);
        Add<string, RawHtml>("role_link", id => index.RolesById.TryGetValue(id, out var r)
            ? Link(Url(basePath, $"roles/{r.Id}/"), r.Name) : new RawHtml(WebUtility.HtmlEncode(id)));
        Add<string, RawHtml>("competency_link", id => index.CompetenciesById.TryGetValue(id, out var c)
            ? Link(Url(basePath, $"competencies/{c.Id}/"), c.Name) : new RawHtml(WebUtility.HtmlEncode(id)));
        Add<string?, string>("titlecase", Words.Title);

        foreach (var (name, value) in fns) builtins.SetValue(name, value, readOnly: true);
        if (builtins["include"] is IScriptCustomFunction include)
            builtins.SetValue("include", new RawInclude(include), readOnly: true);
        return builtins;
    }

    public static string Url(string basePath, string path) => basePath + path.TrimStart('/');

    private static RawHtml Link(string href, string text) =>
        new($"<a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(text)}</a>");

    private static RawHtml BadgeLink(SiteIndex index, string basePath, string id)
    {
        if (index.BadgesById.TryGetValue(id, out var b)) return Link(Url(basePath, $"badges/{b.Id}/"), b.Name);
        var name = index.AllBadgesById.TryGetValue(id, out var d) ? d.Name + " (draft)" : id;
        return new RawHtml(WebUtility.HtmlEncode(name));
    }

    public static string FormatDate(object? value) => value switch
    {
        DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>Small wording helpers shared by views and templates.</summary>
public static class Words
{
    /// <summary>"risk-reduction" → "Risk reduction".</summary>
    public static string Title(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var s = value.Replace('-', ' ');
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
