namespace CredentialSite.Model;

/// <summary>Everything loaded from a source folder: immutable after the Load stage.</summary>
public sealed record Catalog(
    SiteConfig Site,
    IReadOnlyList<Issuer> Issuers,
    IReadOnlyList<Framework> Frameworks,
    IReadOnlyList<Badge> Badges,
    IReadOnlyList<Ladder> Ladders,
    IReadOnlyList<FreePage> Pages,
    IReadOnlyList<Portfolio> Portfolios,
    IReadOnlyList<string> Assets)
{
    /// <summary>Ids (file names) of issuer files that exist but could not be read: their errors are reported at the
    /// file, so references to them are not reported again as unknown.</summary>
    public IReadOnlySet<string> UnreadableIssuers { get; init; } = new HashSet<string>();

    /// <summary>Ids (file names) of badge files that exist but could not be read (see <see cref="UnreadableIssuers"/>).</summary>
    public IReadOnlySet<string> UnreadableBadges { get; init; } = new HashSet<string>();
}
