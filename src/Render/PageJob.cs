using CredentialSite.Model;

namespace CredentialSite.Render;

/// <summary>
/// One HTML page to render: where it goes, which template draws it, its metadata, and functions that build its
/// view model and JSON-LD. Both are built when the page is rendered (in parallel) and dropped right after, so a
/// large site never holds every page's model and structured data at once.
/// </summary>
public sealed record PageJob(string OutputPath, string Template, PageMeta Meta, Func<object> Model, Func<IReadOnlyList<RawHtml>> Scripts)
{
    /// <summary>The newest changelog date of what the page shows (sitemap lastmod).</summary>
    public DateOnly? LastModified { get; init; }

    /// <summary>The free page this job renders, if any.</summary>
    public FreePage? FreePage { get; init; }
}
