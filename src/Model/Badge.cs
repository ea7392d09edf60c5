using CredentialSite.Load;

namespace CredentialSite.Model;

/// <summary>A badge definition (catalog/badges/&lt;id&gt;.yml).</summary>
public sealed record Badge(
    string Id,
    string Name,
    string? Summary,
    string? Description,
    string Status,
    string? Version,
    string Tier,
    string AchievementType,
    string Issuer,
    string? Image,
    string? ImageAlt,
    string? HumanCode,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Impact,
    IReadOnlyList<BadgeCompetency> Competencies,
    string? Criteria,
    Rubric? Rubric,
    IReadOnlyList<Assessment> Assessment,
    IReadOnlyList<EvidenceRequirement> Evidence,
    Renewal? Renewal,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> StacksInto,
    IReadOnlyList<Alignment> Alignments,
    IReadOnlyList<Occupation> Occupations,
    Governance? Governance,
    LocationMap Spans)
{
    /// <summary>Read with errors (reported): some values may be placeholders (see <see cref="Load.ReadCatalog.Badge"/>).</summary>
    public bool Incomplete { get; init; }

    public bool IsDraft => Status == "draft";
    public bool IsRetired => Status == "retired";
}

public sealed record BadgeCompetency(string Competency, string? Level, IReadOnlyList<string> Behaviors);

public sealed record Rubric(IReadOnlyList<RubricLevel> Levels, string? RequiredLevel, IReadOnlyList<RubricCriterion> Criteria);

public sealed record RubricLevel(string Id, string Name, double? Points);

public sealed record RubricCriterion(
    string Id,
    string Name,
    double? Weight,
    string? RequiredLevel,
    IReadOnlyList<KeyValuePair<string, string>> Levels);

public sealed record Assessment(
    string Method,
    string? Description,
    bool Proctored,
    bool Calibrated,
    int? Assessors,
    IsoDuration? Duration,
    string? Example);

public sealed record EvidenceRequirement(string Type, string? Description);

/// <summary>Renewal policy; <see cref="ValidFor"/> is null when the badge does not expire.</summary>
public sealed record Renewal(IsoDuration? ValidFor, IsoDuration? GracePeriod, string? Method, string? Requirements);

/// <summary>An OB 3.0 Alignment.</summary>
public sealed record Alignment(string TargetName, string TargetUrl, string? TargetFramework, string? TargetCode, string? TargetType, string? TargetDescription);

public sealed record Occupation(string? Framework, string Code, string? Name);

public sealed record Governance(string? Owner, IReadOnlyList<Approval> Approvals, string? Appeals, IReadOnlyList<ChangelogEntry> Changelog);

/// <summary>A step of a badge's approval flow: <see cref="Step"/> is its id, <see cref="Name"/> what the author calls it.</summary>
public sealed record Approval(string Step, string? By, DateOnly? Date)
{
    public string? Name { get; init; }

    /// <summary>When the step started (default: the previous step's date).</summary>
    public DateOnly? Started { get; init; }

    /// <summary>How long the step may take (default: site.yml <c>governance.timeBox</c>); past it without a date, it is overdue.</summary>
    public IsoDuration? TimeBox { get; init; }

    /// <summary>What the step is shown as: the author's name for it, else its id as written.</summary>
    public string Label => Name ?? Step;
}

public sealed record ChangelogEntry(string Version, DateOnly? Date, string? Changes);
