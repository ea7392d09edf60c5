using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>Planning competencies, issuers and badges, and the links between badges (prerequisites, stacking).</summary>
internal sealed partial class SampleCatalog
{
    private void PlanCompetencies()
    {
        var rng = Rng(PlanStream, 1);
        var k = rng.Range(4, 8);
        // 4-8 of the clusters, in the word list's order.
        var chosen = rng.Sample(Enumerable.Range(0, Clusters.Length).ToList(), k);
        _clusters.AddRange(chosen.Select(i => Clusters[i]));

        var count = Math.Max(12, _badgeCount / 50);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var facets = Facets.ToArray();
        rng.Shuffle(facets);
        for (var c = 0; c < _clusters.Count; c++)
        {
            var first = _comps.Count;
            var want = count / _clusters.Count + (c < count % _clusters.Count ? 1 : 0);
            var topics = _clusters[c].Topics.ToArray();
            rng.Shuffle(topics);
            foreach (var name in CompetencyNames(topics, facets).Where(n => used.Add(Text.Slug(n))).Take(want))
            {
                var topic = Text.Lower(name);
                var behaviors = rng.Sample(BehaviorTemplates, rng.Range(2, 3)).Select(t => t.Replace("{t}", topic)).ToArray();
                var sfia = rng.Chance(0.6) ? Text.Code(name, 4, pad: true) : null;
                _comps.Add(new Comp(_comps.Count, Text.Slug(name), name, topic, c, behaviors, sfia));
            }
            _clusterRuns.Add((first, _comps.Count - 1));
        }
    }

    private static IEnumerable<string> CompetencyNames(string[] topics, string[] facets)
    {
        foreach (var t in topics) yield return t;
        foreach (var f in facets)
            foreach (var t in topics)
                if (!t.Contains(f, StringComparison.OrdinalIgnoreCase)) yield return $"{f} {t}";
        for (var n = 2; ; n++)
            foreach (var f in facets)
                foreach (var t in topics)
                    yield return $"{f} {t} {n}";
    }

    private void PlanIssuers()
    {
        var rng = Rng(PlanStream, 2);
        var count = Math.Max(3, _badgeCount / 500);
        var used = new HashSet<string>(StringComparer.Ordinal) { "meridian-academy" };
        _issuers.Add(new IssuerPlan("meridian-academy", $"{Org} Academy", "internal", "MEA", 0));
        string[] types = ["university", "professional-body", "training-provider", "industry-association", "vendor", "internal"];
        for (var i = 1; i < count; i++)
        {
            var type = types[(i - 1) % types.Length];
            var place = rng.Pick(Places);
            var field = rng.Pick(Fields);
            var name = type switch
            {
                "university" => rng.Chance(0.5) ? $"{place} Institute of Technology" : $"University of {place}, School of Professional Studies",
                "professional-body" => rng.Chance(0.5) ? $"{place} Software Quality Council" : $"Institute of {field} Professionals",
                "training-provider" => rng.Chance(0.5) ? $"{place} {field} Training" : $"{place} Learning Labs",
                "industry-association" => $"{field} Practitioners Association of {place}",
                "vendor" => $"{place} {field} Systems",
                _ => $"{Org} {rng.Pick(InternalUnits)}",
            };
            var (unique, id) = Text.Unique(name, used);
            _issuers.Add(new IssuerPlan(id, unique, type, Text.Code(unique, 4), rng.Pick([0, 1, 1, 2])));
        }
    }

    private void PlanBadges()
    {
        var rng = Rng(PlanStream, 3);
        var n = _badgeCount;

        // Tiers: about 30% baseline, 55% capability, 15% distinction, in shuffled order.
        var baseline = (int)Math.Round(n * 0.30);
        var distinction = (int)Math.Round(n * 0.15);
        if (n >= 3) { baseline = Math.Max(1, baseline); distinction = Math.Max(1, distinction); }
        var tiers = new string[n];
        for (var i = 0; i < n; i++) tiers[i] = i < baseline ? "baseline" : i < baseline + distinction ? "distinction" : "capability";
        rng.Shuffle(tiers);

        // Statuses: ~1% draft, ~1% retired, ~5% pilot, the rest active.
        var statuses = Enumerable.Repeat("active", n).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var drafts = n >= 10 ? Math.Max(1, (int)Math.Round(n * 0.01)) : 0;
        var retired = n >= 10 ? Math.Max(1, (int)Math.Round(n * 0.01)) : 0;
        var pilots = n >= 5 ? Math.Max(1, (int)Math.Round(n * 0.05)) : 0;
        var at = 0;
        for (var i = 0; i < drafts; i++) statuses[order[at++]] = "draft";
        for (var i = 0; i < retired; i++) statuses[order[at++]] = "retired";
        for (var i = 0; i < pilots; i++) statuses[order[at++]] = "pilot";

        // Every competency is the primary competency of some badge (when there are enough badges).
        var primaries = _comps.ToArray();
        rng.Shuffle(primaries);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var otherIssuers = Math.Max(1, _issuers.Count - 1);
        for (var i = 0; i < n; i++)
        {
            var primary = primaries[i % primaries.Length];
            var tier = tiers[i];
            var b = new BadgePlan { Index = i, Tier = tier, Status = statuses[i], Cluster = primary.Cluster };
            // Try the tier's suffixes in random order before numbering a name.
            var suffixes = (tier switch { "baseline" => BaselineSuffixes, "capability" => CapabilitySuffixes, _ => DistinctionSuffixes }).ToArray();
            rng.Shuffle(suffixes);
            var suffix = suffixes.FirstOrDefault(x => !used.Contains(Text.Slug($"{primary.Name} {x}"))) ?? suffixes[0];
            (b.Name, b.Id) = Text.Unique($"{primary.Name} {suffix}", used);
            var level = tier switch { "baseline" => rng.Range(0, 1), "capability" => rng.Range(1, 2), _ => rng.Range(2, 3) };
            b.Comps.Add((primary, level));
            var extra = rng.Weighted([3, 5, 2]);
            for (var e = 0; e < extra; e++)
            {
                var other = rng.Chance(0.6) ? SameCluster(rng, primary.Cluster) : rng.Pick(_comps);
                if (b.Comps.All(c => c.Comp.Id != other.Id)) b.Comps.Add((other, Math.Max(0, level - rng.Range(0, 1))));
            }
            b.Issuer = rng.Chance(0.4) || _issuers.Count == 1 ? _issuers[0] : _issuers[1 + rng.Next(otherIssuers)];
            b.HumanCode = $"{b.Issuer.Code}-{_clusters[b.Cluster].Code}-{(tier == "baseline" ? 1 : tier == "capability" ? 2 : 3)}-{i + 1:0000}";
            var impacts = _clusters[b.Cluster].Impact.ToList();
            if (rng.Chance(0.5)) impacts.Add(rng.Pick(Model.Vocabulary.ImpactAreas));
            b.Impact = rng.Sample(impacts.Distinct().ToList(), rng.Range(1, 3)).ToArray();
            b.Versions = Versions(rng, b.Status);
            b.Scheme = rng.Next(LevelSchemes.Length);
            b.RequiredLevel = tier == "baseline" && rng.Chance(0.4) ? 1 : 2;
            var criteria = Criteria.ToList();
            b.Criteria = rng.Sample(criteria, rng.Range(3, 5));
            rng.Shuffle(b.Criteria);
            // Some criteria ask for one level less, never for the lowest level.
            b.CriterionRequired = b.Criteria.Select(_ => b.RequiredLevel >= 2 && rng.Chance(0.2) ? b.RequiredLevel - 1 : b.RequiredLevel).ToArray();
            b.ValidFor = tier switch
            {
                "baseline" => rng.Pick<string?>(["P3Y", "P3Y", "P2Y", null]),
                "capability" => rng.Pick<string?>(["P2Y", "P2Y", "P3Y", "P1Y"]),
                _ => rng.Pick<string?>(["P3Y", "P2Y", "P2Y", null]),
            };
            if (b.Status == "pilot") b.ValidFor = "P1Y";
            _badges.Add(b);
        }
        LinkBadges(rng);
    }

    /// <summary>A competency of the cluster (competencies are stored cluster by cluster, each cluster a run).</summary>
    private Comp SameCluster(SampleRng rng, int cluster) => _comps[rng.Range(_clusterRuns[cluster].First, _clusterRuns[cluster].Last)];

    private static readonly DateOnly Epoch = new(2021, 1, 1);

    private static List<(string, DateOnly)> Versions(SampleRng rng, string status)
    {
        var list = new List<(string, DateOnly)>();
        switch (status)
        {
            case "draft":
            {
                var d = new DateOnly(2026, 6, 1).AddDays(rng.Range(0, 120));
                if (rng.Chance(0.5)) list.Add(("0.2.0", d.AddDays(rng.Range(10, 20))));
                list.Add(("0.1.0", d));
                break;
            }
            case "pilot":
            {
                var d = new DateOnly(2025, 11, 1).AddDays(rng.Range(0, 240));
                if (rng.Chance(0.5)) list.Add(("0.9.0", d.AddDays(rng.Range(40, 90))));
                list.Add((list.Count == 0 ? "0.9.0" : "0.5.0", d));
                break;
            }
            default:
            {
                var end = status == "retired" ? new DateOnly(2025, 10, 1) : new DateOnly(2026, 9, 30);
                var d = Epoch.AddDays(rng.Range(0, status == "retired" ? 900 : 1800));
                int major = 1, minor = 0;
                var entries = rng.Range(1, 4);
                var ascending = new List<(string, DateOnly)> { ("1.0.0", d) };
                for (var e = 1; e < entries; e++)
                {
                    d = d.AddDays(rng.Range(90, 420));
                    if (d > end) break;
                    if (rng.Chance(0.4)) { major++; minor = 0; } else minor++;
                    ascending.Add(($"{major}.{minor}.0", d));
                }
                ascending.Reverse();
                list.AddRange(ascending);
                break;
            }
        }
        return list;
    }

    /// <summary>Prerequisites and stacksInto, sparse and acyclic (see the class remarks).</summary>
    private void LinkBadges(SampleRng rng)
    {
        var k = _clusters.Count;
        // Referable badges seen so far, per cluster and tier (0 baseline, 1 capability, 2 distinction).
        var seen = new List<int>[k, 3];
        // Referable distinction badges per cluster, in index order, for stacksInto.
        var distinctions = new List<int>[k];
        var anyDistinction = new List<int>();
        for (var c = 0; c < k; c++)
        {
            for (var t = 0; t < 3; t++) seen[c, t] = [];
            distinctions[c] = [];
        }
        foreach (var b in _badges)
        {
            if (b.Tier != "distinction" || !b.Referable) continue;
            distinctions[b.Cluster].Add(b.Index);
            anyDistinction.Add(b.Index);
        }

        foreach (var b in _badges)
        {
            var tier = TierIndex(b.Tier);
            var (chance, max) = tier switch { 0 => (0.15, 1), 1 => (0.55, 2), _ => (0.5, 2) };
            if (rng.Chance(chance))
            {
                var candidates = new List<int>();
                candidates.AddRange(Recent(seen[b.Cluster, 0]));
                if (tier >= 1) candidates.AddRange(Recent(seen[b.Cluster, tier]));
                if (candidates.Count > 0)
                    b.Prerequisites = rng.Sample(candidates.Distinct().ToList(), rng.Range(1, max)).OrderBy(i => i).ToList();
            }
            if (tier == 1 && rng.Chance(0.35))
            {
                // The next distinction badges of the same cluster, else of any cluster.
                var next = After(distinctions[b.Cluster], b.Index);
                if (next.Count == 0) next = After(anyDistinction, b.Index);
                if (next.Count > 0) b.StacksInto = rng.Sample(next, rng.Chance(0.15) ? 2 : 1);
            }
            if (b.Referable) seen[b.Cluster, tier].Add(b.Index);
        }
    }

    /// <summary>The first few items of a sorted list that are greater than <paramref name="index"/>.</summary>
    private static List<int> After(List<int> sorted, int index)
    {
        var from = sorted.BinarySearch(index + 1);
        if (from < 0) from = ~from;
        return sorted.Skip(from).Take(6).ToList();
    }

    /// <summary>The last few items: prerequisites point to nearby, recently added badges.</summary>
    private static IEnumerable<int> Recent(List<int> list) => list.Skip(Math.Max(0, list.Count - 12));

    private static int TierIndex(string tier) => tier switch { "baseline" => 0, "capability" => 1, _ => 2 };

    private bool InCluster(BadgePlan b, int cluster) => b.Comps.Any(c => c.Comp.Cluster == cluster);
}
