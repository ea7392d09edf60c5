using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>Planning career ladders (roles, required badges, promotion packages) and portfolios.</summary>
internal sealed partial class SampleCatalog
{
    private void PlanLadders()
    {
        var rng = Rng(PlanStream, 4);
        var count = _badgeCount < 200 ? 2 : _badgeCount < 2000 ? 3 : 4;
        for (var l = 0; l < count; l++)
        {
            var t = LadderTemplates[l];
            var ladder = new LadderPlan { Id = t.Id, Name = t.Name, Area = t.Area };
            foreach (var name in t.Clusters)
            {
                var c = _clusters.FindIndex(x => x.Name == name);
                if (c >= 0) ladder.Clusters.Add(c);
            }
            for (var c = 0; ladder.Clusters.Count < Math.Min(3, _clusters.Count); c++)
            {
                var candidate = (l + c) % _clusters.Count;
                if (!ladder.Clusters.Contains(candidate)) ladder.Clusters.Add(candidate);
            }
            ladder.Pool = _badges.Where(b => b.Referable && ladder.Clusters.Any(c => InCluster(b, c))).Select(b => b.Index).ToList();
            if (ladder.Pool.Count < 12)
                ladder.Pool = _badges.Where(b => b.Referable).Select(b => b.Index).ToList();

            var comps = _comps.Where(c => ladder.Clusters.Contains(c.Cluster)).ToList();
            var profile = rng.Sample(comps, 8);
            rng.Shuffle(profile);

            var used = new HashSet<int>();
            var core = Find(rng, ladder.Pool, b => b.Tier == "baseline" && b.Status == "active", 2, used);
            if (core.Count < 2) core.AddRange(Find(rng, ladder.Pool, b => b.Status == "active", 2 - core.Count, used));
            var step = Find(rng, ladder.Pool, b => b.Tier == "capability" && b.Status == "active", 2, used);

            for (var lv = 1; lv <= 4; lv++)
            {
                var role = new RolePlan { Id = t.Roles[lv - 1].Id, Name = t.Roles[lv - 1].Name, Level = lv };
                for (var i = 0; i < Math.Min(profile.Count, 3 + lv); i++)
                    role.Competencies.Add((profile[i], Math.Clamp(lv - 1 - (i >= 4 ? 1 : 0), 0, 3)));
                role.Required.AddRange(core);
                role.Required.AddRange(step.Take(Math.Min(step.Count, Math.Max(0, lv - 2))));
                var optionalTiers = lv <= 2 ? new[] { "baseline", "capability" } : ["capability", "distinction"];
                var excluded = new HashSet<int>(role.Required);
                role.Optional = Find(rng, ladder.Pool, b => optionalTiers.Contains(b.Tier), rng.Range(3, 4), excluded).OrderBy(i => i).ToList();
                if (lv > 1)
                {
                    role.From.Add(ladder.Roles[lv - 2].Id);
                    role.Packages.Add(CorePackage(rng, ladder, lv));
                    role.Packages.Add(ImpactPackage(rng, ladder, lv));
                }
                ladder.Roles.Add(role);
            }
            _ladders.Add(ladder);
        }
        // One lateral move: the second ladder's level-3 role also accepts the first ladder's level-3 role.
        _ladders[1].Roles[2].From.Add(_ladders[0].Roles[2].Id);
    }

    /// <summary>Up to <paramref name="need"/> badges of the pool that match and are not in <paramref name="used"/> (which then holds them).</summary>
    private List<int> Find(SampleRng rng, List<int> pool, Func<BadgePlan, bool> match, int need, HashSet<int> used)
    {
        var found = new List<int>();
        if (pool.Count == 0 || need <= 0) return found;
        var start = rng.Next(pool.Count);
        for (var k = 0; k < pool.Count && found.Count < need; k++)
        {
            var i = pool[(start + k) % pool.Count];
            if (!used.Contains(i) && match(_badges[i]))
            {
                found.Add(i);
                used.Add(i);
            }
        }
        return found;
    }

    /// <summary>
    /// Rules are built from disjoint witnesses (badges that would satisfy them together), so every package can be met.
    /// A filter that finds no witness is relaxed; a rule that still finds none is left out.
    /// </summary>
    private PackagePlan CorePackage(SampleRng rng, LadderPlan ladder, int lv)
    {
        var used = new HashSet<int>();
        var rules = new List<RulePlan>();
        var c0 = ladder.Clusters[0];
        var allTiers = lv switch { 2 => new[] { "baseline", "capability" }, 3 => ["capability", "capability"], _ => ["capability", "distinction"] };
        var all = new List<int>();
        foreach (var tier in allTiers)
        {
            var pick = Find(rng, ladder.Pool, b => b.Tier == tier && InCluster(b, c0), 1, used);
            if (pick.Count == 0) pick = Find(rng, ladder.Pool, b => b.Tier == tier, 1, used);
            all.AddRange(pick);
        }
        if (all.Count > 0) rules.Add(new RulePlan(all, 0, null, null, null, [], all));
        AddAtLeast(rng, ladder, rules, used, lv == 4 ? 2 : 1, "capability", c0, null);
        if (lv == 4) AddAtLeast(rng, ladder, rules, used, 1, "distinction", null, null);
        return Finish(rng, ladder, rules, used, "Core practice");
    }

    private PackagePlan ImpactPackage(SampleRng rng, LadderPlan ladder, int lv)
    {
        var used = new HashSet<int>();
        var rules = new List<RulePlan>();
        var c1 = ladder.Clusters[Math.Min(1, ladder.Clusters.Count - 1)];
        var all = Find(rng, ladder.Pool, b => b.Tier == "capability" && InCluster(b, c1), 1, used);
        if (all.Count == 0) all = Find(rng, ladder.Pool, b => b.Tier != "baseline", 1, used);
        if (all.Count > 0) rules.Add(new RulePlan(all, 0, null, null, null, [], all));
        var impact = rng.Pick(_clusters[ladder.Clusters[0]].Impact);
        AddAtLeast(rng, ladder, rules, used, lv == 2 ? 1 : 2, null, null, impact);
        // atLeast 1 of a short list: the witness plus two alternatives.
        var witness = Find(rng, ladder.Pool, b => b.Tier != "baseline", 1, used);
        if (witness.Count > 0)
        {
            var alternatives = Find(rng, ladder.Pool, b => b.Tier != "baseline", 2, new HashSet<int>(used));
            var of = witness.Concat(alternatives).OrderBy(i => i).ToList();
            rules.Add(new RulePlan([], 1, null, null, null, of, witness));
        }
        if (lv == 4) AddAtLeast(rng, ladder, rules, used, 1, "distinction", c1, null);
        return Finish(rng, ladder, rules, used, "Impact track");
    }

    private void AddAtLeast(SampleRng rng, LadderPlan ladder, List<RulePlan> rules, HashSet<int> used, int need,
        string? tier, int? cluster, string? impact)
    {
        bool Match(BadgePlan b, bool withCluster) =>
            (tier is null || b.Tier == tier) && (impact is null || b.Impact.Contains(impact)) && (!withCluster || cluster is null || InCluster(b, cluster.Value));
        var found = Find(rng, ladder.Pool, b => Match(b, true), need, used);
        var clusterName = cluster is null ? null : _clusters[cluster.Value].Name;
        if (found.Count < need && cluster is not null)
        {
            used.ExceptWith(found);
            found = Find(rng, ladder.Pool, b => Match(b, false), need, used);
            clusterName = null;
        }
        if (found.Count > 0) rules.Add(new RulePlan([], found.Count, tier, clusterName, impact, [], found));
    }

    private PackagePlan Finish(SampleRng rng, LadderPlan ladder, List<RulePlan> rules, HashSet<int> used, string name)
    {
        if (rules.Count == 0)
        {
            var any = Find(rng, ladder.Pool, _ => true, 1, used);
            if (any.Count == 0) any = [ladder.Pool[0]];
            rules.Add(new RulePlan(any, 0, null, null, null, [], any));
        }
        return new PackagePlan(name, rules);
    }

    private void PlanPortfolios()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < _portfolioCount; p++)
        {
            var rng = Rng(PortfolioPlan, p);
            var first = rng.Pick(FirstNames);
            var last = rng.Pick(LastNames);
            var (name, id) = PersonName(first, last, used);
            var l = rng.Next(_ladders.Count);
            var ladder = _ladders[l];
            var level = 1 + rng.Weighted([4, 3, 2]);
            var current = ladder.Roles[level - 1];
            var target = ladder.Roles[level];
            var held = new List<int>(current.Required);
            var package = rng.Pick(target.Packages);
            var missing = new List<int>();
            foreach (var rule in package.Rules)
                foreach (var w in rule.Witnesses)
                    if (held.Contains(w)) continue;
                    else if (rng.Chance(0.65)) held.Add(w);
                    else missing.Add(w);
            var want = rng.Range(3, 10);
            for (var tries = 0; held.Count < want && tries < 40; tries++)
            {
                var i = rng.Chance(0.9) ? rng.Pick(ladder.Pool) : rng.Next(_badges.Count);
                // Distinction badges are rare below senior roles.
                if (_badges[i].Tier == "distinction" && level < 3 && rng.Chance(0.8)) continue;
                if (_badges[i].Earnable && !held.Contains(i)) held.Add(i);
            }
            if (held.Count > 10)
            {
                missing.AddRange(held.Skip(10));
                held.RemoveRange(10, held.Count - 10);
            }
            _portfolios.Add(new PortfolioPlanItem(p, id, name, first, l, level, held, missing));
        }
    }

    /// <summary>A unique person name: namesakes get a middle initial before they get a number.</summary>
    private static (string Name, string Id) PersonName(string first, string last, HashSet<string> used)
    {
        var id = Text.Slug($"{first} {last}");
        if (used.Add(id)) return ($"{first} {last}", id);
        for (var m = 'A'; m <= 'Z'; m++)
        {
            id = Text.Slug($"{first} {m} {last}");
            if (used.Add(id)) return ($"{first} {m}. {last}", id);
        }
        return Text.Unique($"{first} {last}", used);
    }
}
