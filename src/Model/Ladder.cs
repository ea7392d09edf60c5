using CredentialSite.Load;

namespace CredentialSite.Model;

/// <summary>A career ladder (catalog/roles/&lt;id&gt;.yml).</summary>
public sealed record Ladder(string Id, string Name, string? Description, IReadOnlyList<Role> Roles, LocationMap Spans);

public sealed record Role(
    string Id,
    string LadderId,
    string Name,
    int? Level,
    string? Summary,
    IReadOnlyList<RoleCompetency> Competencies,
    IReadOnlyList<string> RequiredBadges,
    IReadOnlyList<string> OptionalBadges,
    Promotion? Promotion,
    string SpanPath);

public sealed record RoleCompetency(string Competency, string? Level);

public sealed record Promotion(IReadOnlyList<string> From, IReadOnlyList<PromotionPackage> Packages)
{
    /// <summary>The combined scorecard of a promotion decision (optional): weighted parts adding up to 100.</summary>
    public IReadOnlyList<ScorecardPart> Scorecard { get; init; } = [];
}

/// <summary>
/// A part of a promotion scorecard: <see cref="Source"/> <c>readiness</c> is badge attainment (computed), <c>manager</c>
/// is the score the person's manager statement gives it (<c>managerStatement.scores.&lt;part&gt;</c>, 0–100).
/// </summary>
public sealed record ScorecardPart(string Id, string Name, double Weight, string Source)
{
    /// <summary>Where the part is written (for diagnostics; not kept after loading).</summary>
    public Diagnostics.SourceLocation? At { get; init; }
}

public sealed record PromotionPackage(string Name, IReadOnlyList<PromotionRule> Rules);

/// <summary>
/// One rule of a package: either <c>all: [ids]</c> (every listed badge) or <c>atLeast: N</c> badges
/// matching every given filter (tier, competency, cluster, of, impact).
/// </summary>
public sealed record PromotionRule(
    IReadOnlyList<string> All,
    int? AtLeast,
    string? Tier,
    string? Competency,
    string? Cluster,
    IReadOnlyList<string> Of,
    string? Impact)
{
    public bool IsAll => All.Count > 0;

    /// <summary>How many badges this rule needs.</summary>
    public int Needed => IsAll ? All.Count : AtLeast ?? 0;
}
