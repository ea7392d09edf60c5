using CredentialSite.StructuredData;
using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Render;

// The view model: what theme templates see (snake_case in templates: ImageAlt → image_alt).
// Views are built from the SiteIndex; templates never see loader internals.

public sealed record Crumb(string Title, string Url);

public sealed record NavItem(string Title, string Url, bool Current);

public sealed record SiteView(
    string Title,
    string? Description,
    string BasePath,
    string BaseUrl,
    string Language,
    Organization? Organization,
    DateOnly AsOf,
    string Generator,
    IReadOnlyList<NavItem> Nav,
    bool Panel = false);

/// <summary>What the layout needs about the page being rendered.</summary>
public sealed record PageMeta(
    string Kind,
    string Title,
    string? Description,
    string Path,
    string CanonicalUrl,
    IReadOnlyList<Crumb> Breadcrumbs,
    string? AlternateJson,
    IReadOnlyList<JsonLdScript> JsonLd,
    string? Image,
    string OgType);

public sealed record Count(string Name, int Value, string? Url);

public sealed record BadgeCard(
    string Id, string Name, string? Summary, string Tier, string Status, string IssuerName, string IssuerId,
    string? Image, string? ImageAlt, string Rigor, string RigorBand, string Url, string? Version, string Clusters,
    double RigorValue, DateOnly? Updated);

public sealed record CompetencyRef(string Id, string Name, string? Cluster, string? Level, IReadOnlyList<string> Behaviors, string Url);

public sealed record RoleRef(string Id, string Name, string LadderName, int? Level, string Url);

public sealed record RubricCell(string LevelId, string LevelName, string Descriptor, bool IsRequired, bool Passes);

public sealed record RubricRow(string Id, string Name, string? Weight, string RequiredLevelName, IReadOnlyList<RubricCell> Cells);

public sealed record RubricView(IReadOnlyList<RubricLevel> Levels, string? RequiredLevelName, IReadOnlyList<RubricRow> Rows);

public sealed record AssessmentView(Assessment Assessment, string MethodName, string CtdlMethod, string? DurationWords);

/// <summary>A rule in words, the first badges that count toward it, and how many count in all.</summary>
public sealed record RuleView(string Text, IReadOnlyList<BadgeCard> Candidates, int CandidateCount);

public sealed record PackageView(string Name, IReadOnlyList<RuleView> Rules);

public sealed record BadgePageView(
    Badge Badge,
    BadgeCard Card,
    Issuer? Issuer,
    Score? Vetting,
    Score Rigor,
    IReadOnlyList<CompetencyRef> Competencies,
    RubricView? Rubric,
    IReadOnlyList<AssessmentView> Assessments,
    string RenewalWords,
    IReadOnlyList<BadgeCard> StackedFrom,
    IReadOnlyList<BadgeCard> Unlocks,
    IReadOnlyList<RoleRef> RequiredBy,
    IReadOnlyList<RoleRef> RecommendedBy,
    IReadOnlyList<RoleRef> PromotionsNaming,
    string JsonUrl,
    int Holders,
    BadgeSummary Summary);

public sealed record IssuerPageView(Issuer Issuer, Score Vetting, IReadOnlyList<BadgeCard> Badges, string Url, RawHtml VettingChart);

public sealed record ClusterView(string Name, IReadOnlyList<CompetencyRef> Competencies);

public sealed record FrameworkPageView(Framework Framework, IReadOnlyList<ClusterView> Clusters, string Url);

public sealed record LevelledBadge(BadgeCard Badge, string? Level);

public sealed record LevelledRole(RoleRef Role, string? Level);

public sealed record CompetencyPageView(Competency Competency, Framework Framework, IReadOnlyList<LevelledBadge> Badges, IReadOnlyList<LevelledRole> Roles, string Url);

public sealed record RoleView(
    Role Role,
    RoleRef Ref,
    Ladder Ladder,
    IReadOnlyList<CompetencyRef> Competencies,
    IReadOnlyList<BadgeCard> Required,
    IReadOnlyList<BadgeCard> Optional,
    IReadOnlyList<RoleRef> From,
    IReadOnlyList<PackageView> Packages,
    IReadOnlyList<RoleRef> NextRoles,
    IReadOnlyList<ComparisonLink> Comparisons);

public sealed record ComparisonLink(string Text, string Url);

public sealed record LadderPageView(Ladder Ladder, IReadOnlyList<RoleView> Roles, string Url, LadderCharts Charts);

public sealed record ChangeView(BadgeCard Badge, string Version, DateOnly? Date, string? Changes);

public sealed record BadgeGroup(string Name, string Id, IReadOnlyList<BadgeCard> Badges);

public sealed record HomeView(
    int BadgeCount,
    int IssuerCount,
    int CompetencyCount,
    int RoleCount,
    IReadOnlyList<Count> Tiers,
    IReadOnlyList<Count> Clusters,
    IReadOnlyList<Count> Issuers,
    IReadOnlyList<Ladder> Ladders,
    IReadOnlyList<ChangeView> RecentChanges);

public sealed record SortLink(string Name, string Url, bool Current);

/// <summary>
/// One page of the badge index: its badges grouped by tier (in the name order), plus a table in one of several orders
/// (pages per order, so sorting works without JavaScript). <see cref="All"/> is this page's badges; <see cref="Total"/>
/// and <see cref="Retired"/> count the whole index; <see cref="Tiers"/> link to where each tier starts.
/// </summary>
public sealed record BadgeIndexView(IReadOnlyList<BadgeGroup> ByTier, IReadOnlyList<BadgeCard> All, int Retired, string SortName,
    IReadOnlyList<SortLink> Sorts, int Total, IReadOnlyList<Count> Tiers, PagerView Pager);

/// <summary>Where a page is in a list of pages: its number, the range of items it shows, and links to the others.</summary>
public sealed record PagerView(int Current, int Count, int First, int Last, string? Previous, string? Next, IReadOnlyList<PageLink> Pages)
{
    public bool Paged => Count > 1;
}

/// <summary>A link in a pager; a gap (…) between distant page numbers has no number.</summary>
public sealed record PageLink(int? Number, string? Url, bool Current);

public sealed record FreePageView(FreePage Page);
