using System.Text;
using static CredentialSite.Sample.SampleWords;

namespace CredentialSite.Sample;

/// <summary>
/// Writes a synthetic, realistic source folder of any size (the <c>sample</c> command): site.yml, issuers,
/// one competency framework, badges, career ladders, opt-in portfolios and an about page. The same
/// arguments give byte-identical files: all randomness comes from <see cref="SampleRng"/> streams derived
/// from the seed, and nothing is iterated in hash order.
/// </summary>
/// <remarks>
/// Links between badges cannot form cycles, alone or together: prerequisites point to lower-index badges
/// (baseline to baseline; capability to baseline or capability; distinction to baseline or distinction),
/// and only capability badges stack into distinction badges of a higher index. A cycle would need a path
/// from a distinction badge back to a capability badge, and prerequisites of distinction and baseline
/// badges never lead to one. References (prerequisites, stacksInto, roles, portfolios) only name badges
/// that are published and not retired, except that portfolios may hold retired badges.
/// </remarks>
public static class GenerateSample
{
    /// <summary>Writes the folder; returns the number of files written. The folder may exist but should be empty.</summary>
    public static int Write(string outDir, int badges, int portfolios, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(badges, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(portfolios);
        var catalog = new SampleCatalog(badges, portfolios, seed);
        catalog.Plan();
        return catalog.WriteFiles(outDir);
    }
}

/// <summary>The planned catalog: everything that files refer to across each other, decided before any file is written.</summary>
internal sealed class SampleCatalog
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);
    public static readonly DateOnly PromotionWindow = new(2027, 3, 31);
    private const string Org = "Meridian Engineering";
    private const string Domain = "meridian.example";
    private static readonly string[] FrameworkLevels = ["awareness", "developing", "proficient", "expert"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Stream kinds for SampleRng: one for each planning step, one per written entity.
    private const int PlanStream = 1, IssuerText = 2, CompetencyText = 3, BadgeText = 4, PortfolioPlan = 5, PortfolioText = 6;

    private readonly int _badgeCount, _portfolioCount;
    private readonly ulong _seed;

    private readonly List<ClusterInfo> _clusters = [];
    private readonly List<Comp> _comps = [];
    private readonly List<(int First, int Last)> _clusterRuns = [];
    private readonly List<IssuerPlan> _issuers = [];
    private readonly List<BadgePlan> _badges = [];
    private readonly List<LadderPlan> _ladders = [];
    private readonly List<PortfolioPlanItem> _portfolios = [];

    public SampleCatalog(int badges, int portfolios, ulong seed)
    {
        _badgeCount = badges;
        _portfolioCount = portfolios;
        _seed = seed;
    }

    private SampleRng Rng(int kind, int index) => new(_seed, SampleRng.Stream(kind, index));

    // ---------------------------------------------------------------- plan

    public void Plan()
    {
        PlanCompetencies();
        PlanIssuers();
        PlanBadges();
        PlanLadders();
        PlanPortfolios();
    }

    private sealed record Comp(int Index, string Id, string Name, string Topic, int Cluster, string[] Behaviors, string? SfiaCode);

    private sealed record IssuerPlan(string Id, string Name, string Type, string Code, int Quality);

    private sealed class BadgePlan
    {
        public int Index;
        public string Id = "", Name = "", Tier = "", Status = "", HumanCode = "";
        public int Cluster;
        public List<(Comp Comp, int Level)> Comps = [];
        public IssuerPlan Issuer = null!;
        public string[] Impact = [];
        /// <summary>Newest first, like governance.changelog.</summary>
        public List<(string Version, DateOnly Date)> Versions = [];
        public int Scheme, RequiredLevel;
        public List<CriterionInfo> Criteria = [];
        public int[] CriterionRequired = [];
        public string? ValidFor;
        public List<int> Prerequisites = [], StacksInto = [];

        public bool Referable => Status is "active" or "pilot";
        public bool Earnable => Status != "draft";
        public string Version => Versions[0].Version;
    }

    private sealed record RulePlan(List<int> All, int AtLeast, string? Tier, string? Cluster, string? Impact, List<int> Of, List<int> Witnesses);

    private sealed record PackagePlan(string Name, List<RulePlan> Rules);

    private sealed class RolePlan
    {
        public string Id = "", Name = "";
        public int Level;
        public List<(Comp Comp, int Level)> Competencies = [];
        public List<int> Required = [], Optional = [];
        public List<string> From = [];
        public List<PackagePlan> Packages = [];
    }

    private sealed class LadderPlan
    {
        public string Id = "", Name = "", Area = "";
        public List<int> Clusters = [];
        public List<RolePlan> Roles = [];
        /// <summary>Published, non-retired badges with a competency in one of the ladder's clusters.</summary>
        public List<int> Pool = [];
    }

    private sealed record PortfolioPlanItem(int Index, string Id, string Name, string First, int Ladder, int Level, List<int> Held, List<int> Missing);

    private static readonly (string Id, string Name, string Area, string[] Clusters, (string Id, string Name)[] Roles)[] LadderTemplates =
    [
        ("software-engineering", "Software Engineering", "software products", ["Technical Craft", "Systems & Architecture", "Delivery & Operations"],
            [("software-engineer-1", "Software Engineer I"), ("software-engineer-2", "Software Engineer II"),
             ("senior-software-engineer", "Senior Software Engineer"), ("staff-engineer", "Staff Engineer")]),
        ("technology-consulting", "Technology Consulting", "client engagements", ["Client & Business", "Communication", "Technical Craft"],
            [("associate-consultant", "Associate Consultant"), ("consultant", "Consultant"),
             ("senior-consultant", "Senior Consultant"), ("principal-consultant", "Principal Consultant")]),
        ("site-reliability", "Site Reliability Engineering", "production reliability", ["Delivery & Operations", "Systems & Architecture", "Security & Compliance"],
            [("reliability-engineer-1", "Reliability Engineer I"), ("reliability-engineer-2", "Reliability Engineer II"),
             ("senior-reliability-engineer", "Senior Reliability Engineer"), ("principal-reliability-engineer", "Principal Reliability Engineer")]),
        ("data-engineering", "Data Engineering", "data platforms", ["Data & Analytics", "Systems & Architecture", "Communication"],
            [("data-engineer-1", "Data Engineer I"), ("data-engineer-2", "Data Engineer II"),
             ("senior-data-engineer", "Senior Data Engineer"), ("staff-data-engineer", "Staff Data Engineer")]),
    ];

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

    // ---------------------------------------------------------------- write

    private string _root = "";
    private int _written;
    private readonly HashSet<string> _dirs = new(StringComparer.Ordinal);

    public int WriteFiles(string outDir)
    {
        _root = Path.GetFullPath(outDir);
        Save("site.yml", SiteYaml());
        foreach (var issuer in _issuers) Save($"catalog/issuers/{issuer.Id}.yml", IssuerYaml(issuer));
        Save("catalog/competencies/engineering.yml", FrameworkYaml());
        foreach (var b in _badges) Save($"catalog/badges/{b.Id}.yml", BadgeYaml(b));
        foreach (var ladder in _ladders) Save($"catalog/roles/{ladder.Id}.yml", LadderYaml(ladder));
        foreach (var p in _portfolios) Save($"input/portfolios/{p.Id}/portfolio.yml", PortfolioYaml(p));
        Save("input/pages/about.md", AboutPage());
        return _written;
    }

    private void Save(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        var dir = Path.GetDirectoryName(path)!;
        if (_dirs.Add(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, content, Utf8);
        _written++;
    }

    private string SiteYaml()
    {
        var y = new SampleYaml();
        y.Text("title", $"{Org} Credentials");
        y.Text("description", $"Micro-credentials that make skills visible and connect them to roles and promotion at {Org}. "
            + $"A synthetic catalog of {Text.Count(_badgeCount, "badge")} (seed {_seed}).");
        y.Raw("baseUrl", "https://example.github.io/catalog/");
        y.Raw("language", "en");
        y.Open("organization");
        y.Text("name", Org);
        y.Raw("url", $"https://{Domain}");
        y.Close();
        y.Date("asOf", AsOf);
        y.Date("promotionWindow", PromotionWindow);
        return y.ToString();
    }

    private static readonly string[] VettingAnswers = ["yes", "partial", "no"];
    private static readonly int[][] VettingOdds = [[80, 15, 5], [50, 35, 15], [20, 35, 45]];

    private string IssuerYaml(IssuerPlan issuer)
    {
        var rng = Rng(IssuerText, _issuers.IndexOf(issuer));
        var y = new SampleYaml();
        var host = issuer.Type == "internal" ? $"{Text.Slug(issuer.Name.Replace(Org, "", StringComparison.Ordinal))}.{Domain}" : $"{issuer.Id}.example";
        y.Text("name", issuer.Name);
        y.Raw("type", issuer.Type);
        y.Raw("url", $"https://{host}");
        y.Raw("email", $"credentials@{host}");
        var kind = issuer.Type switch
        {
            "internal" => $"an internal school of {Org}",
            "university" => "a university that runs short professional programs",
            "professional-body" => "a professional body that sets practice standards",
            "training-provider" => "a training provider with instructor-led cohorts",
            "industry-association" => "an industry association run by practitioners",
            _ => "a technology vendor that certifies practitioners on its platform",
        };
        var badges = _badges.Count(b => b.Issuer == issuer);
        y.Text("description",
            $"{Text.UpperFirst(Text.The(issuer.Name))} is {kind}. It designs and assesses {Text.Count(badges, "badge")} in this catalog.\n\n"
            + (issuer.Quality == 0
                ? "- Every rubric is published before a cohort opens.\n- Assessors calibrate against anchor samples each quarter.\n- Credentials are issued as signed Open Badges 3.0 files.\n"
                : issuer.Quality == 1
                    ? "- Rubrics are shared with candidates on request.\n- Most assessments are graded by one trained assessor.\n"
                    : "- Assessment is mostly by attendance and a short quiz.\n- The **Credential Governance Council** reviews its badges every year.\n"));
        y.Open("vetting");
        y.Date("reviewed", new DateOnly(2025, 9, 1).AddDays(rng.Range(0, 360)));
        y.Text("reviewedBy", "Credential Governance Council");
        foreach (var (check, _) in Model.Vocabulary.VettingChecks)
        {
            if (issuer.Quality != 0 && rng.Chance(0.1)) continue; // not reviewed
            y.Raw(check, VettingAnswers[rng.Weighted(VettingOdds[issuer.Quality])]);
        }
        y.Text("notes", issuer.Quality switch
        {
            0 => "Strong on rubrics and calibration. Employer references are collected for distinction badges only.\n",
            1 => "Assessor calibration is **partial**: the provider plans quarterly calibration sessions from next year.\n",
            _ => "Accepted for baseline badges only until the provider publishes its rubrics.\n",
        });
        y.Close();
        if (rng.Chance(0.4))
        {
            y.OpenList("endorsements");
            y.Item();
            var place = rng.Pick(Places);
            y.Text("name", $"{place} Software Quality Council");
            y.Raw("url", $"https://{Text.Slug(place)}-sqc.example");
            y.Date("date", new DateOnly(2025, 1, 15).AddDays(rng.Range(0, 500)));
            y.Text("comment", $"Reviewed the assessment design and assessor calibration of {Text.The(issuer.Name)} and found them consistent with its practice guide.");
            y.Close();
        }
        return y.ToString();
    }

    private string FrameworkYaml()
    {
        var rng = Rng(CompetencyText, 0);
        var y = new SampleYaml();
        y.Text("name", $"{Org} Competency Model");
        y.Text("version", "2026.1");
        y.Raw("url", $"https://handbook.{Domain}/competency-model");
        y.Text("description",
            $"The competencies {Org} expects of its people, grouped in {Text.Count(_clusters.Count, "cluster")}. "
            + "Each competency is described at four levels:\n\n"
            + "| Level | What it looks like |\n| --- | --- |\n"
            + "| **Awareness** | Knows the concepts and vocabulary; applies them with guidance. |\n"
            + "| **Developing** | Applies the competency independently on routine work. |\n"
            + "| **Proficient** | Applies it on complex work and helps teammates do the same. |\n"
            + "| **Expert** | Shapes how the organization practices it; recognised as a reference. |\n");
        y.Flow("levels", FrameworkLevels);
        y.OpenList("competencies");
        var cluster = -1;
        foreach (var c in _comps)
        {
            if (c.Cluster != cluster)
            {
                cluster = c.Cluster;
                y.Comment($"--- {_clusters[cluster].Name} ---", outdent: 2);
            }
            y.Item();
            y.Raw("id", c.Id);
            y.Text("name", c.Name);
            y.Text("cluster", _clusters[c.Cluster].Name);
            y.Text("description", $"Practising {c.Topic} so that the team {_clusters[c.Cluster].Outcome}.");
            y.OpenList("behaviors");
            foreach (var behavior in c.Behaviors) y.ListText(behavior);
            y.Close();
            if (c.SfiaCode is not null || rng.Chance(0.3))
            {
                y.OpenList("alignments");
                if (c.SfiaCode is not null)
                    y.FlowItem(("framework", "SFIA 9"), ("name", SampleYaml.Q(c.Name)), ("code", c.SfiaCode), ("url", $"https://skills.example.org/sfia-9/{c.Id}"));
                var (code, name) = rng.Pick(_clusters[c.Cluster].Occupations);
                y.FlowItem(("framework", "O*NET"), ("name", SampleYaml.Q(name)), ("code", code), ("url", OnetUrl(code)));
                y.Close();
            }
        }
        y.Close();
        return y.ToString();
    }

    private static string OnetUrl(string code) => $"https://www.onetonline.org/link/summary/{code}";

    private sealed record MethodInfo(string Id, string Name, (string Iso, string Words)[] Durations, double Proctored, string Description, string EvidenceType, string Evidence);

    private static readonly MethodInfo[] Methods =
    [
        new("proctored-performance-task", "Proctored task", [("PT2H", "2 hours"), ("PT3H", "3 hours"), ("PT4H", "4 hours")], 1.0,
            "A hands-on {t} task on an unseen brief, taken in a proctored online session.", "work-sample", "The output of the proctored task."),
        new("scenario-simulation", "Scenario simulation", [("PT90M", "90 minutes"), ("PT2H", "2 hours")], 0.5,
            "A simulated {t} scenario that unfolds over time; the candidate responds as they would at work.", "simulation-record", "The recording and log of the simulation."),
        new("capstone-project", "Capstone project", [("P6W", "6 weeks"), ("P8W", "8 weeks")], 0,
            "A {t} project on real work, planned with a mentor and delivered over several weeks.", "project-report", "A project report with links to the delivered work."),
        new("work-sample", "Work sample", [("PT1H", "1 hour"), ("PT2H", "2 hours")], 0,
            "Two pieces of recent {t} work, reviewed against the rubric.", "work-sample", "Two recent pieces of work, with context on the problem they solved."),
        new("portfolio-review", "Portfolio review", [("PT2H", "2 hours")], 0,
            "A review of a portfolio of {t} work from the last 18 months.", "portfolio", "A portfolio of three to five pieces of work with a short reflection on each."),
        new("oral-defense", "Oral defense", [("PT45M", "45 minutes"), ("PT1H", "1 hour")], 0,
            "A conversation with assessors about the candidate's {t} decisions and their trade-offs.", "defense-notes", "The assessors' notes from the defense."),
        new("supervisor-attestation", "Supervisor attestation", [("P3M", "3 months")], 0,
            "The candidate's manager observes {t} on real work over three months and attests against the rubric.", "manager-attestation", "A signed attestation from the candidate's manager."),
        new("peer-review", "Peer review", [("PT1H", "1 hour")], 0,
            "Two peers who hold the badge review the candidate's {t} work against the rubric.", "peer-review", "Both peers' rubric sheets."),
        new("knowledge-exam", "Knowledge exam", [("PT45M", "45 minutes"), ("PT1H", "1 hour"), ("PT90M", "90 minutes")], 0.7,
            "A multiple-choice and short-answer exam on {t} concepts.", "exam-result", "The exam score report."),
    ];

    private string BadgeYaml(BadgePlan b)
    {
        var rng = Rng(BadgeText, b.Index);
        var y = new SampleYaml();
        var primary = b.Comps[0].Comp;
        var cluster = _clusters[b.Cluster];
        var topic = primary.Topic;
        var levels = LevelSchemes[b.Scheme];
        var methodIds = b.Tier switch { "baseline" => BaselineMethods, "capability" => CapabilityMethods, _ => DistinctionMethods };
        var methods = rng.Sample(methodIds, rng.Weighted([3, 2]) + 1).Select(id => Methods.First(m => m.Id == id)).ToList();
        var durations = methods.Select(m => rng.Pick(m.Durations)).ToList();

        y.Text("name", b.Name);
        y.Text("summary", b.Tier switch
        {
            "baseline" => rng.Pick([$"Shows a working grasp of {topic} on routine tasks.", $"The shared foundation in {topic} that every team member needs."]),
            "capability" => rng.Pick([$"Applies {topic} independently on real work and explains the trade-offs.", $"Delivers {topic} outcomes on complex work without supervision."]),
            _ => rng.Pick([$"Leads {topic} across teams and sets the standard others follow.", $"Recognised expertise in {topic}, shown through sustained impact across the organization."]),
        });
        var tierPhrase = b.Tier switch
        {
            "baseline" => "the shared foundation everyone needs",
            "capability" => "independent, reliable capability",
            _ => "expertise that shapes how others work",
        };
        var statusText = b.Status switch
        {
            "pilot" => $"This badge is in **pilot**: the first cohorts are assessed on version {b.Version} and the rubric may still change.",
            "retired" => $"**Retired** in {Text.Month(b.Versions[0].Date.AddDays(120))}: no new assessments. Holders keep the credential until it expires.",
            "draft" => "**Draft**: the design team is still writing the rubric; it is not yet open for assessment.",
            _ => b.Versions.Count == 1
                ? $"First published in {Text.Month(b.Versions[0].Date)}."
                : $"The rubric was last revised in {Text.Month(b.Versions[0].Date)}; see the changelog below.",
        };
        var sb = new StringBuilder();
        sb.Append($"The **{b.Name}** badge recognises {tierPhrase} in {topic}: someone who {cluster.Outcome}. ")
          .Append($"It is issued by {Text.The(b.Issuer.Name)} and owned by the {cluster.Owner}.\n\n")
          .Append(statusText).Append("\n\nA holder:\n\n");
        foreach (var behavior in primary.Behaviors) sb.Append("- ").Append(behavior).Append('\n');
        y.Text("description", sb.ToString());
        y.Raw("status", b.Status);
        y.Raw("version", b.Version);
        y.Raw("tier", b.Tier);
        y.Raw("achievementType", rng.Pick(b.Tier switch { "baseline" => BaselineTypes, "capability" => CapabilityTypes, _ => DistinctionTypes }));
        y.Raw("issuer", b.Issuer.Id);
        y.Text("humanCode", b.HumanCode);
        var tags = primary.Id.Split('-').Where(w => w.Length > 3 && w != "and" && w != "with").Take(2).ToList();
        tags.Add(Text.Slug(cluster.Name));
        if (b.Comps.Count > 1) tags.Add(b.Comps[1].Comp.Id);
        y.Flow("tags", tags.Distinct());
        y.Flow("impact", b.Impact);

        y.OpenList("competencies");
        foreach (var (comp, level) in b.Comps)
        {
            y.Item();
            y.Raw("competency", comp.Id);
            y.Raw("level", FrameworkLevels[level]);
            y.OpenList("behaviors");
            foreach (var behavior in comp == primary ? comp.Behaviors : comp.Behaviors.Take(1)) y.ListText(behavior);
            y.Close();
        }
        y.Close();

        sb.Clear().Append("To earn this badge, a candidate completes:\n\n");
        for (var m = 0; m < methods.Count; m++)
            sb.Append($"{m + 1}. **{methods[m].Name}** ({durations[m].Words}): {methods[m].Description.Replace("{t}", topic)}\n");
        sb.Append($"\nEvery rubric criterion must reach **{levels[b.RequiredLevel].Name}**");
        sb.Append(b.CriterionRequired.Any(r => r != b.RequiredLevel) ? ", except where a criterion names its own required level.\n" : ".\n");
        y.Text("criteria", sb.ToString());

        y.Open("rubric");
        y.OpenList("levels");
        for (var l = 0; l < levels.Length; l++)
            y.FlowItem(("id", levels[l].Id), ("name", SampleYaml.Q(levels[l].Name)), ("points", (l + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        y.Close();
        y.Raw("requiredLevel", levels[b.RequiredLevel].Id);
        y.OpenList("criteria");
        var weights = Weights(rng, b.Criteria.Count);
        var descriptors = DescriptorSets[rng.Next(DescriptorSets.Length)];
        for (var c = 0; c < b.Criteria.Count; c++)
        {
            var criterion = b.Criteria[c];
            var aspect = criterion.Aspect.Replace("{t}", topic);
            y.Item();
            y.Raw("id", criterion.Id);
            y.Text("name", criterion.Name);
            y.Number("weight", weights[c]);
            if (b.CriterionRequired[c] != b.RequiredLevel) y.Raw("requiredLevel", levels[b.CriterionRequired[c]].Id);
            y.Open("levels");
            for (var l = 0; l < levels.Length; l++)
                y.Text(levels[l].Id, descriptors[l].Replace("{A}", aspect).Replace("{a}", Text.LowerFirst(aspect)));
            y.Close();
        }
        y.Close();
        y.Close();

        y.OpenList("assessment");
        for (var m = 0; m < methods.Count; m++)
        {
            var method = methods[m];
            y.Item();
            y.Raw("method", method.Id);
            var assessors = method.Id == "knowledge-exam" ? 1 : method.Id == "supervisor-attestation" ? 1 : rng.Range(1, b.Tier == "distinction" ? 3 : 2);
            var calibrated = method.Id != "supervisor-attestation" && rng.Chance(b.Issuer.Quality == 2 ? 0.3 : 0.75);
            y.Text("description", method.Description.Replace("{t}", topic)
                + (assessors > 1 ? $" {Text.Count(assessors, "assessor")} grade it independently." : " One trained assessor grades it."));
            y.Bool("proctored", rng.Chance(method.Proctored));
            y.Bool("calibrated", calibrated);
            y.Number("assessors", assessors);
            y.Raw("duration", durations[m].Iso);
            if (rng.Chance(0.3)) y.Raw("example", $"https://academy.{Domain}/samples/{b.Id}/{method.Id}");
        }
        y.Close();

        y.OpenList("evidence");
        var evidenceTypes = new List<string>();
        foreach (var method in methods)
        {
            if (evidenceTypes.Contains(method.EvidenceType)) continue;
            evidenceTypes.Add(method.EvidenceType);
            y.Item();
            y.Raw("type", method.EvidenceType);
            y.Text("description", method.Evidence);
        }
        if (b.Tier != "baseline" && rng.Chance(0.5))
        {
            y.Item();
            y.Raw("type", "before-after-metric");
            y.Text("description", $"A metric that the candidate's {topic} work moved, with its value before and after and who confirmed it.");
        }
        if (!evidenceTypes.Contains("manager-attestation") && rng.Chance(0.4))
        {
            y.Item();
            y.Raw("type", "manager-attestation");
            y.Text("description", "A short statement from the candidate's manager about the context of the work.");
        }
        y.Close();

        y.Open("renewal");
        if (b.ValidFor is null)
        {
            y.Raw("validFor", "never");
            y.Raw("method", "none");
            y.Text("requirements", $"This badge does not expire: {topic} at this level does not go out of date quickly.\n");
        }
        else
        {
            var renewal = rng.Pick(Model.Vocabulary.RenewalMethods.Take(3).ToList());
            y.Raw("validFor", b.ValidFor);
            y.Raw("gracePeriod", rng.Pick(["P30D", "P60D", "P90D"]));
            y.Raw("method", renewal);
            y.Text("requirements", renewal switch
            {
                "reassessment" => "Take the current version of the assessment again before the badge expires.\n",
                "evidence-resubmission" => $"Submit one piece of {topic} work from the validity period, with a short reflection. "
                    + "One assessor reviews it; if it falls short, the holder takes the full reassessment.\n",
                _ => $"Log at least 16 hours of {topic} learning (courses, conference talks, guild sessions) during the validity period.\n",
            });
        }
        y.Close();

        y.Flow("prerequisites", b.Prerequisites.Select(i => _badges[i].Id));
        y.Flow("stacksInto", b.StacksInto.Select(i => _badges[i].Id));

        var (onetCode, onetName) = rng.Pick(cluster.Occupations);
        y.OpenList("alignments");
        if (primary.SfiaCode is not null)
        {
            y.Item();
            y.Text("targetName", primary.Name);
            y.Raw("targetUrl", $"https://skills.example.org/sfia-9/{primary.Id}");
            y.Text("targetFramework", "SFIA 9");
            y.Raw("targetCode", primary.SfiaCode);
            y.Raw("targetType", "ceasn:Competency");
        }
        y.Item();
        y.Text("targetName", onetName);
        y.Raw("targetUrl", OnetUrl(onetCode));
        y.Text("targetFramework", "O*NET");
        y.Text("targetCode", onetCode);
        y.Raw("targetType", "CTDL");
        y.Close();

        y.OpenList("occupations");
        foreach (var (code, name) in rng.Sample(cluster.Occupations, rng.Range(1, 2)))
            y.FlowItem(("framework", "O*NET-SOC"), ("code", SampleYaml.Q(code)), ("name", SampleYaml.Q(name)));
        y.Close();

        y.Open("governance");
        y.Text("owner", cluster.Owner);
        y.OpenList("approvals");
        foreach (var (step, by, date) in Approvals(b, cluster))
            y.FlowItem(("step", step), ("by", SampleYaml.Q(by)), ("date", SampleYaml.Format(date)));
        y.Close();
        y.Text("appeals", $"Appeal within 30 days to the Credential Governance Council (credentials@{Domain}). "
            + "The Council appoints two assessors who did not take part; their decision is final.\n");
        y.OpenList("changelog");
        for (var v = 0; v < b.Versions.Count; v++)
        {
            var (version, date) = b.Versions[v];
            y.Item();
            y.Raw("version", version);
            y.Date("date", date);
            y.Text("changes", v == b.Versions.Count - 1
                ? (b.Status is "draft" or "pilot" ? "First draft for the pilot cohort." : "First version.")
                : version.EndsWith(".0.0", StringComparison.Ordinal)
                    ? $"Reworked the **{rng.Pick(b.Criteria).Name}** criterion and added the {Text.LowerFirst(methods[0].Name)}."
                    : rng.Pick([$"Clarified the descriptors of {rng.Pick(b.Criteria).Name}.", "Added a sample task.", "Shortened the assessment after pilot feedback."]));
        }
        y.Close();
        y.Close();
        return y.ToString();
    }

    /// <summary>Criterion weights in steps of 5 that add up to 100.</summary>
    private static int[] Weights(SampleRng rng, int count)
    {
        var units = new int[count];
        for (var i = 0; i < 20; i++) units[i % count]++;
        for (var t = 0; t < count; t++)
        {
            int from = rng.Next(count), to = rng.Next(count);
            if (from != to && units[from] > 2) { units[from]--; units[to]++; }
        }
        return units.Select(u => u * 5).ToArray();
    }

    private static IEnumerable<(string, string, DateOnly)> Approvals(BadgePlan b, ClusterInfo cluster)
    {
        // The latest major release (or the first draft/pilot version) is what the flow approved.
        var d = b.Versions.FirstOrDefault(v => v.Version.EndsWith(".0.0", StringComparison.Ordinal) && v.Version != "0.0.0").Date;
        if (b.Status is "draft" or "pilot" || d == default) d = b.Versions[^1].Date;
        if (b.Status == "draft")
        {
            yield return ("design", "Academy design team", d.AddDays(-20));
            yield break;
        }
        if (b.Status == "pilot")
        {
            yield return ("design", "Academy design team", d.AddDays(-60));
            yield return ("sme-review", cluster.Owner, d.AddDays(-30));
            yield return ("pilot", "First pilot cohort", d);
            yield break;
        }
        yield return ("design", "Academy design team", d.AddDays(-84));
        yield return ("sme-review", cluster.Owner, d.AddDays(-56));
        yield return ("pilot", "Pilot cohort", d.AddDays(-35));
        yield return ("council-signoff", "Credential Governance Council", d.AddDays(-14));
        yield return ("hr-classification", "HR Total Rewards", d.AddDays(-7));
    }

    private string LadderYaml(LadderPlan ladder)
    {
        var y = new SampleYaml();
        y.Text("name", ladder.Name);
        var clusterNames = ladder.Clusters.Select(c => _clusters[c].Name).ToList();
        y.Text("description",
            $"The ladder for people who build and run {ladder.Area} at {Org}. Each role lists the competency profile expected "
            + "**in** the role, the badges held to be in it, and the promotion packages that show readiness to move **into** it.\n\n"
            + $"Most of its badges come from the {Text.List(clusterNames)} clusters. Packages are alternatives: meeting any one "
            + "of them is enough to be put forward to the promotion committee.\n");
        y.OpenList("roles");
        foreach (var role in ladder.Roles)
        {
            y.Item();
            y.Raw("id", role.Id);
            y.Text("name", role.Name);
            y.Number("level", role.Level);
            y.Text("summary", role.Level switch
            {
                1 => $"Delivers well-defined work on {ladder.Area} with guidance and learns the team's practices.",
                2 => $"Delivers work on {ladder.Area} end to end with little guidance and reviews others' work.",
                3 => $"Owns significant outcomes in {ladder.Area}, raises the bar for the team and mentors others.",
                _ => $"Sets direction for {ladder.Area} across several teams and grows senior people.",
            });
            y.OpenList("competencies");
            foreach (var (comp, level) in role.Competencies)
                y.FlowItem(("competency", comp.Id), ("level", FrameworkLevels[level]));
            y.Close();
            y.Open("badges");
            y.Flow("required", role.Required.Select(i => _badges[i].Id));
            y.Flow("optional", role.Optional.Select(i => _badges[i].Id));
            y.Close();
            if (role.Packages.Count > 0)
            {
                y.Open("promotion");
                y.Flow("from", role.From);
                y.OpenList("packages");
                foreach (var package in role.Packages)
                {
                    y.Item();
                    y.Text("name", package.Name);
                    y.OpenList("rules");
                    foreach (var rule in package.Rules)
                    {
                        y.Item();
                        if (rule.All.Count > 0)
                        {
                            y.Flow("all", rule.All.Select(i => _badges[i].Id));
                            continue;
                        }
                        y.Number("atLeast", rule.AtLeast);
                        if (rule.Tier is not null) y.Raw("tier", rule.Tier);
                        if (rule.Cluster is not null) y.Text("cluster", rule.Cluster);
                        if (rule.Impact is not null) y.Raw("impact", rule.Impact);
                        if (rule.Of.Count > 0) y.Flow("of", rule.Of.Select(i => _badges[i].Id));
                    }
                    y.Close();
                }
                y.Close();
                y.Close();
            }
        }
        y.Close();
        return y.ToString();
    }

    // Everyone consents to the first three (readiness needs profile and badges); each other section is drawn.
    private static readonly string[] Scopes = ["profile", "badges", "readiness", "evidence", "metrics", "reflections", "attestations", "plan"];
    private static readonly string[] PlanStatuses = ["not-started", "in-progress", "done", "blocked"];

    private string PortfolioYaml(PortfolioPlanItem p)
    {
        var rng = Rng(PortfolioText, p.Index);
        var y = new SampleYaml();
        var ladder = _ladders[p.Ladder];
        var current = ladder.Roles[p.Level - 1];
        var target = ladder.Roles[p.Level];
        var focus = p.Held.Count > 0 ? _badges[p.Held[^1]].Comps[0].Comp : target.Competencies[0].Comp;
        var email = $"{Text.Slug(p.Name).Replace('-', '.')}@{Domain}";

        y.Text("name", p.Name);
        y.Open("consent");
        var publish = rng.Chance(0.85);
        y.Bool("publish", publish);
        y.Date("date", new DateOnly(2026, 3, 1).AddDays(rng.Range(0, 200)));
        y.Flow("scope", Scopes.Where((s, i) => i < 3 || rng.Chance(0.75)));
        y.Close();
        y.Text("headline", $"{current.Name} focused on {focus.Topic}.");
        y.Raw("currentRole", current.Id);
        y.Raw("targetRole", target.Id);
        y.Open("private");
        y.Text("email", email);
        y.Text("employeeId", $"E-{10000 + p.Index}");
        y.Text("notes", rng.Pick([
            "Discussed the promotion timeline in the last one-to-one; revisit after the next review cycle.\n",
            "Prefers to be assessed in the spring cohort. Manager to confirm the assessment budget.\n",
            "Part-time until the end of the quarter; plan dates take that into account.\n",
        ]));
        y.Close();

        y.OpenList("badges");
        foreach (var i in p.Held)
        {
            var b = _badges[i];
            var levels = LevelSchemes[b.Scheme];
            var v = rng.Chance(0.7) || b.Versions.Count == 1 ? 0 : rng.Range(1, b.Versions.Count - 1);
            var (version, since) = b.Versions[v];
            var until = v == 0 ? AsOf.AddDays(-1) : b.Versions[v - 1].Date.AddDays(-1);
            var span = Math.Max(0, until.DayNumber - since.DayNumber - 7);
            var issued = since.AddDays(Math.Min(7, until.DayNumber - since.DayNumber) + rng.Next(span + 1));
            y.Item();
            y.Raw("badge", b.Id);
            y.Raw("version", version);
            y.Date("issued", issued);
            if (b.ValidFor is not null && rng.Chance(0.6)) y.Date("expires", Expiry(issued, b.ValidFor));
            y.Text("credentialId", $"{b.HumanCode}-{p.Index + 1:000000}"); // one person holds a badge once: unique
            y.Open("results");
            for (var c = 0; c < b.Criteria.Count; c++)
                y.Raw(b.Criteria[c].Id, levels[Math.Min(3, b.CriterionRequired[c] + rng.Weighted([50, 35, 15]))].Id);
            y.Close();
            y.OpenList("evidence");
            var topic = b.Comps[0].Comp.Topic;
            foreach (var kind in rng.Sample(["artifact", "metric", "quote", "attestation"], rng.Range(1, 3)))
            {
                y.Item();
                y.Raw("type", kind);
                switch (kind)
                {
                    case "artifact":
                    {
                        var project = rng.Pick(Projects);
                        y.Text("title", $"{rng.Pick(ArtifactKinds)} for the {project}");
                        y.Raw("url", $"https://git.{Domain}/{rng.Pick(Repos)}/pull/{rng.Range(100, 9999)}");
                        y.Open("context");
                        y.Text("challenge", $"The {project} was stuck: the team had no shared approach to {topic}.");
                        y.Text("action", $"{p.First} proposed a plan, paired with two teammates on the first steps and wrote down the approach.");
                        y.Text("result", "The work shipped on schedule and the approach is now the team's default.");
                        y.Close();
                        break;
                    }
                    case "metric":
                    {
                        var m = rng.Pick(Metrics);
                        var factor = 0.8 + rng.Next(41) / 100.0; // scale counts and durations, not ratings
                        y.Text("title", $"{Text.UpperFirst(m.Name)} on the {rng.Pick(Projects)}");
                        y.Open("metric");
                        y.Text("name", m.Name);
                        y.Text("unit", m.Unit);
                        y.Number("before", Round(m.Before * factor, m.Before));
                        y.Number("after", Round(m.After * factor, m.After));
                        y.Text("window", $"{issued.Year}-Q{(issued.Month - 1) / 3 + 1}");
                        y.Text("source", m.Source);
                        y.Text("confirmedBy", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        y.Close();
                        break;
                    }
                    case "quote":
                        y.Text("text", rng.Pick(Quotes).Replace("{n}", p.First));
                        y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        y.Text("role", rng.Pick(ManagerRoles));
                        break;
                    default:
                        y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
                        y.Text("role", rng.Pick(ManagerRoles));
                        y.Date("date", issued.AddDays(-rng.Range(3, 20)));
                        y.Flow("criteria", rng.Sample(b.Criteria, rng.Range(1, 2)).Select(c => c.Id));
                        y.Text("statement", $"I saw {p.First} apply {topic} on real work for several months. "
                            + $"The work met the rubric's **{levels[b.RequiredLevel].Name}** descriptors without my help.\n");
                        break;
                }
            }
            y.Close();
            if (rng.Chance(0.7))
                y.Text("reflection", $"Earning this badge made me slow down and compare alternatives before committing. "
                    + $"Next I want to apply {topic} on a larger system; see [my notes](https://wiki.{Domain}/people/{p.Id}).\n");
            y.Raw("visibility", rng.Chance(0.9) ? "public" : "hidden");
        }
        y.Close();

        if (rng.Chance(0.7))
        {
            y.Open("managerStatement");
            y.Text("by", $"{rng.Pick(FirstNames)} {rng.Pick(LastNames)}");
            y.Text("role", rng.Pick(ManagerRoles));
            y.Date("date", new DateOnly(2026, 8, 1).AddDays(rng.Range(0, 90)));
            y.Text("statement", $"{p.First} works at the level of a {target.Name} on most of their work. "
                + $"The remaining gap is consistency on larger {ladder.Area} work; the plan below addresses it.\n");
            y.Close();
        }

        y.OpenList("plan");
        var items = p.Missing.Take(2).Select(i => (Title: $"Earn the {_badges[i].Name} badge", Comp: _badges[i].Comps[0].Comp)).ToList();
        if (items.Count == 0 || rng.Chance(0.5))
            items.Add(($"Lead the retrospective of the {rng.Pick(Projects)}", target.Competencies[rng.Next(target.Competencies.Count)].Comp));
        foreach (var (title, comp) in items)
        {
            y.Item();
            y.Text("title", title);
            y.Date("due", AsOf.AddDays(rng.Range(14, 150)));
            y.Raw("status", title.StartsWith("Earn ", StringComparison.Ordinal) ? rng.Pick(["not-started", "in-progress", "blocked"]) : rng.Pick(PlanStatuses));
            y.Raw("competency", comp.Id);
        }
        y.Close();
        return y.ToString();
    }

    private static double Round(double value, double like) => like < 10 ? like : Math.Round(value);

    private static DateOnly Expiry(DateOnly issued, string validFor) => validFor switch
    {
        "P1Y" => issued.AddYears(1),
        "P2Y" => issued.AddYears(2),
        _ => issued.AddYears(3),
    };

    private string AboutPage()
    {
        var y = new SampleYaml();
        y.Verbatim("---\n");
        y.Text("title", "About this catalog");
        y.Text("description", $"What the {Org} credential program is, who it is for and how badges connect to roles and promotion.");
        y.Verbatim("---\n\n");
        var referable = _badges.Count(b => b.Referable);
        y.Verbatim(
            $"# About the {Org} credential program\n\n"
            + $"{Org} uses **badges** (micro-credentials) to make skills visible and to give promotion decisions a shared, "
            + "evidence-based language. Every badge says what it demonstrates, how it is assessed, who assesses it and how long it stays valid.\n\n"
            + "## What is in the catalog\n\n"
            + $"| | Count |\n| --- | --- |\n| Badges | {_badges.Count} |\n| Open for assessment | {referable} |\n"
            + $"| Issuers | {_issuers.Count} |\n| Competencies | {_comps.Count} |\n| Career ladders | {_ladders.Count} |\n\n"
            + "Badges come in three tiers:\n\n"
            + "- **Baseline** badges are the shared foundation of a role.\n"
            + "- **Capability** badges show independent, reliable practice on real work.\n"
            + "- **Distinction** badges recognise expertise that shapes how others work.\n\n"
            + "This catalog is synthetic: it was generated by `credentialsite sample` for testing and benchmarks. "
            + "Names of people and organizations are invented.\n");
        return y.ToString();
    }

    /// <summary>Text helpers: slugs, casing, short codes.</summary>
    private static class Text
    {
        public static string Slug(string s)
        {
            var sb = new StringBuilder(s.Length);
            var dash = false;
            foreach (var ch in s)
            {
                var c = Fold(char.ToLowerInvariant(ch));
                if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                {
                    if (dash && sb.Length > 0) sb.Append('-');
                    sb.Append(c);
                    dash = false;
                }
                else if (c is not ('\'' or '\u2019')) dash = true;
            }
            return sb.ToString();
        }

        private static char Fold(char c) => c switch
        {
            'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
            'é' or 'è' or 'ê' or 'ë' => 'e',
            'í' or 'ì' or 'î' or 'ï' => 'i',
            'ó' or 'ò' or 'ô' or 'ö' or 'õ' or 'ø' => 'o',
            'ú' or 'ù' or 'û' or 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            _ => c,
        };

        /// <summary>A name and its id, numbered ("X 2", "x-2") when the id is taken.</summary>
        public static (string Name, string Id) Unique(string name, HashSet<string> used)
        {
            var id = Slug(name);
            if (used.Add(id)) return (name, id);
            for (var n = 2; ; n++)
                if (used.Add($"{id}-{n}")) return ($"{name} {n}", $"{id}-{n}");
        }

        /// <summary>Lower-cases a title for use in a sentence, keeping acronyms ("API Design" → "API design").</summary>
        public static string Lower(string title) =>
            string.Join(' ', title.Split(' ').Select(w => w.Count(char.IsUpper) > 1 ? w : w.ToLowerInvariant()));

        public static string LowerFirst(string s) =>
            s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

        public static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

        /// <summary>
        /// An upper-case code of up to <paramref name="length"/> letters: initials, or a word's consonants;
        /// with <paramref name="pad"/>, initials are followed by the last word's consonants.
        /// </summary>
        public static string Code(string name, int length, bool pad = false)
        {
            var words = name.Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
            var consonants = string.Concat(words[^1][1..].Where(c => char.IsLetter(c) && !"aeiouAEIOU".Contains(c)));
            var code = words.Count > 1
                ? string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0])) + (pad ? consonants : "")
                : words[0][0] + consonants;
            code = new string(Slug(code).Replace("-", "").ToUpperInvariant().Take(length).ToArray());
            return code.Length >= 2 ? code : (code + "XX")[..2];
        }

        /// <summary>"the Institute of ...", "the University of ...", else the name as is.</summary>
        public static string The(string name) =>
            name.StartsWith("Institute ", StringComparison.Ordinal) || name.StartsWith("University ", StringComparison.Ordinal) ? "the " + name : name;

        public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

        public static string Month(DateOnly d) => d.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        public static string List(IReadOnlyList<string> items) =>
            items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
    }
}
