using CredentialSite.Load;

namespace CredentialSite.Model;

/// <summary>site.yml.</summary>
public sealed record SiteConfig(
    string Title,
    string? Description,
    Uri BaseUrl,
    string Language,
    Organization? Organization,
    DateOnly? AsOf,
    DateOnly? PromotionWindow,
    IReadOnlyDictionary<string, double> RigorMethods,
    IReadOnlyDictionary<string, double> VettingWeights,
    string? Cname,
    LocationMap Spans)
{
    /// <summary>How many badges a page of the badge index lists (<c>badgesPerPage</c>); a longer index gets more pages.</summary>
    public int BadgesPerPage { get; init; } = DefaultBadgesPerPage;

    /// <summary>
    /// <c>markdown: { unsafe: true }</c>: raw HTML in catalog Markdown is published as written (by default it is omitted,
    /// as Hugo does; see <see cref="Markdown.MarkdownRenderer.Trusted"/>).
    /// </summary>
    public bool MarkdownUnsafe { get; init; }

    /// <summary><c>governance.timeBox</c>: how long an approval step may take when it does not say.</summary>
    public IsoDuration? TimeBox { get; init; }

    /// <summary><c>governance.separateSteps</c>: approval steps that must be done by different people (a warning otherwise).</summary>
    public IReadOnlyList<string> SeparateSteps { get; init; } = [];

    /// <summary><c>outcomes.minCohort</c>: the smallest group of people the outcomes page reports on; smaller groups are suppressed.</summary>
    public int MinCohort { get; init; } = DefaultMinCohort;

    public const int DefaultMinCohort = 5;

    /// <summary>250 badges: about 220 KB of HTML with their cards, a few hundred KB at most.</summary>
    public const int DefaultBadgesPerPage = 250;

    /// <summary>The base path of the site, always starting and ending with '/': "/" or "/repo/".</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>An absolute URL for a site-relative path ("badges/x/").</summary>
    public string AbsoluteUrl(string relative) => BaseUrl.GetLeftPart(UriPartial.Authority) + BasePath + relative.TrimStart('/');
}

public sealed record Organization(string Name, string? Url);

/// <summary>A free page from input/pages: front matter plus Markdown.</summary>
public sealed record FreePage(string Slug, string Title, string? Description, int Order, bool Draft, string Markdown, string SourcePath);
