using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Program;

/// <summary>One competency's coverage: how many offered badges demonstrate it at each level of its framework.</summary>
public sealed record CompetencyCoverage(string Id, string Name, IReadOnlyList<LevelCoverage> Levels, int Badges)
{
    public bool Uncovered => Badges == 0;
    public IReadOnlyList<string> MissingLevels => [.. Levels.Where(l => l.Badges == 0).Select(l => l.Level)];
}

public sealed record LevelCoverage(string Level, int Badges);

public sealed record ClusterCoverage(string Name, IReadOnlyList<CompetencyCoverage> Competencies);

public sealed record BadgeRef(string Id, string Name, string Tier);

public sealed record RoleGap(string Id, string Name, string Ladder, string Reason);

public sealed record TierRow(string RoleId, string RoleName, int? Level, int Baseline, int Capability, int Distinction);

public sealed record LadderBalance(string Id, string Name, IReadOnlyList<TierRow> Roles);

/// <summary>What the program's catalog covers and what it leaves open (the coverage page, and counts in validate's summary).</summary>
public sealed record CoverageReport(
    IReadOnlyList<ClusterCoverage> Clusters,
    IReadOnlyList<BadgeRef> UnusedBadges,
    IReadOnlyList<RoleGap> UnreachableRoles,
    IReadOnlyList<LadderBalance> Ladders)
{
    public int UncoveredCompetencies => Clusters.Sum(c => c.Competencies.Count(x => x.Uncovered));
    public int UncoveredLevels => Clusters.Sum(c => c.Competencies.Sum(x => x.MissingLevels.Count));

    /// <summary>The counts validate's summary line gives.</summary>
    public string Summary =>
        $"coverage: {Plural(UncoveredCompetencies, "competency", "competencies")} without a badge, {Plural(UnusedBadges.Count, "badge", "badges")} no role uses, " +
        $"{Plural(UnreachableRoles.Count, "role", "roles")} no badges reach";

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

/// <summary>
/// Coverage, from the published badges that can count (active or pilot: <see cref="Readiness.CanCount"/>):
/// competencies and levels no such badge demonstrates, badges no role requires, recommends or counts in a promotion
/// rule, roles that no combination of them can satisfy, and each ladder level's balance of tiers.
/// </summary>
public static class Coverage
{
    public const string NoCluster = "Other";

    public static CoverageReport Run(SiteIndex ix)
    {
        var offered = ix.Badges.Where(Readiness.CanCount).ToList();
        var demonstrated = offered.SelectMany(b => b.Competencies.Select(c => (c.Competency, c.Level, b.Id))).ToLookup(d => d.Competency, StringComparer.Ordinal);
        var clusters = ix.Catalog.Frameworks.SelectMany(f => f.Competencies.Select(c =>
            {
                var mine = demonstrated[c.Id].ToList();
                var levels = f.Levels.Select(l => new LevelCoverage(l, mine.Where(d => d.Level == l).Select(d => d.Id).Distinct().Count())).ToList();
                return (Cluster: c.Cluster ?? NoCluster, Row: new CompetencyCoverage(c.Id, c.Name, levels, mine.Select(d => d.Id).Distinct().Count()));
            }))
            .GroupBy(x => x.Cluster).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ClusterCoverage(g.Key, [.. g.Select(x => x.Row).OrderBy(r => r.Name, StringComparer.Ordinal)])).ToList();

        var roles = ix.Ladders.SelectMany(l => l.Roles).ToList();
        var rules = roles.SelectMany(r => r.Promotion?.Packages ?? []).SelectMany(p => p.Rules).ToList();
        var counted = rules.SelectMany(ix.AcceptedBy).ToHashSet(StringComparer.Ordinal);
        var unused = offered.Where(b => ix.RolesRequiring[b.Id].Count == 0 && ix.RolesRecommending[b.Id].Count == 0 && !counted.Contains(b.Id))
            .Select(Ref).ToList();

        return new CoverageReport(clusters, unused, Unreachable(ix, roles, offered), [.. ix.Ladders.Select(l => Balance(ix, l))]);
    }

    private static BadgeRef Ref(Badge b) => new(b.Id, b.Name, b.Tier);

    // A role is reachable when someone holding every offered badge would be ready for it: the readiness engine decides.
    private static List<RoleGap> Unreachable(SiteIndex ix, IReadOnlyList<Role> roles, IReadOnlyList<Badge> offered)
    {
        var everything = offered.Select(b => new EarnedBadge(b.Id, null, null, null, null, null, [], [], null, "public", "")).ToList();
        var gaps = new List<RoleGap>();
        foreach (var role in roles.Where(r => r.Promotion is not null || r.RequiredBadges.Count > 0))
        {
            var report = Readiness.Evaluate(everything, role, ix.AllBadgesById, ix.CompetenciesById, ix.AsOf, null, null, ix.AcceptedBy);
            if (report.Ready) continue;
            var missing = report.Required.Where(r => !r.Held).Select(r => r.BadgeId).ToList();
            var reason = missing.Count > 0
                ? "requires " + string.Join(", ", missing) + ", which no active or pilot badge of the site provides"
                : "no promotion package can be met with the active and pilot badges";
            gaps.Add(new RoleGap(role.Id, role.Name, ix.LaddersById.TryGetValue(role.LadderId, out var l) ? l.Name : role.LadderId, reason));
        }
        return gaps;
    }

    // The badges a role names (required, recommended, and named by its promotion rules), counted by tier.
    private static LadderBalance Balance(SiteIndex ix, Ladder ladder) =>
        new(ladder.Id, ladder.Name, [.. Render.ViewBuilder.RolesInOrder(ladder).Select(r =>
        {
            var named = r.RequiredBadges.Concat(r.OptionalBadges)
                .Concat((r.Promotion?.Packages ?? []).SelectMany(p => p.Rules).SelectMany(x => x.All.Concat(x.Of)))
                .Distinct(StringComparer.Ordinal).Select(ix.BadgesById.GetValueOrDefault).OfType<Badge>().ToList();
            return new TierRow(r.Id, r.Name, r.Level, named.Count(b => b.Tier == "baseline"), named.Count(b => b.Tier == "capability"),
                named.Count(b => b.Tier == "distinction"));
        })]);
}
