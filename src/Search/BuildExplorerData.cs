using CredentialSite.Analyze;
using CredentialSite.Model;
using CredentialSite.StructuredData;
using CredentialSite.Write;

namespace CredentialSite.Search;

/// <summary>
/// The data the next-role explorer (theme/static/js/explorer.js) evaluates in the browser: the same
/// roles, rules and badge attributes the C# <see cref="Readiness"/> engine reads, so both compute
/// the same result. A badge's <c>counts</c> is <see cref="Readiness.CanCount"/>: false for retired badges and for
/// drafts (published with --drafts, never counted). A role's <c>from</c> (the roles promoted into it) gives the
/// explorer its routes; a badge's rigor and prerequisites rank the badges that would close a gap.
/// </summary>
public static class BuildExplorerData
{
    public sealed record RuleData(IReadOnlyList<string>? All, int? AtLeast, string? Tier, string? Competency, string? Cluster,
        IReadOnlyList<string>? Of, string? Impact, string Text);

    public sealed record PackageData(string Name, IReadOnlyList<RuleData> Rules);

    public sealed record RoleData(string Id, string Name, string Ladder, int? Level, string Url,
        IReadOnlyList<string> Required, IReadOnlyList<PackageData> Packages, IReadOnlyList<string> From);

    public sealed record BadgeData(string Id, string Name, string Tier, string Url, IReadOnlyList<string> Impact,
        IReadOnlyList<string> Competencies, IReadOnlyList<string> Clusters, bool Counts, double Rigor, IReadOnlyList<string> Prerequisites);

    public sealed record ExplorerData(IReadOnlyList<RoleData> Roles, IReadOnlyList<BadgeData> Badges);

    public static OutputFile Run(SiteIndex ix)
    {
        string BadgeName(string id) => ix.AllBadgesById.TryGetValue(id, out var b) ? b.Name : id;
        string CompetencyName(string id) => ix.CompetenciesById.TryGetValue(id, out var c) ? c.Name : id;
        var roles = ix.Ladders.SelectMany(l => l.Roles.OrderBy(r => r.Level).Select(r => new RoleData(r.Id, r.Name, l.Name, r.Level,
            $"roles/{r.Id}/", r.RequiredBadges,
            (r.Promotion?.Packages ?? []).Select(p => new PackageData(p.Name, p.Rules.Select(rule => new RuleData(
                JsonLd.NonEmpty(rule.All), rule.IsAll ? null : rule.AtLeast, rule.Tier, rule.Competency, rule.Cluster,
                JsonLd.NonEmpty(rule.Of), rule.Impact, Rules.Describe(rule, BadgeName, CompetencyName))).ToList())).ToList(),
            r.Promotion?.From ?? []))).ToList();
        var badges = ix.Badges.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => new BadgeData(b.Id, b.Name, b.Tier, $"badges/{b.Id}/",
            b.Impact, b.Competencies.Select(c => c.Competency).Distinct().ToList(),
            b.Competencies.Select(c => ix.CompetenciesById.GetValueOrDefault(c.Competency)?.Cluster).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            Readiness.CanCount(b), ix.Rigor[b.Id].Value, b.Prerequisites)).ToList();
        return new OutputFile("explorer.json", JsonLd.CompactBytes(new ExplorerData(roles, badges)));
    }
}
