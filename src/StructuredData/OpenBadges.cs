using System.Globalization;
using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;

namespace CredentialSite.StructuredData;

// Open Badges 3.0 documents (1EdTech). Multi-valued properties are always arrays (the strict schema wants them).

public sealed record ObImage(string Id, string Type, string? Caption);

public sealed record ObCriteria(string? Id, string? Narrative);

public sealed record ObAlignment(
    IReadOnlyList<string> Type, string TargetName, string TargetUrl, string? TargetDescription,
    string? TargetCode, string? TargetFramework, string? TargetType);

public sealed record ObProfile(
    [property: JsonPropertyName("@context")] IReadOnlyList<string>? Context,
    string Id, IReadOnlyList<string> Type, string? Name, string? Url, string? Email, string? Description, ObImage? Image);

public sealed record ObRubricLevel(string Id, IReadOnlyList<string> Type, string Name, string? Description, string? Level, string? Points);

public sealed record ObResultDescription(
    string Id, IReadOnlyList<string> Type, string Name, string ResultType,
    string? RequiredLevel, IReadOnlyList<ObRubricLevel>? RubricCriterionLevel, IReadOnlyList<ObAlignment>? Alignment,
    // OB Assessment extension v2p0 (type AssessmentResultDescription)
    string? Description = null, string? AssessmentType = null, string? AssessmentOutput = null,
    bool? HasGroupParticipation = null, bool? HasGroupEvaluation = null, string? EvaluationMethod = null, string? AssessmentExample = null);

public sealed record ObAchievement(
    [property: JsonPropertyName("@context")] IReadOnlyList<string>? Context,
    string Id, IReadOnlyList<string> Type, string AchievementType, string Name, string Description, ObCriteria Criteria,
    ObImage? Image, ObProfile? Creator, string? HumanCode, string? Version, string? InLanguage, IReadOnlyList<string>? Tag,
    IReadOnlyList<ObAlignment>? Alignment, IReadOnlyList<ObResultDescription>? ResultDescription);

public static class OpenBadges
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string AssessmentContext = "https://purl.imsglobal.org/spec/ob-assessment/v2p0/context";

    /// <summary>
    /// The @context of a document holding the badge's Achievement: with the assessment extension's when the badge has
    /// assessments (their AssessmentResultDescription terms are defined there alone; without it JSON-LD drops them).
    /// </summary>
    public static IReadOnlyList<string> Contexts(Badge b) => b.Assessment.Count > 0 ? [VcContext, ObContext, AssessmentContext] : [VcContext, ObContext];

    public static string AchievementId(SiteIndex ix, string badgeId) => ix.Site.AbsoluteUrl($"badges/{badgeId}.json");

    public static string ProfileId(SiteIndex ix, string issuerId) => ix.Site.AbsoluteUrl($"issuers/{issuerId}/");

    public static ObProfile Profile(SiteIndex ix, Issuer issuer, bool standalone)
    {
        var md = MarkdownRenderer.Instance;
        return new ObProfile(
            standalone ? [VcContext, ObContext] : null,
            ProfileId(ix, issuer.Id), ["Profile"], issuer.Name, issuer.Url, issuer.Email,
            JsonLd.NonEmpty(md.PlainText(issuer.Description)),
            issuer.Image is null ? null : new ObImage(AssetUrl(ix, issuer.Image), "Image", issuer.Name + " logo"));
    }

    /// <summary>
    /// A badge as an OB 3.0 Achievement; its id is the URL of badges/&lt;id&gt;.json. Built for each use and not kept:
    /// at ten thousand badges, keeping them all for the length of the build cost more memory than building a few twice.
    /// </summary>
    public static ObAchievement Achievement(SiteIndex ix, Badge b, bool standalone)
    {
        var md = MarkdownRenderer.Instance;
        var id = AchievementId(ix, b.Id);
        var pageUrl = ix.Site.AbsoluteUrl($"badges/{b.Id}/");
        var issuer = ix.IssuersById.GetValueOrDefault(b.Issuer);
        var alignments = new List<ObAlignment>();
        foreach (var c in b.Competencies)
        {
            if (!ix.CompetenciesById.TryGetValue(c.Competency, out var comp)) continue;
            var fw = ix.FrameworksById[comp.FrameworkId];
            alignments.Add(new ObAlignment(["Alignment"], comp.Name, ix.Site.AbsoluteUrl($"competencies/{comp.Id}/"),
                JsonLd.NonEmpty(md.PlainText(comp.Description)), comp.Id, fw.Name, "ceasn:Competency"));
        }
        alignments.AddRange(b.Alignments.Select(a => new ObAlignment(["Alignment"], a.TargetName, a.TargetUrl, a.TargetDescription,
            a.TargetCode, a.TargetFramework, a.TargetType)));

        var results = new List<ObResultDescription>();
        if (b.Rubric is { } rubric)
        {
            foreach (var c in rubric.Criteria)
            {
                var levels = rubric.Levels.Select((l, i) => new ObRubricLevel($"{id}#{c.Id}-{l.Id}", ["RubricCriterionLevel"], l.Name,
                    JsonLd.NonEmpty(c.Levels.FirstOrDefault(d => d.Key == l.Id).Value), (i + 1).ToString(CultureInfo.InvariantCulture),
                    l.Points?.ToString("0.##", CultureInfo.InvariantCulture))).ToList();
                var required = c.RequiredLevel ?? rubric.RequiredLevel;
                results.Add(new ObResultDescription($"{id}#{c.Id}", ["ResultDescription"], c.Name, "RubricCriterionLevel",
                    required is null ? null : $"{id}#{c.Id}-{required}", levels, null));
            }
        }
        for (var i = 0; i < b.Assessment.Count; i++)
        {
            var a = b.Assessment[i];
            var method = Vocabulary.MethodsById[a.Method];
            results.Add(new ObResultDescription($"{id}#assessment-{i + 1}", ["ResultDescription", "AssessmentResultDescription"],
                method.Name, "Status", null, null, null,
                Description: JsonLd.NonEmpty(md.PlainText(a.Description)) ?? method.Name,
                AssessmentType: method.ObAssessmentType,
                AssessmentOutput: b.Evidence.Count > 0 ? string.Join("; ", b.Evidence.Select(e => e.Type).Distinct()) : method.Name,
                HasGroupParticipation: false, HasGroupEvaluation: false,
                EvaluationMethod: EvaluationMethod(a, b.Rubric),
                AssessmentExample: a.Example));
        }

        var narrative = md.PlainText(b.Criteria);
        return new ObAchievement(
            standalone ? Contexts(b) : null,
            id, ["Achievement"], b.AchievementType, b.Name,
            JsonLd.NonEmpty(b.Summary) ?? JsonLd.NonEmpty(md.PlainText(b.Description)) ?? b.Name,
            new ObCriteria(pageUrl, JsonLd.NonEmpty(b.Criteria?.Trim()) ?? JsonLd.NonEmpty(narrative)),
            b.Image is null ? null : new ObImage(AssetUrl(ix, b.Image), "Image", b.ImageAlt),
            issuer is null ? null : Profile(ix, issuer, standalone: false),
            b.HumanCode, b.Version, ix.Site.Language,
            JsonLd.NonEmpty(b.Tags), JsonLd.NonEmpty(alignments), JsonLd.NonEmpty(results));
    }

    private static string EvaluationMethod(Assessment a, Rubric? rubric)
    {
        var who = a.Assessors switch { 0 => "machine scoring", > 1 => $"{a.Assessors} independent assessors", _ => "one assessor" };
        var text = $"Scored by {who}" + (a.Calibrated ? " calibrated against anchor samples" : "");
        if (rubric is { RequiredLevel: { } req })
            text += $" against the published rubric; passing requires {rubric.Levels.FirstOrDefault(l => l.Id == req)?.Name ?? req} on every criterion unless a criterion sets its own level";
        return text + (a.Proctored ? "; proctored." : ".");
    }

    public static string AssetUrl(SiteIndex ix, string path) =>
        path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal)
            ? path : ix.Site.AbsoluteUrl(path.TrimStart('/'));
}
