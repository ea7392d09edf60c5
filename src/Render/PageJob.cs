using CredentialSite.StructuredData;
using CredentialSite.Model;

namespace CredentialSite.Render;

/// <summary>
/// One HTML page to render: where it goes, which template draws it, its metadata, and functions that build its
/// view model and JSON-LD. Both are built when the page is rendered (in parallel) and dropped right after, so a
/// large site never holds every page's model and structured data at once.
/// </summary>
public sealed record PageJob(string OutputPath, string Template, PageMeta Meta, Func<object> Model, Func<IReadOnlyList<JsonLdScript>> Scripts)
{
    /// <summary>The newest changelog date of what the page shows (sitemap lastmod).</summary>
    public DateOnly? LastModified { get; init; }

    /// <summary>The free page this job renders, if any.</summary>
    public FreePage? FreePage { get; init; }

    /// <summary>
    /// The source file (relative to the site folder) the page's own text comes from: a badge's, issuer's, framework's,
    /// ladder's or portfolio's YAML, or a free page's Markdown. A broken link on the page is reported where it was
    /// written in that file when it is found there.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>
    /// A file made with the page from the same data (a badge's Achievement JSON is the document its page embeds), so
    /// the data is built once and dropped with the page. Its path is part of the site; it is written when the page is
    /// rendered, and kept as it is when the page is unchanged.
    /// </summary>
    public string? CompanionPath { get; init; }

    /// <summary>The companion file's bytes, from the page's JSON-LD scripts.</summary>
    public Func<IReadOnlyList<JsonLdScript>, byte[]>? Companion { get; init; }
}
