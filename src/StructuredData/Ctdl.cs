using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;

namespace CredentialSite.StructuredData;

// Credential Engine CTDL (ceterms:). Names and descriptions are language maps, not strings (NOTES P12).

public sealed record CtdlAlignment(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:targetNode")] string? TargetNode,
    [property: JsonPropertyName("ceterms:targetNodeName")] IReadOnlyDictionary<string, string>? TargetNodeName,
    [property: JsonPropertyName("ceterms:frameworkName")] IReadOnlyDictionary<string, string>? FrameworkName,
    [property: JsonPropertyName("ceterms:codedNotation")] string? CodedNotation);

public sealed record CtdlCondition(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:description")] IReadOnlyDictionary<string, string>? Description,
    [property: JsonPropertyName("ceterms:targetCompetency")] IReadOnlyList<CtdlAlignment>? TargetCompetency,
    [property: JsonPropertyName("ceterms:targetAssessment")] IReadOnlyList<CtdlAssessment>? TargetAssessment,
    [property: JsonPropertyName("ceterms:targetCredential")] IReadOnlyList<string>? TargetCredential,
    [property: JsonPropertyName("ceterms:condition")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Condition);

/// <summary>An identifier of the credential (here the badge's human code) with what kind of identifier it is.</summary>
public sealed record CtdlIdentifier(
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:identifierTypeName")] IReadOnlyDictionary<string, string> IdentifierTypeName,
    [property: JsonPropertyName("ceterms:identifierValueCode")] string IdentifierValueCode);

public sealed record CtdlAssessment(
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:name")] IReadOnlyDictionary<string, string> Name,
    [property: JsonPropertyName("ceterms:description")] IReadOnlyDictionary<string, string>? Description,
    [property: JsonPropertyName("ceterms:assessmentMethodType")] IReadOnlyList<CtdlAlignment> AssessmentMethodType,
    [property: JsonPropertyName("ceterms:scoringMethodType")] IReadOnlyList<CtdlAlignment> ScoringMethodType,
    [property: JsonPropertyName("ceterms:isProctored")] bool IsProctored,
    [property: JsonPropertyName("ceterms:assessmentExample")] string? AssessmentExample,
    [property: JsonPropertyName("ceterms:ownedBy")] IReadOnlyList<string>? OwnedBy,
    [property: JsonPropertyName("ceterms:lifeCycleStatusType")] CtdlAlignment LifeCycleStatusType,
    [property: JsonPropertyName("ceterms:availableOnlineAt")] IReadOnlyList<string> AvailableOnlineAt);

public sealed record CtdlCredential(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:name")] IReadOnlyDictionary<string, string> Name,
    [property: JsonPropertyName("ceterms:description")] IReadOnlyDictionary<string, string> Description,
    [property: JsonPropertyName("ceterms:subjectWebpage")] string SubjectWebpage,
    [property: JsonPropertyName("ceterms:image")] string? Image,
    [property: JsonPropertyName("ceterms:inLanguage")] IReadOnlyList<string> InLanguage,
    [property: JsonPropertyName("ceterms:keyword")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Keyword,
    [property: JsonPropertyName("ceterms:identifier")] IReadOnlyList<CtdlIdentifier>? Identifier,
    [property: JsonPropertyName("ceterms:availableOnlineAt")] IReadOnlyList<string> AvailableOnlineAt,
    [property: JsonPropertyName("ceterms:credentialStatusType")] CtdlAlignment CredentialStatusType,
    [property: JsonPropertyName("ceterms:ownedBy")] IReadOnlyList<string>? OwnedBy,
    [property: JsonPropertyName("ceterms:occupationType")] IReadOnlyList<CtdlAlignment>? OccupationType,
    [property: JsonPropertyName("ceterms:requires")] IReadOnlyList<CtdlCondition>? Requires,
    [property: JsonPropertyName("ceterms:renewal")] IReadOnlyList<CtdlCondition>? Renewal,
    [property: JsonPropertyName("ceterms:renewalFrequency")] string? RenewalFrequency,
    [property: JsonPropertyName("ceterms:isPartOf")] IReadOnlyList<string>? IsPartOf,
    [property: JsonPropertyName("ceterms:hasPart")] IReadOnlyList<string>? HasPart,
    [property: JsonPropertyName("ceterms:isPreparationFor")] IReadOnlyList<CtdlCondition>? IsPreparationFor);

public sealed record CtdlOrganization(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("ceterms:name")] IReadOnlyDictionary<string, string> Name,
    [property: JsonPropertyName("ceterms:description")] IReadOnlyDictionary<string, string>? Description,
    [property: JsonPropertyName("ceterms:subjectWebpage")] string SubjectWebpage,
    [property: JsonPropertyName("ceterms:email")] IReadOnlyList<string>? Email,
    [property: JsonPropertyName("ceterms:image")] string? Image,
    [property: JsonPropertyName("ceterms:agentType")] IReadOnlyList<CtdlAlignment> AgentType,
    [property: JsonPropertyName("ceterms:agentSectorType")] CtdlAlignment AgentSectorType,
    [property: JsonPropertyName("ceterms:lifeCycleStatusType")] CtdlAlignment LifeCycleStatusType);

public static class Ctdl
{
    public const string Context = "https://credreg.net/ctdl/schema/context/json";

    private static IReadOnlyDictionary<string, string> Lang(SiteIndex ix, string text) =>
        new Dictionary<string, string> { [ix.Site.Language] = text };

    private static CtdlAlignment Concept(SiteIndex ix, string node, string name, string? framework = null) =>
        new("ceterms:CredentialAlignmentObject", node, Lang(ix, name), framework is null ? null : Lang(ix, framework), null);

    public static string CredentialId(SiteIndex ix, string badgeId) => ix.Site.AbsoluteUrl($"badges/{badgeId}/#ctdl");

    /// <summary>
    /// A badge as ceterms:OpenBadge, or ceterms:MicroCredential when its achievementType says so. Its assessments are
    /// AssessmentProfiles inside the ConditionProfile it requires (targetAssessment's domain: not the credential).
    /// </summary>
    public static CtdlCredential Credential(SiteIndex ix, Badge b)
    {
        var md = MarkdownRenderer.Instance;
        var page = ix.Site.AbsoluteUrl($"badges/{b.Id}/");
        var owner = ix.IssuersById.ContainsKey(b.Issuer) ? new[] { OrganizationId(ix, b.Issuer) } : null;
        // Offered while active or in pilot; a draft is still being developed, a retired badge is no longer assessed.
        var lifeCycle = b.IsDraft ? Concept(ix, "lifeCycle:Developing", "Developing", "Life Cycle Status")
            : b.IsRetired ? Concept(ix, "lifeCycle:Ceased", "Ceased", "Life Cycle Status")
            : Concept(ix, "lifeCycle:Active", "Active", "Life Cycle Status");
        var assessments = b.Assessment.Select((a, i) =>
        {
            var method = Vocabulary.MethodsById[a.Method];
            return new CtdlAssessment($"{page}#assessment-{i + 1}", "ceterms:AssessmentProfile", Lang(ix, method.Name),
                JsonLd.NonEmpty(md.PlainText(a.Description)) is { } d ? Lang(ix, d) : null,
                [Concept(ix, "assessMethod:" + method.CtdlMethod, Words(method.CtdlMethod))],
                [Concept(ix, "score:CriterionReferenced", "Criterion Referenced")],
                a.Proctored, a.Example, owner, lifeCycle, [page]);
        }).ToList();
        var competencies = b.Competencies.Where(c => ix.CompetenciesById.ContainsKey(c.Competency)).Select(c =>
        {
            var comp = ix.CompetenciesById[c.Competency];
            return new CtdlAlignment("ceterms:CredentialAlignmentObject", ix.Site.AbsoluteUrl($"competencies/{comp.Id}/"),
                Lang(ix, comp.Name), Lang(ix, ix.FrameworksById[comp.FrameworkId].Name), null);
        }).ToList();
        var requires = new CtdlCondition("ceterms:ConditionProfile",
            JsonLd.NonEmpty(md.PlainText(b.Criteria)) is { } crit ? Lang(ix, crit) : null,
            JsonLd.NonEmpty(competencies), JsonLd.NonEmpty(assessments),
            JsonLd.NonEmpty(b.Prerequisites.Where(ix.BadgesById.ContainsKey).Select(p => CredentialId(ix, p))),
            b.Evidence.Count > 0 ? new Dictionary<string, IReadOnlyList<string>> { [ix.Site.Language] = b.Evidence.Select(e => e.Description ?? e.Type).ToList() } : null);
        var renewal = b.Renewal is { } r
            ? new CtdlCondition("ceterms:ConditionProfile", Lang(ix, Render.ViewBuilder.RenewalWords(r) +
                (JsonLd.NonEmpty(md.PlainText(r.Requirements)) is { } req ? " " + req : "")), null, null, null, null)
            : null;
        var status = b.Status switch
        {
            "retired" => ("credentialStat:Deprecated", "Deprecated"),
            "pilot" => ("credentialStat:Probationary", "Probationary"),
            _ => ("credentialStat:Active", "Active"),
        };
        return new CtdlCredential(Context, CredentialId(ix, b.Id),
            b.AchievementType == "MicroCredential" ? "ceterms:MicroCredential" : "ceterms:OpenBadge",
            Lang(ix, b.Name),
            Lang(ix, JsonLd.NonEmpty(md.PlainText(b.Description)) ?? b.Summary ?? b.Name),
            page,
            b.Image is null ? null : OpenBadges.AssetUrl(ix, b.Image),
            [ix.Site.Language],
            b.Tags.Count > 0 ? new Dictionary<string, IReadOnlyList<string>> { [ix.Site.Language] = b.Tags } : null,
            b.HumanCode is { } code ? [new CtdlIdentifier("ceterms:IdentifierValue", Lang(ix, "Badge code"), code)] : null,
            [page],
            Concept(ix, status.Item1, status.Item2, "Credential Status"),
            owner,
            JsonLd.NonEmpty(b.Occupations.Select(o => new CtdlAlignment("ceterms:CredentialAlignmentObject",
                o.Framework is { } f && f.StartsWith("O*NET", StringComparison.Ordinal) ? $"https://www.onetonline.org/link/summary/{o.Code}" : null,
                o.Name is null ? null : Lang(ix, o.Name), o.Framework is null ? null : Lang(ix, o.Framework), o.Code))),
            [requires],
            renewal is null ? null : [renewal],
            b.Renewal?.ValidFor?.Text,
            JsonLd.NonEmpty(b.StacksInto.Where(ix.BadgesById.ContainsKey).Select(t => CredentialId(ix, t))),
            JsonLd.NonEmpty(ix.StackedFrom[b.Id].Select(s => CredentialId(ix, s.Id))),
            JsonLd.NonEmpty(ix.UnlockedBy[b.Id].Select(u => new CtdlCondition("ceterms:ConditionProfile", null, null, null,
                [CredentialId(ix, u.Id)], null))));
    }

    public static string OrganizationId(SiteIndex ix, string issuerId) => ix.Site.AbsoluteUrl($"issuers/{issuerId}/#ctdl");

    public static CtdlOrganization Organization(SiteIndex ix, Issuer i)
    {
        var md = MarkdownRenderer.Instance;
        var agent = i.Type switch
        {
            "university" => ("orgType:Postsecondary", "Postsecondary Educational Institution"),
            "professional-body" => ("orgType:ProfessionalAssociation", "Professional Association"),
            "industry-association" => ("orgType:BusinessAssociation", "Business or Industry Association"),
            "vendor" => ("orgType:Vendor", "Vendor"),
            "training-provider" => ("orgType:TrainingProvider", "Training Provider"),
            _ => ("orgType:Business", "Business"),
        };
        var sector = i.SectorOrDefault switch
        {
            "public" => ("agentSector:Public", "Public"),
            "private-non-profit" => ("agentSector:PrivateNonProfit", "Private Not-For-Profit"),
            _ => ("agentSector:PrivateForProfit", "Private For-Profit"),
        };
        return new CtdlOrganization(Context, OrganizationId(ix, i.Id), "ceterms:CredentialOrganization", Lang(ix, i.Name),
            JsonLd.NonEmpty(md.PlainText(i.Description)) is { } d ? Lang(ix, d) : null,
            i.Url ?? ix.Site.AbsoluteUrl($"issuers/{i.Id}/"),
            i.Email is null ? null : [i.Email],
            i.Image is null ? null : OpenBadges.AssetUrl(ix, i.Image),
            [Concept(ix, agent.Item1, agent.Item2, "Organization Type")],
            Concept(ix, sector.Item1, sector.Item2, "Agent Sector"),
            // An issuer in the catalog awards badges now; one that stopped would be removed from it.
            Concept(ix, "lifeCycle:Active", "Active", "Life Cycle Status"));
    }

    /// <summary>"PortfolioEvaluation" → "Portfolio Evaluation".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
