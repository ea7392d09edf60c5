using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;

namespace CredentialSite.StructuredData;

// schema.org documents, each in its own <script> block (never mixed into an OB @context: NOTES P6/P7).

public sealed record SoDefinedTerm(
    [property: JsonPropertyName("@type")] string Type, string Name, string? TermCode, string? InDefinedTermSet, string? Url);

public sealed record SoOrganizationRef(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string? Id, string Name, string? Url);

public sealed record SoCredential(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name, string? Description, string Url, string? Image, string? Identifier,
    SoDefinedTerm CredentialCategory, string? EducationalLevel,
    IReadOnlyList<SoDefinedTerm>? CompetencyRequired, SoOrganizationRef? RecognizedBy, string? ValidFor,
    IReadOnlyList<string>? Keywords, string? Version, string? SameAs);

public sealed record SoOrganization(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("@id")] string Id,
    string Name, string? Description, string? Url, string? Email, string? Logo);

public sealed record SoListItem([property: JsonPropertyName("@type")] string Type, int Position, string Name, string Item);

public sealed record SoBreadcrumbs(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    IReadOnlyList<SoListItem> ItemListElement);

public static class SchemaOrg
{
    public const string Context = "https://schema.org";

    public static SoCredential Credential(SiteIndex ix, Badge b)
    {
        var md = MarkdownRenderer.Instance;
        var page = ix.Site.AbsoluteUrl($"badges/{b.Id}/");
        var issuer = ix.IssuersById.GetValueOrDefault(b.Issuer);
        var competencies = b.Competencies.Where(c => ix.CompetenciesById.ContainsKey(c.Competency)).Select(c =>
        {
            var comp = ix.CompetenciesById[c.Competency];
            return new SoDefinedTerm("DefinedTerm", comp.Name, comp.Id, ix.Site.AbsoluteUrl($"frameworks/{comp.FrameworkId}/"),
                ix.Site.AbsoluteUrl($"competencies/{comp.Id}/"));
        });
        return new SoCredential(Context, "EducationalOccupationalCredential", page + "#credential", b.Name,
            JsonLd.NonEmpty(b.Summary) ?? JsonLd.NonEmpty(md.PlainText(b.Description)), page,
            b.Image is null ? null : OpenBadges.AssetUrl(ix, b.Image), b.HumanCode,
            new SoDefinedTerm("DefinedTerm", b.AchievementType == "MicroCredential" ? "Micro-credential" : "Digital badge", null, null, null),
            b.Tier switch { "baseline" => "beginner", "capability" => "intermediate", _ => "advanced" },
            JsonLd.NonEmpty(competencies),
            issuer is null ? null : new SoOrganizationRef("Organization", OrganizationId(ix, issuer.Id), issuer.Name, issuer.Url),
            b.Renewal?.ValidFor?.Text, JsonLd.NonEmpty(b.Tags), b.Version, OpenBadges.AchievementId(ix, b.Id));
    }

    public static string OrganizationId(SiteIndex ix, string issuerId) => ix.Site.AbsoluteUrl($"issuers/{issuerId}/#organization");

    public static SoOrganization Organization(SiteIndex ix, Issuer i) =>
        new(Context, "Organization", OrganizationId(ix, i.Id), i.Name,
            JsonLd.NonEmpty(MarkdownRenderer.Instance.PlainText(i.Description)), i.Url, i.Email,
            i.Image is null ? null : OpenBadges.AssetUrl(ix, i.Image));

    public static SoBreadcrumbs Breadcrumbs(SiteIndex ix, IEnumerable<(string Title, string Path)> crumbs) =>
        new(Context, "BreadcrumbList", crumbs.Select((c, i) => new SoListItem("ListItem", i + 1, c.Title, ix.Site.AbsoluteUrl(c.Path))).ToList());
}
