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
        Audience = options.Audience;

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

        // Reverse links: rendering one page ahead (serve) reads a few of them, a build all (see ReverseLinks).
        var roles = catalog.Ladders.SelectMany(l => l.Roles).ToList();
        BadgesByIssuer = new(Badges, b => [b.Issuer]);
        BadgesByCompetency = new(Badges, b => b.Competencies.Select(c => c.Competency));
        StackedFrom = new(Badges, b => b.StacksInto);
        UnlockedBy = new(Badges, b => b.Prerequisites);
        RolesRequiring = new(roles, r => r.RequiredBadges);
        RolesRecommending = new(roles, r => r.OptionalBadges);
        RolesExpecting = new(roles, r => r.Competencies.Select(c => c.Competency));
        PromotionsNaming = new(roles, r => (r.Promotion?.Packages ?? []).SelectMany(p => p.Rules.SelectMany(rule => rule.All.Concat(rule.Of))).Distinct());
        PromotionsFrom = new(roles, r => r.Promotion?.From ?? []);

        // Portfolios arrive here already filtered by Privacy.ApplyConsent: only consented people, only scoped sections.
        People = catalog.Portfolios.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var people = People;
        var asOf = AsOf;
        _holderCounts = new(() => people.SelectMany(p => p.Badges.Where(b => !b.IsRevoked(asOf)).Select(b => b.Badge).Distinct())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
        // Computed once per rule (Lazy: parallel readers of a new rule wait for one computation), from the badges that can
        // match: a rule naming badges, a competency, a tier, a cluster or an impact reads only those, not the whole catalog.
        var all = catalog.Badges;
        var byCompetency = new ReverseLinks<Badge>(all, b => b.Competencies.Select(c => c.Competency));
        var byTier = new ReverseLinks<Badge>(all, b => [b.Tier]);
        var byImpact = new ReverseLinks<Badge>(all, b => b.Impact);
        IEnumerable<Badge> Pool(PromotionRule r) =>
            r.IsAll ? r.All.Select(AllBadgesById.GetValueOrDefault).OfType<Badge>()
            : r.Of.Count > 0 ? r.Of.Select(AllBadgesById.GetValueOrDefault).OfType<Badge>()
            : r.Competency is { } c ? byCompetency[c]
            : r.Tier is { } t ? byTier[t]
            : r.Cluster is { } cluster ? CompetenciesById.Values.Where(c => c.Cluster == cluster).SelectMany(c => byCompetency[c.Id])
            : r.Impact is { } impact ? byImpact[impact]
            : all;
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<PromotionRule, Lazy<IReadOnlyList<string>>>(ReferenceEqualityComparer.Instance);
        var frameworks = catalog.Frameworks;
        // A rule accepts the same badges while its pool holds the same badge records and the frameworks are the same.
        AcceptedBy = rule => accepted.GetOrAdd(rule, r => new(() =>
        {
            var pool = Pool(r).ToArray();
            return AcceptedMemo.Get(r, [.. pool, .. frameworks], x => Analyze.Readiness.AcceptedBy(x, pool, CompetenciesById));
        })).Value;
        // Readiness is personal: only for people whose consent covers it (and who name a known target role).
        _readiness = new(() => people.Where(p => Privacy.ApplyConsent.ShowsReadiness(p) && p.TargetRole is not null && RolesById.ContainsKey(p.TargetRole))
            .AsParallel().AsOrdered()
            .Select(p => (p.Id, Report: Analyze.Readiness.Evaluate(p.Badges, RolesById[p.TargetRole!], AllBadgesById, CompetenciesById,
                AsOf, Site.PromotionWindow, null, AcceptedBy)))
            .ToDictionary(x => x.Id, x => x.Report, StringComparer.Ordinal));
    }

    private static readonly RecordMemo<Badge, Score> RigorMemo = new();
    private static readonly RecordMemo<PromotionRule, IReadOnlyList<string>> AcceptedMemo = new();

    private readonly Lazy<Dictionary<string, int>> _holderCounts;
    private readonly Lazy<Dictionary<string, ReadinessReport>> _readiness;

    /// <summary>Published people only (consented), with only their consented sections.</summary>
    public IReadOnlyList<Portfolio> People { get; }
    /// <summary>Number of published people holding each badge (visible badges only, revoked ones not).</summary>
    public IReadOnlyDictionary<string, int> HolderCounts => _holderCounts.Value;
    /// <summary>Readiness by person id, for published people whose consent scope includes <c>readiness</c> only.</summary>
    public IReadOnlyDictionary<string, ReadinessReport> Readiness => _readiness.Value;
    /// <summary>The offered badges a promotion rule accepts (cached per rule).</summary>
    public Func<PromotionRule, IReadOnlyList<string>> AcceptedBy { get; }

    public Catalog Catalog { get; }
    public SiteConfig Site { get; }
    public DateOnly AsOf { get; }

    /// <summary>The build's verdicts on the credentials people brought (Verify/VerifyImported), set once validation has run.</summary>
    public Verify.ImportedChecks Imported { get; set; } = Verify.ImportedChecks.None;
    public bool IncludeDrafts { get; }

    /// <summary>Who the site is for: a panel build is for a private host (see <see cref="BuildOptions.Audience"/>).</summary>
    public Audience Audience { get; }

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

    public ReverseLinks<Badge> BadgesByIssuer { get; }
    public ReverseLinks<Badge> BadgesByCompetency { get; }
    public ReverseLinks<Badge> StackedFrom { get; }
    public ReverseLinks<Badge> UnlockedBy { get; }
    public ReverseLinks<Role> RolesRequiring { get; }
    public ReverseLinks<Role> RolesRecommending { get; }
    public ReverseLinks<Role> RolesExpecting { get; }
    public ReverseLinks<Role> PromotionsNaming { get; }
    public ReverseLinks<Role> PromotionsFrom { get; }

    public bool IsPublished(Badge b) => !b.IsDraft || IncludeDrafts;

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(key(item), item);
        return map;
    }
}
