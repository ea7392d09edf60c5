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
    IReadOnlyList<string> Assets);
