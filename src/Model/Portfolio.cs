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
    LocationMap Spans);

public sealed record Consent(bool Publish, DateOnly? Date, IReadOnlyList<string> Scope)
{
    public bool Allows(string section) => Publish && Scope.Contains(section);
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

public sealed record Statement(string? By, string? Role, DateOnly? Date, string? Text);

public sealed record PlanItem(string Title, DateOnly? Due, string? Status, string? Competency);
