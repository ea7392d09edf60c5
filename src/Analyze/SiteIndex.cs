using CredentialSite.Model;

namespace CredentialSite.Analyze;

/// <summary>
/// Stage 3: every lookup and derived fact the pages need, computed once (never per page):
/// ids to records, scores, and the reverse links (badge to roles, competency to badges, ...).
/// </summary>
public sealed class SiteIndex
{
    public SiteIndex(Catalog catalog, BuildOptions options)
    {
        Catalog = catalog;
        Site = catalog.Site;
        AsOf = options.AsOf ?? catalog.Site.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        IncludeDrafts = options.Drafts;

        Issuers = catalog.Issuers.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        IssuersById = First(catalog.Issuers, i => i.Id);
        FrameworksById = First(catalog.Frameworks, f => f.Id);
        CompetenciesById = First(catalog.Frameworks.SelectMany(f => f.Competencies), c => c.Id);
        AllBadgesById = First(catalog.Badges, b => b.Id);
        Badges = catalog.Badges.Where(IsPublished).OrderBy(b => b.Name, StringComparer.Ordinal).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
        // Without drafts left out, the published badges are all of them.
        BadgesById = Badges.Count == AllBadgesById.Count ? AllBadgesById : Badges.ToDictionary(b => b.Id);
        Ladders = catalog.Ladders.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        RolesById = First(catalog.Ladders.SelectMany(l => l.Roles), r => r.Id);
        LaddersById = First(catalog.Ladders, l => l.Id);
        Pages = catalog.Pages.Where(p => !p.Draft || options.Drafts).OrderBy(p => p.Order).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();

        Vetting = catalog.Issuers.ToDictionary(i => i.Id, i => Scores.Vetting(i, Site));
        // Scored when asked for (kept per badge record, see RecordMemo): rendering one page ahead (serve) asks for a few.
        var site = Site;
        Rigor = new RecordMap<Badge, Score>(AllBadgesById, b => RigorMemo.Get(b, [site.RigorMethods], x => Scores.Rigor(x, site)));

        // Reverse links are made on first use: rendering one page ahead (serve) reads a few of them, a build all.
        var badges = Badges;
        var roles = catalog.Ladders.SelectMany(l => l.Roles).ToList();
        Lazy<IReadOnlyDictionary<string, IReadOnlyList<T>>> Later<T>(Func<IEnumerable<(string, T)>> pairs) where T : class =>
            new(() => Group(pairs()));
        _badgesByIssuer = Later(() => badges.Select(b => (b.Issuer, b)));
        _badgesByCompetency = Later(() => badges.SelectMany(b => b.Competencies.Select(c => (c.Competency, b))));
        _stackedFrom = Later(() => badges.SelectMany(b => b.StacksInto.Select(t => (t, b))));
        _unlockedBy = Later(() => badges.SelectMany(b => b.Prerequisites.Select(p => (p, b))));
        _rolesRequiring = Later(() => roles.SelectMany(r => r.RequiredBadges.Select(b => (b, r))));
        _rolesRecommending = Later(() => roles.SelectMany(r => r.OptionalBadges.Select(b => (b, r))));
        _rolesExpecting = Later(() => roles.SelectMany(r => r.Competencies.Select(c => (c.Competency, r))));
        _promotionsNaming = Later(() => roles.SelectMany(r => (r.Promotion?.Packages ?? [])
            .SelectMany(p => p.Rules.SelectMany(rule => rule.All.Concat(rule.Of))).Distinct().Select(b => (b, r))));
        _promotionsFrom = Later(() => roles.SelectMany(r => (r.Promotion?.From ?? []).Select(f => (f, r))));

        // Portfolios arrive here already filtered by Privacy.ApplyConsent: only consented people, only scoped sections.
        People = catalog.Portfolios.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var people = People;
        _holderCounts = new(() => people.SelectMany(p => p.Badges.Select(b => b.Badge).Distinct())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        // Computed once per rule (Lazy: parallel readers of a new rule wait for one computation), from the badges that can
        // match: a rule naming badges, a competency, a tier, a cluster or an impact reads only those, not the whole catalog.
        var all = catalog.Badges;
        var byCompetency = Later(() => all.SelectMany(b => b.Competencies.Select(c => (c.Competency, b))));
        var byTier = Later(() => all.Select(b => (b.Tier, b)));
        var byImpact = Later(() => all.SelectMany(b => b.Impact.Select(i => (i, b))));
        IEnumerable<Badge> Pool(PromotionRule r) =>
            r.IsAll ? r.All.Select(AllBadgesById.GetValueOrDefault).OfType<Badge>()
            : r.Of.Count > 0 ? r.Of.Select(AllBadgesById.GetValueOrDefault).OfType<Badge>()
            : r.Competency is { } c ? Get(byCompetency.Value, c)
            : r.Tier is { } t ? Get(byTier.Value, t)
            : r.Cluster is { } cluster ? CompetenciesById.Values.Where(c => c.Cluster == cluster).SelectMany(c => Get(byCompetency.Value, c.Id))
            : r.Impact is { } impact ? Get(byImpact.Value, impact)
            : all;
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<PromotionRule, Lazy<IReadOnlyList<string>>>(ReferenceEqualityComparer.Instance);
        var frameworks = catalog.Frameworks;
        // A rule accepts the same badges while its pool holds the same badge records and the frameworks are the same.
        AcceptedBy = rule => accepted.GetOrAdd(rule, r => new(() =>
        {
            var pool = Pool(r).ToArray();
            return AcceptedMemo.Get(r, [.. pool, .. frameworks], x => Analyze.Readiness.AcceptedBy(x, pool, CompetenciesById));
        })).Value;
        _readiness = new(() => people.Where(p => p.Consent.Allows("badges") && p.TargetRole is not null && RolesById.ContainsKey(p.TargetRole))
            .AsParallel().AsOrdered()
            .Select(p => (p.Id, Report: Analyze.Readiness.Evaluate(p.Badges, RolesById[p.TargetRole!], AllBadgesById, CompetenciesById,
                AsOf, Site.PromotionWindow, null, AcceptedBy)))
            .ToDictionary(x => x.Id, x => x.Report, StringComparer.Ordinal));
    }

    private static readonly RecordMemo<Badge, Score> RigorMemo = new();
    private static readonly RecordMemo<PromotionRule, IReadOnlyList<string>> AcceptedMemo = new();

    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Badge>>> _badgesByIssuer, _badgesByCompetency, _stackedFrom, _unlockedBy;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Role>>> _rolesRequiring, _rolesRecommending, _rolesExpecting,
        _promotionsNaming, _promotionsFrom;
    private readonly Lazy<Dictionary<string, int>> _holderCounts;
    private readonly Lazy<Dictionary<string, ReadinessReport>> _readiness;

    /// <summary>Published people only (consented), with only their consented sections.</summary>
    public IReadOnlyList<Portfolio> People { get; }
    /// <summary>Number of published people holding each badge (visible badges only).</summary>
    public IReadOnlyDictionary<string, int> HolderCounts => _holderCounts.Value;
    public IReadOnlyDictionary<string, ReadinessReport> Readiness => _readiness.Value;
    /// <summary>The offered badges a promotion rule accepts (cached per rule).</summary>
    public Func<PromotionRule, IReadOnlyList<string>> AcceptedBy { get; }

    public Catalog Catalog { get; }
    public SiteConfig Site { get; }
    public DateOnly AsOf { get; }
    public bool IncludeDrafts { get; }

    public IReadOnlyList<Issuer> Issuers { get; }
    public IReadOnlyDictionary<string, Issuer> IssuersById { get; }
    public IReadOnlyDictionary<string, Framework> FrameworksById { get; }
    public IReadOnlyDictionary<string, Competency> CompetenciesById { get; }
    /// <summary>Every badge, drafts included (for reference checks).</summary>
    public IReadOnlyDictionary<string, Badge> AllBadgesById { get; }
    /// <summary>Badges that appear on the site: drafts only with --drafts.</summary>
    public IReadOnlyList<Badge> Badges { get; }
    public IReadOnlyDictionary<string, Badge> BadgesById { get; }
    public IReadOnlyList<Ladder> Ladders { get; }
    public IReadOnlyDictionary<string, Ladder> LaddersById { get; }
    public IReadOnlyDictionary<string, Role> RolesById { get; }
    public IReadOnlyList<FreePage> Pages { get; }

    public IReadOnlyDictionary<string, Score> Vetting { get; }
    /// <summary>Every badge's rigor score (drafts included), by badge id.</summary>
    public IReadOnlyDictionary<string, Score> Rigor { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Badge>> BadgesByIssuer => _badgesByIssuer.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Badge>> BadgesByCompetency => _badgesByCompetency.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Badge>> StackedFrom => _stackedFrom.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Badge>> UnlockedBy => _unlockedBy.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Role>> RolesRequiring => _rolesRequiring.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Role>> RolesRecommending => _rolesRecommending.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Role>> RolesExpecting => _rolesExpecting.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Role>> PromotionsNaming => _promotionsNaming.Value;
    public IReadOnlyDictionary<string, IReadOnlyList<Role>> PromotionsFrom => _promotionsFrom.Value;

    public bool IsPublished(Badge b) => !b.IsDraft || IncludeDrafts;

    public static IReadOnlyList<T> Get<T>(IReadOnlyDictionary<string, IReadOnlyList<T>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(key(item), item);
        return map;
    }

    /// <summary>
    /// Values by key, in the order met, each value once per key. Every caller pairs each record with its keys in one
    /// go, so a record met twice under a key (a badge listing a competency twice) is the last value of that key's list
    /// when met again: comparing with the last one (by reference) is enough, with no set per key.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<T>> Group<T>(IEnumerable<(string Key, T Value)> pairs) where T : class
    {
        var lists = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lists, key, out _);
            list ??= [];
            if (list.Count == 0 || !ReferenceEquals(list[^1], value)) list.Add(value);
        }
        return lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<T>)kv.Value, StringComparer.Ordinal);
    }
}
