using CredentialSite.Load;

namespace CredentialSite.Model;

/// <summary>
/// An employee portfolio (input/portfolios/&lt;id&gt;/portfolio.yml). Only the privacy filter decides what of
/// it reaches the output; <c>private:</c> fields are never read into this record at all.
/// </summary>
public sealed record Portfolio(
    string Id,
    string Name,
    Consent Consent,
    string? Headline,
    string? Photo,
    string? PhotoAlt,
    string? CurrentRole,
    string? TargetRole,
    IReadOnlyList<EarnedBadge> Badges,
    Statement? ManagerStatement,
    IReadOnlyList<PlanItem> Plan,
    string Folder,
    LocationMap Spans)
{
    /// <summary>Past role changes, as written (published under <c>profile</c>; the outcomes page's promotion velocity).</summary>
    public IReadOnlyList<RoleChange> History { get; init; } = [];

    /// <summary>Credentials from outside the catalog (<c>external:</c>), verified by the build (src/Verify); shown under the <c>badges</c> consent.</summary>
    public IReadOnlyList<ExternalCredential> External { get; init; } = [];
}

/// <summary>An imported credential file (<c>external: - credential: FILE</c>), inside the portfolio folder.</summary>
public sealed record ExternalCredential(string Credential, string SpanPath);

/// <param name="PanelScope">Sections shared with promotion panels only: published by <c>build --audience panel</c>, never by the public build.</param>
/// <summary>A past role change: the person held <see cref="Role"/> from <see cref="From"/> on (portfolio <c>history</c>).</summary>
public sealed record RoleChange(string Role, DateOnly From);

public sealed record Consent(bool Publish, DateOnly? Date, IReadOnlyList<string> Scope, IReadOnlyList<string>? PanelScope = null)
{
    public bool Allows(string section) => Publish && Scope.Contains(section);

    /// <summary>The consent a panel build applies: the public scope and the panel-only sections together.</summary>
    public Consent ForPanel() => PanelScope is { Count: > 0 } panel ? this with { Scope = [.. Scope.Union(panel, StringComparer.Ordinal)] } : this;
}

public sealed record EarnedBadge(
    string Badge,
    string? Version,
    DateOnly? Issued,
    DateOnly? Expires,
    string? CredentialId,
    string? Credential,
    IReadOnlyList<KeyValuePair<string, string>> Results,
    IReadOnlyList<PortfolioEvidence> Evidence,
    string? Reflection,
    string Visibility,
    string SpanPath,
    Revocation? Revoked = null)
{
    /// <summary>Who assessed the holder and issued the badge (an audit), published with the badge and in its credential.</summary>
    public string? AssessedBy { get; init; }

    /// <summary>When the assessment was made.</summary>
    public DateOnly? AssessedOn { get; init; }

    public bool IsHidden => Visibility == "hidden";

    /// <summary>Revoked on or before <paramref name="asOf"/>: never valid, never counted (docs/revocation.md).</summary>
    public bool IsRevoked(DateOnly asOf) => Revoked is { } r && r.Date <= asOf;
}

/// <summary>The issuer withdrew the credential on <see cref="Date"/>; <see cref="Reason"/> is portfolio text (untrusted).</summary>
public sealed record Revocation(DateOnly Date, string Reason);

/// <summary>One piece of evidence: an artifact, a metric, a quote or an attestation.</summary>
public sealed record PortfolioEvidence(
    string Type,
    string? Title,
    string? File,
    string? Url,
    EvidenceContext? Context,
    Metric? Metric,
    string? Text,
    string? By,
    string? Role,
    DateOnly? Date,
    IReadOnlyList<string> Criteria,
    string? Statement);

public sealed record EvidenceContext(string? Challenge, string? Action, string? Result);

public sealed record Metric(string Name, string? Unit, double? Before, double? After, string? Window, string? Source, string? ConfirmedBy,
    IReadOnlyList<MetricPoint> Series, string? Better);

/// <summary>A dated value of a metric's <c>series</c>.</summary>
public sealed record MetricPoint(DateOnly Date, double Value);

public sealed record Statement(string? By, string? Role, DateOnly? Date, string? Text)
{
    /// <summary>Scores (0–100) for the manager-sourced parts of the target role's promotion scorecard, by part id.</summary>
    public IReadOnlyDictionary<string, double> Scores { get; init; } = new Dictionary<string, double>();

    /// <summary>The three structured questions: what did the badge demonstrate, how did it affect results, is the behaviour repeatable.</summary>
    public string? Demonstrated { get; init; }
    public string? Results { get; init; }
    public string? Repeatable { get; init; }
}

public sealed record PlanItem(string Title, DateOnly? Due, string? Status, string? Competency)
{
    /// <summary>When work on the item started (the outcomes page's time to competency runs from here to <see cref="Badge"/>'s issue date).</summary>
    public DateOnly? Started { get; init; }

    /// <summary>The badge the item aims at.</summary>
    public string? Badge { get; init; }
}
