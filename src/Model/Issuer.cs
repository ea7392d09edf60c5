using CredentialSite.Load;

namespace CredentialSite.Model;

public sealed record Issuer(
    string Id,
    string Name,
    string Type,
    string? Url,
    string? Email,
    string? Description,
    string? Image,
    Vetting? Vetting,
    IReadOnlyList<Endorsement> Endorsements,
    LocationMap Spans)
{
    /// <summary>The public keys it publishes for signing (none: the site never signs for it).</summary>
    public IReadOnlyList<IssuerKey> Keys { get; init; } = [];
}

/// <summary>What the governance council checked; each check is yes | partial | no, or absent (not reviewed).</summary>
public sealed record Vetting(
    DateOnly? Reviewed,
    string? ReviewedBy,
    IReadOnlyDictionary<string, string> Checks,
    string? Notes);

public sealed record Endorsement(string Name, string? Url, DateOnly? Date, string? Comment);
