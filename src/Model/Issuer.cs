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
    LocationMap Spans,
    string? Sector = null)
{
    /// <summary>public | private-non-profit | private-for-profit: as given, else what the type usually is.</summary>
    public string SectorOrDefault => Sector ?? Type switch
    {
        "university" => "public",
        "professional-body" or "industry-association" => "private-non-profit",
        _ => "private-for-profit",
    };

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
