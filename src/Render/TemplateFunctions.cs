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

        fns.Import("url", new Func<string, string>(path => Url(basePath, path)));
        fns.Import("abs_url", new Func<string, string>(index.Site.AbsoluteUrl));
        fns.Import("md", new Func<string?, RawHtml>(text => new RawHtml(md.Trusted(text))));
        fns.Import("md_untrusted", new Func<string?, string, RawHtml>((text, page) => new RawHtml(md.Untrusted(text, Url(basePath, page)))));
        fns.Import("plain", new Func<string?, string>(md.PlainText));
        fns.Import("raw", new Func<string?, RawHtml>(html => new RawHtml(html ?? "")));
        fns.Import("date", new Func<object?, string>(FormatDate));
        fns.Import("iso_date", new Func<object?, string>(d => d is DateOnly x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""));
        fns.Import("number", new Func<object?, string>(n => n switch
        {
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => "",
        }));
        fns.Import("badge_link", new Func<string, RawHtml>(id => BadgeLink(index, basePath, id)));
        fns.Import("badge_name", new Func<string, string>(id => index.AllBadgesById.TryGetValue(id, out var b) ? b.Name : id));
        fns.Import("role_link", new Func<string, RawHtml>(id => index.RolesById.TryGetValue(id, out var r)
            ? Link(Url(basePath, $"roles/{r.Id}/"), r.Name) : new RawHtml(WebUtility.HtmlEncode(id))));
        fns.Import("competency_link", new Func<string, RawHtml>(id => index.CompetenciesById.TryGetValue(id, out var c)
            ? Link(Url(basePath, $"competencies/{c.Id}/"), c.Name) : new RawHtml(WebUtility.HtmlEncode(id))));
        fns.Import("titlecase", new Func<string?, string>(Words.Title));

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
