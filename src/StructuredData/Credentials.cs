using System.Globalization;
using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;
using CredentialSite.Status;

namespace CredentialSite.StructuredData;

// Earned badges as OB 3.0 OpenBadgeCredential documents (signed in Signing/ when the issuer signs),
// and portfolio pages as schema.org ProfilePage.

public sealed record ObResult(IReadOnlyList<string> Type, string? ResultDescription, string? AchievedLevel);

public sealed record ObEvidence(string? Id, IReadOnlyList<string> Type, string? Name, string? Narrative, string? Description, string? Genre);

public sealed record ObSubject(string Id, IReadOnlyList<string> Type, ObAchievement Achievement, IReadOnlyList<ObResult>? Result);

public sealed record ObCredential(
    [property: JsonPropertyName("@context")] IReadOnlyList<string> Context,
    string Id, IReadOnlyList<string> Type, string Name, string? Description, ObProfile Issuer,
    string ValidFrom, string? ValidUntil, string? AwardedDate, ObSubject CredentialSubject, IReadOnlyList<ObEvidence>? Evidence,
    StatusListEntry? CredentialStatus);

public sealed record SoCredentialRef([property: JsonPropertyName("@type")] string Type, [property: JsonPropertyName("@id")] string Id, string Name, string Url);

public sealed record SoPerson(
    [property: JsonPropertyName("@type")] string Type, string Name, string? Description, string? JobTitle, string? Image,
    string Url, IReadOnlyList<SoCredentialRef>? HasCredential);

public sealed record SoProfilePage(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string Url, SoPerson MainEntity);

public static class Credentials
{
    /// <summary>A date as the VC dateTimeStamp of its midnight UTC.</summary>
    public static string Stamp(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>Whether <see cref="Credential"/> gives a credential: issued, with a published badge and its issuer.</summary>
    public static bool Publishes(SiteIndex ix, EarnedBadge earned) =>
        earned.Issued is not null && ix.BadgesById.TryGetValue(earned.Badge, out var badge) && ix.IssuersById.ContainsKey(badge.Issuer);

    /// <summary>The credential's id: the URL of its JSON file.</summary>
    public static string CredentialId(SiteIndex ix, string personId, string badgeId) =>
        ix.Site.AbsoluteUrl(Render.ViewBuilder.CredentialPath(personId, badgeId));

    /// <summary>
    /// An earned, published badge as an OpenBadgeCredential, without a proof; null when it cannot be expressed (see
    /// <see cref="Publishes"/>). <paramref name="issuerDid"/> is the issuer's DID when this build signs for it: it is then
    /// the issuer's id, since the DID resolves to the keys a verifier needs (its document links the issuer's page).
    /// </summary>
    public static ObCredential? Credential(SiteIndex ix, Portfolio person, EarnedBadge earned, string? issuerDid = null)
    {
        if (!Publishes(ix, earned)) return null;
        var issued = earned.Issued!.Value;
        var badge = ix.BadgesById[earned.Badge];
        var issuer = ix.IssuersById[badge.Issuer];
        var md = MarkdownRenderer.Instance;
        var achievement = OpenBadges.Achievement(ix, badge, standalone: false);
        var achievementId = achievement.Id;
        var results = earned.Results.Select(r => new ObResult(["Result"], $"{achievementId}#{r.Key}", $"{achievementId}#{r.Key}-{r.Value}"));
        var evidence = earned.Evidence.Select(e => e.Type switch
        {
            "artifact" => new ObEvidence(e.File is { } f ? ix.Site.AbsoluteUrl($"people/{person.Id}/{f}") : e.Url, ["Evidence"], e.Title,
                JsonLd.NonEmpty(string.Join("\n\n", new[] { e.Context?.Challenge, e.Context?.Action, e.Context?.Result }.Where(s => !string.IsNullOrWhiteSpace(s)))),
                null, "Artifact"),
            "metric" => new ObEvidence(null, ["Evidence"], e.Title ?? e.Metric?.Name,
                e.Metric is { } m ? $"{m.Name}: {m.Before?.ToString(CultureInfo.InvariantCulture)} → {m.After?.ToString(CultureInfo.InvariantCulture)} {m.Unit} ({m.Window}; source: {m.Source}; confirmed by {m.ConfirmedBy})" : null,
                null, "Metric"),
            "quote" => new ObEvidence(null, ["Evidence"], e.By is null ? "Quote" : $"Quote from {e.By}", e.Text, e.Role, "Testimonial"),
            _ => new ObEvidence(null, ["Evidence"], e.By is null ? "Attestation" : $"Attestation by {e.By}", md.PlainText(e.Statement), e.Role, "Attestation"),
        });
        // OB 3.0 has no term for the assessor: the audit travels as an Evidence entry (name, narrative, genre are all
        // defined by the pinned contexts, so safe-mode expansion and signing keep every word of it).
        if (Assessment(earned) is { } audit)
            evidence = evidence.Append(new ObEvidence(null, ["Evidence"], "Assessment", audit, null, "Assessment"));
        var expires = Readiness.Expiry(earned, badge);
        var url = CredentialId(ix, person.Id, badge.Id);
        var profile = OpenBadges.Profile(ix, issuer, standalone: false);
        return new ObCredential(
            OpenBadges.Contexts(badge), url, ["VerifiableCredential", "OpenBadgeCredential"],
            badge.Name, issuerDid is null
                ? $"{badge.Name}, earned by {person.Name}. Unsigned: a readable copy without a proof."
                : $"{badge.Name}, earned by {person.Name}. Signed by {issuer.Name}.",
            issuerDid is null ? profile : profile with { Id = issuerDid },
            Stamp(issued), expires is { } x ? Stamp(x) : null, Stamp(issued),
            new ObSubject(ix.Site.AbsoluteUrl(Render.ViewBuilder.PersonUrl(person.Id)), ["AchievementSubject"], achievement, JsonLd.NonEmpty(results)),
            JsonLd.NonEmpty(evidence),
            RevocationLists.Of(ix).Entry(issuer.Id, url));
    }

    /// <summary>"Assessed by X on 2026-03-01": who issued the badge, the audit an earned badge may record.</summary>
    public static string? Assessment(EarnedBadge earned) =>
        earned.AssessedBy is null && earned.AssessedOn is null ? null
        : "Assessed" + (earned.AssessedBy is { } by ? $" by {by}" : "")
            + (earned.AssessedOn is { } on ? $" on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "");

    public static SoProfilePage ProfilePage(SiteIndex ix, Portfolio person)
    {
        var url = ix.Site.AbsoluteUrl(Render.ViewBuilder.PersonUrl(person.Id));
        var held = person.Badges.Where(b => ix.BadgesById.ContainsKey(b.Badge)).Select(b =>
        {
            var page = ix.Site.AbsoluteUrl($"badges/{b.Badge}/");
            return new SoCredentialRef("EducationalOccupationalCredential", page + "#credential", ix.BadgesById[b.Badge].Name, page);
        }).DistinctBy(c => c.Id);
        return new SoProfilePage(SchemaOrg.Context, "ProfilePage", url,
            new SoPerson("Person", person.Name, person.Headline,
                person.CurrentRole is { } r && ix.RolesById.TryGetValue(r, out var role) ? role.Name : null,
                person.Photo is null ? null : ix.Site.AbsoluteUrl($"people/{person.Id}/{person.Photo}"), url, JsonLd.NonEmpty(held)));
    }
}
