using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Render;

/// <summary>Builds the template views from the <see cref="SiteIndex"/>; shared pieces (badge cards) are built once.</summary>
public sealed partial class ViewBuilder
{
    private readonly SiteIndex _ix;
    private readonly RecordMap<Badge, BadgeCard> _cards;
    private readonly Dictionary<string, RoleRef> _roles;

    private readonly Signing.CredentialSigner? _signer;

    /// <param name="signer">Signs the credentials of some issuers in this build (their pages say so), or null.</param>
    public ViewBuilder(SiteIndex index, Signing.CredentialSigner? signer = null)
    {
        _ix = index;
        _signer = signer;
        // A published badge's card, made when first asked for: rendering one page ahead (serve) needs a few.
        _cards = new(index.BadgesById, KeptCard);
        _roles = index.RolesById.Values.ToDictionary(r => r.Id, r =>
            new RoleRef(r.Id, r.Name, index.LaddersById[r.LadderId].Name, r.Level, RoleUrl(r.Id)), StringComparer.Ordinal);
        _tierLinks = new(MakeTierLinks);
        _retired = new(() => index.Badges.Count(b => b.IsRetired));
    }

    // A card reads its badge, the issuer, the rigor score and the competencies: the same records give the same card,
    // which also keeps the page keys made from cards (see RenderCache) from one build to the next.
    private static readonly RecordMemo<Badge, BadgeCard> CardMemo = new();

    private BadgeCard KeptCard(Badge b)
    {
        var issuer = _ix.IssuersById.GetValueOrDefault(b.Issuer);
        var inputs = new object?[b.Competencies.Count + 2];
        inputs[0] = issuer;
        inputs[1] = _ix.Rigor[b.Id];
        for (var i = 0; i < b.Competencies.Count; i++) inputs[i + 2] = _ix.CompetenciesById.GetValueOrDefault(b.Competencies[i].Competency);
        return CardMemo.Get(b, inputs, MakeCard);
    }

    /// <summary>The card of a published badge, or null.</summary>
    private BadgeCard? CardOf(string id) => _cards.TryGetValue(id, out var card) ? card : null;

    /// <summary>Long lists of badges that would count (thousands in a large catalog) show this many, then a count.</summary>
    public const int MaxListed = 12;

    private BadgeCard MakeCard(Badge b)
    {
        var issuer = _ix.IssuersById.GetValueOrDefault(b.Issuer);
        var rigor = _ix.Rigor[b.Id];
        var clusters = b.Competencies.Select(c => _ix.CompetenciesById.GetValueOrDefault(c.Competency)?.Cluster)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal);
        return new BadgeCard(b.Id, b.Name, b.Summary, b.Tier, b.Status, issuer?.Name ?? b.Issuer, b.Issuer, b.Image, b.ImageAlt,
            rigor.Display, rigor.Band, $"badges/{b.Id}/", b.Version, string.Join(", ", clusters), rigor.Value,
            b.Governance?.Changelog.Select(c => c.Date).Max());
    }

    private IReadOnlyList<BadgeCard> CardsOf(IEnumerable<Badge> badges) =>
        badges.Select(b => CardOf(b.Id)).OfType<BadgeCard>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    private IReadOnlyList<BadgeCard> CardsById(IEnumerable<string> ids) =>
        ids.Select(CardOf).OfType<BadgeCard>().ToList();

    private IReadOnlyList<RoleRef> RolesOf(IEnumerable<Role> roles) =>
        roles.Select(r => _roles[r.Id]).OrderBy(r => r.LadderName, StringComparer.Ordinal).ThenBy(r => r.Level).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    private CompetencyRef CompetencyRef(string id, string? level, IReadOnlyList<string>? behaviors = null)
    {
        var c = _ix.CompetenciesById.GetValueOrDefault(id);
        return new CompetencyRef(id, c?.Name ?? id, c?.Cluster, level, behaviors is { Count: > 0 } ? behaviors : c?.Behaviors ?? [], $"competencies/{id}/");
    }

    public HomeView Home()
    {
        var tiers = TierLinks();
        var clusters = _ix.CompetenciesById.Values.Select(c => c.Cluster).OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select(cl => new Count(cl, _ix.Badges.Count(b => b.Competencies.Any(c => _ix.CompetenciesById.GetValueOrDefault(c.Competency)?.Cluster == cl)), null))
            .ToList();
        var issuers = _ix.Issuers.Select(i => new Count(i.Name, _ix.BadgesByIssuer[i.Id].Count, $"issuers/{i.Id}/")).ToList();
        var changes = RecentChanges(8);
        return new HomeView(_ix.Badges.Count, _ix.Issuers.Count, _ix.CompetenciesById.Count, _ix.RolesById.Count,
            tiers, clusters, issuers, _ix.Ladders, changes);
    }

    /// <summary>Changelog entries of published badges, newest first (also the feed's entries).</summary>
    public IReadOnlyList<ChangeView> RecentChanges(int max) =>
        _ix.Badges.SelectMany(b => (b.Governance?.Changelog ?? []).Select(c => new ChangeView(_cards[b.Id], c.Version, c.Date, c.Changes)))
            .OrderByDescending(c => c.Date).ThenBy(c => c.Badge.Id, StringComparer.Ordinal).ThenBy(c => c.Version, StringComparer.Ordinal)
            .Take(max).ToList();

    /// <summary>The orders the badge index can be read in: (name, path of its first page).</summary>
    public static readonly IReadOnlyList<(string Name, string Path)> BadgeSorts =
        [("name", "badges/"), ("rigor", "badges-by/rigor/"), ("issuer", "badges-by/issuer/"), ("newest", "badges-by/newest/")];

    /// <summary>
    /// The path of page <paramref name="page"/> (from 1) of the badge index in order <paramref name="sort"/>. Pages after
    /// the first are under badges-by/, where no badge's own page can be.
    /// </summary>
    public static string BadgeIndexPath(string sort, int page) =>
        page == 1 ? BadgeSorts.First(s => s.Name == sort).Path : $"badges-by/{sort}/{page}/";

    /// <summary>How many pages the badge index has, in every order (<see cref="SiteConfig.BadgesPerPage"/> badges a page).</summary>
    public int BadgeIndexPages => Math.Max(1, (_ix.Badges.Count + _ix.Site.BadgesPerPage - 1) / _ix.Site.BadgesPerPage);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IReadOnlyList<BadgeCard>>> _orders = new(StringComparer.Ordinal);

    /// <summary>
    /// Every published badge in one of the index's orders, sorted once for all its pages. The name order goes tier by
    /// tier (by name within a tier), so that each tier's cards follow one another from page to page.
    /// </summary>
    private IReadOnlyList<BadgeCard> Order(string sort) => _orders.GetOrAdd(sort, s => new(() =>
    {
        var byName = ByName();
        return s switch
        {
            "rigor" => byName.OrderByDescending(c => c.RigorValue).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            "issuer" => byName.OrderBy(c => c.IssuerName, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            "newest" => byName.OrderByDescending(c => c.Updated).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            _ => TierByTier(byName),
        };
    })).Value;

    /// <summary>Every published badge's card, by name (the order of <see cref="SiteIndex.Badges"/>).</summary>
    private List<BadgeCard> ByName() => _ix.Badges.Select(b => _cards[b.Id]).ToList();

    /// <summary>Cards tier by tier, and by name within a tier.</summary>
    private static List<BadgeCard> TierByTier(IEnumerable<BadgeCard> cards) =>
        cards.OrderBy(c => Array.IndexOf(Vocabulary.Tiers, c.Tier)).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Each tier with its number of badges and a link to where its cards start: the first page of the index when it has
    /// one page (a tier without badges says so there), else the page its first badge is on (none for an empty tier).
    /// </summary>
    public IReadOnlyList<Count> TierLinks() => _tierLinks.Value;

    private readonly Lazy<IReadOnlyList<Count>> _tierLinks;

    private IReadOnlyList<Count> MakeTierLinks()
    {
        var perPage = _ix.Site.BadgesPerPage;
        var paged = BadgeIndexPages > 1;
        var start = 0; // where the tier's first badge is in the name order (tier by tier)
        var links = new List<Count>();
        foreach (var tier in Vocabulary.Tiers)
        {
            var count = _ix.Badges.Count(b => b.Tier == tier);
            var url = !paged ? $"badges/#tier-{tier}"
                : count == 0 ? null
                : $"{BadgeIndexPath("name", start / perPage + 1)}#tier-{tier}";
            links.Add(new Count(Words.Title(tier), count, url));
            start += count;
        }
        return links;
    }

    private readonly Lazy<int> _retired;

    /// <summary>Page <paramref name="page"/> (from 1) of the badge index in order <paramref name="sort"/>.</summary>
    public BadgeIndexView BadgeIndex(string sort, int page = 1)
    {
        var order = Order(sort);
        var perPage = _ix.Site.BadgesPerPage;
        var pages = BadgeIndexPages;
        var slice = order.Skip((page - 1) * perPage).Take(perPage).ToList();
        // The cards of this page by tier (a one-page index shows every tier, an empty one too), in the name order.
        var cards = sort == "name" ? slice : TierByTier(slice);
        var byTier = Vocabulary.Tiers.Select(t => new BadgeGroup(Words.Title(t), t, cards.Where(c => c.Tier == t).ToList()))
            .Where(g => pages == 1 || g.Badges.Count > 0).ToList();
        // The table lists this page's badges in the page's order; a one-page index by name (its cards show the tiers).
        IReadOnlyList<BadgeCard> all = sort == "name" && pages == 1 ? ByName() : slice;
        var sorts = BadgeSorts.Select(s => new SortLink(s.Name, s.Path, s.Name == sort)).ToList();
        var first = slice.Count == 0 ? 0 : (page - 1) * perPage + 1;
        var pager = new PagerView(page, pages, first, first == 0 ? 0 : first + slice.Count - 1,
            page > 1 ? BadgeIndexPath(sort, page - 1) : null, page < pages ? BadgeIndexPath(sort, page + 1) : null,
            PageLinks(page, pages, n => BadgeIndexPath(sort, n)));
        return new BadgeIndexView(byTier, all, _retired.Value, sort, sorts, order.Count,
            sort == "name" ? TierLinks() : [], pager);
    }

    /// <summary>Links to the first and last pages and to the two on each side of the current one, with gaps between.</summary>
    internal static IReadOnlyList<PageLink> PageLinks(int current, int count, Func<int, string> path)
    {
        var links = new List<PageLink>();
        for (var n = 1; n <= count; n++)
        {
            // A gap that would hide a single page shows its number instead.
            var shown = n == 1 || n == count || Math.Abs(n - current) <= 2 || (n == 2 && current == 5) || (n == count - 1 && current == count - 4);
            if (shown) links.Add(new PageLink(n, path(n), n == current));
            else if (links[^1].Number is not null) links.Add(new PageLink(null, null, false));
        }
        return links;
    }

    public BadgePageView Badge(Badge b)
    {
        var issuer = _ix.IssuersById.GetValueOrDefault(b.Issuer);
        return new BadgePageView(
            b, _cards[b.Id], issuer, issuer is null ? null : _ix.Vetting[issuer.Id], _ix.Rigor[b.Id],
            b.Competencies.Select(c => CompetencyRef(c.Competency, c.Level, c.Behaviors)).ToList(),
            b.Rubric is null ? null : Rubric(b.Rubric),
            b.Assessment.Select(a => new AssessmentView(a, Vocabulary.MethodsById[a.Method].Name, Vocabulary.MethodsById[a.Method].CtdlMethod, a.Duration?.ToWords())).ToList(),
            RenewalWords(b.Renewal),
            CardsOf(_ix.StackedFrom[b.Id]),
            CardsOf(_ix.UnlockedBy[b.Id]),
            RolesOf(_ix.RolesRequiring[b.Id]),
            RolesOf(_ix.RolesRecommending[b.Id]),
            RolesOf(_ix.PromotionsNaming[b.Id]),
            $"badges/{b.Id}.json",
            _ix.HolderCounts.GetValueOrDefault(b.Id),
            Summary(b, _ix.Rigor[b.Id]));
    }

    private static RubricView Rubric(Rubric r)
    {
        var order = r.Levels.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
        string NameOf(string? id) => r.Levels.FirstOrDefault(l => l.Id == id)?.Name ?? id ?? "";
        var rows = r.Criteria.Select(c =>
        {
            var required = c.RequiredLevel ?? r.RequiredLevel;
            var requiredIndex = required is not null && order.TryGetValue(required, out var ri) ? ri : -1;
            var cells = r.Levels.Select((l, i) => new RubricCell(l.Id, l.Name,
                c.Levels.FirstOrDefault(d => d.Key == l.Id).Value ?? "", l.Id == required, requiredIndex >= 0 && i >= requiredIndex)).ToList();
            return new RubricRow(c.Id, c.Name, c.Weight?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), NameOf(required), cells);
        }).ToList();
        return new RubricView(r.Levels, r.RequiredLevel is null ? null : NameOf(r.RequiredLevel), rows);
    }

    /// <summary>The renewal policy as one sentence a reader can act on.</summary>
    public static string RenewalWords(Renewal? r)
    {
        if (r?.ValidFor is null) return "Does not expire." + (r?.Method is { } m0 && m0 != "none" ? $" Holders keep it current by {Words.Title(m0).ToLowerInvariant()}." : "");
        var text = $"Valid for {r.ValidFor.ToWords()} from the date it is issued.";
        if (r.GracePeriod is not null) text += $" A grace period of {r.GracePeriod.ToWords()} follows expiry.";
        text += r.Method switch
        {
            "reassessment" => " Renewal requires a new assessment against the current criteria.",
            "evidence-resubmission" => " Renewal requires submitting fresh evidence.",
            "continuing-education" => " Renewal requires continuing education.",
            "none" => " It cannot be renewed: earn it again.",
            _ => "",
        };
        return text;
    }

    public IssuerPageView Issuer(Issuer i) =>
        new(i, _ix.Vetting[i.Id], CardsOf(_ix.BadgesByIssuer[i.Id]), $"issuers/{i.Id}/", VettingChart(i, _ix.Vetting[i.Id]));

    public FrameworkPageView Framework(Framework f)
    {
        var clusters = f.Competencies.GroupBy(c => c.Cluster ?? "Other")
            .Select(g => new ClusterView(g.Key, g.Select(c => CompetencyRef(c.Id, null)).ToList()))
            .ToList();
        return new FrameworkPageView(f, clusters, FrameworkUrl(f.Id));
    }

    public CompetencyPageView Competency(Competency c)
    {
        var badges = _ix.BadgesByCompetency[c.Id]
            .Select(b => new LevelledBadge(CardOf(b.Id)!, b.Competencies.First(x => x.Competency == c.Id).Level))
            .OrderBy(x => x.Badge.Name, StringComparer.Ordinal).ToList();
        var roles = _ix.RolesExpecting[c.Id]
            .Select(r => new LevelledRole(_roles[r.Id], r.Competencies.First(x => x.Competency == c.Id).Level))
            .OrderBy(x => x.Role.LadderName, StringComparer.Ordinal).ThenBy(x => x.Role.Level).ToList();
        return new CompetencyPageView(c, _ix.FrameworksById[c.FrameworkId], badges, roles, $"competencies/{c.Id}/");
    }

    public RoleView Role(Role r)
    {
        var packages = (r.Promotion?.Packages ?? []).Select(p => new PackageView(p.Name, p.Rules.Select(rule =>
        {
            var text = Analyze.Rules.Describe(rule, id => _ix.AllBadgesById.GetValueOrDefault(id)?.Name ?? id,
                id => _ix.CompetenciesById.GetValueOrDefault(id)?.Name ?? id);
            var accepted = _ix.AcceptedBy(rule).Select(CardOf).OfType<BadgeCard>().ToList();
            return new RuleView(text, accepted.OrderBy(c => c.Name, StringComparer.Ordinal).Take(MaxListed).ToList(), accepted.Count);
        }).ToList())).ToList();
        return new RoleView(r, _roles[r.Id], _ix.LaddersById[r.LadderId],
            r.Competencies.Select(c => CompetencyRef(c.Competency, c.Level)).ToList(),
            CardsById(r.RequiredBadges), CardsById(r.OptionalBadges),
            (r.Promotion?.From ?? []).Where(_roles.ContainsKey).Select(id => _roles[id]).ToList(),
            packages,
            RolesOf(_ix.PromotionsFrom[r.Id]),
            ComparisonPairs().Where(p => p.From.Id == r.Id || p.To.Id == r.Id)
                .Select(p => new ComparisonLink(p.From.Id == r.Id ? $"From here to {p.To.Name}" : $"From {p.From.Name} to here",
                    ComparisonUrl(p.From.Id, p.To.Id))).ToList());
    }

    public LadderPageView Ladder(Ladder l)
    {
        var roles = RolesInOrder(l);
        return new(l, roles.Select(Role).ToList(), LadderUrl(l.Id), LadderMaps(l, roles));
    }

    /// <summary>A ladder's roles, lowest level first (the order of its page).</summary>
    public static IReadOnlyList<Role> RolesInOrder(Ladder l) => l.Roles.OrderBy(r => r.Level).ToList();

    public static string FrameworkUrl(string id) => $"frameworks/{id}/";

    public static string LadderUrl(string id) => $"ladders/{id}/";

    public static string RoleUrl(string id) => $"roles/{id}/";
}
