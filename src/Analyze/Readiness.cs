using CredentialSite.Model;
using CredentialSite.Render;

namespace CredentialSite.Analyze;

/// <summary>A badge someone holds, judged at asOf.</summary>
public sealed record HeldBadge(string BadgeId, DateOnly? Issued, DateOnly? Expires, string State, bool Counts, bool ExpiresBeforeWindow,
    Revocation? Revoked = null)
{
    /// <summary>valid | revoked | expired | retired | draft | unknown | not-yet-valid.</summary>
    public string StateText => State switch
    {
        "revoked" => $"Revoked on {TemplateFunctions.FormatDate(Revoked!.Date)}: {Revoked.Reason}",
        "valid" => Expires is { } e ? $"valid until {TemplateFunctions.FormatDate(e)}" : "valid, does not expire",
        "expired" => $"expired on {TemplateFunctions.FormatDate(Expires)}",
        "retired" => "the badge is retired: it no longer counts",
        "draft" => "the badge is a draft, not yet awarded: it does not count",
        "not-yet-valid" => "issued after the assessment date",
        _ => "not in the catalog",
    };
}

public sealed record RuleResult(string Text, int Needed, IReadOnlyList<string> Assigned, int Missing,
    IReadOnlyList<string> MissingBadges, IReadOnlyList<string> Candidates)
{
    public bool Met => Missing == 0;
}

public sealed record PackageResult(string Name, bool Met, int Missing, IReadOnlyList<RuleResult> Rules);

public sealed record RequiredResult(string BadgeId, bool Held);

public sealed record ReadinessReport(
    string RoleId,
    bool Ready,
    IReadOnlyList<PackageResult> Packages,
    IReadOnlyList<RequiredResult> Required,
    IReadOnlyList<HeldBadge> Held);

/// <summary>
/// Promotion readiness, exactly as docs/catalog-format.md "Readiness" states it. A badge counts when it is held,
/// visible (hidden ones never get here), not revoked and not expired at asOf, and offered (<see cref="CanCount"/>: not a draft,
/// even one published with --drafts, and not retired). For each package the
/// engine finds an assignment of counting badges to rule slots in which each badge fills at most one
/// slot: a maximum bipartite matching, so all rules are met whenever any valid assignment exists, and
/// otherwise the fewest badges are missing. Pure: no I/O, no clock.
/// </summary>
public static class Readiness
{
    /// <summary>
    /// Whether holding the badge can count toward a promotion: not retired, and not a draft (a draft is not awarded
    /// yet; --drafts previews it, it does not make it a credential). The one rule the person pages, the role pages and
    /// the explorer's data (<see cref="Search.BuildExplorerData"/>) all follow.
    /// </summary>
    public static bool CanCount(Badge badge) => !badge.IsRetired && !badge.IsDraft;

    public static HeldBadge Judge(EarnedBadge earned, IReadOnlyDictionary<string, Badge> badges, DateOnly asOf, DateOnly? window)
    {
        if (!badges.TryGetValue(earned.Badge, out var badge))
            return new HeldBadge(earned.Badge, earned.Issued, earned.Expires, "unknown", false, false);
        var expires = Expiry(earned, badge);
        var state = earned.IsRevoked(asOf) ? "revoked"
            : badge.IsRetired ? "retired"
            : badge.IsDraft ? "draft"
            : earned.Issued is { } issued && issued > asOf ? "not-yet-valid"
            : expires is { } e && asOf >= e ? "expired"
            : "valid";
        var beforeWindow = state == "valid" && window is { } w && expires is { } x && x <= w;
        return new HeldBadge(badge.Id, earned.Issued, expires, state, state == "valid", beforeWindow, earned.Revoked);
    }

    /// <summary>The explicit expiry, else issued + renewal.validFor; null when it never expires. Expired from that day on.</summary>
    public static DateOnly? Expiry(EarnedBadge earned, Badge badge) =>
        earned.Expires ?? (earned.Issued is { } i && badge.Renewal?.ValidFor is { } d ? d.AddTo(i) : null);

    public static ReadinessReport Evaluate(
        IReadOnlyList<EarnedBadge> held, Role target,
        IReadOnlyDictionary<string, Badge> badges, IReadOnlyDictionary<string, Competency> competencies,
        DateOnly asOf, DateOnly? window, Func<string, string>? badgeName = null, Func<PromotionRule, IReadOnlyList<string>>? accepted = null)
    {
        // Which catalog badges a rule accepts does not depend on the person: callers evaluating many people pass a cache.
        accepted ??= rule => AcceptedBy(rule, badges, competencies);
        badgeName ??= id => badges.TryGetValue(id, out var b) ? b.Name : id;
        var judged = held.Select(h => Judge(h, badges, asOf, window))
            .GroupBy(h => h.BadgeId).Select(g => g.OrderByDescending(h => h.Counts).ThenByDescending(h => h.Expires ?? DateOnly.MaxValue).First())
            .OrderBy(h => h.BadgeId, StringComparer.Ordinal).ToList();
        var counting = judged.Where(h => h.Counts).Select(h => badges[h.BadgeId]).ToList();
        var countingIds = counting.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);

        var packages = (target.Promotion?.Packages ?? []).Select(p =>
            EvaluatePackage(p, counting, countingIds, competencies, badgeName, accepted)).ToList();
        var required = target.RequiredBadges.Select(id => new RequiredResult(id, countingIds.Contains(id))).ToList();
        var ready = (packages.Count == 0 || packages.Any(p => p.Met)) && required.All(r => r.Held);
        return new ReadinessReport(target.Id, ready, packages, required, judged);
    }

    /// <summary>The offered badges (not retired, not draft) a rule accepts, ordered by id.</summary>
    public static IReadOnlyList<string> AcceptedBy(PromotionRule rule, IReadOnlyDictionary<string, Badge> badges, IReadOnlyDictionary<string, Competency> competencies) =>
        AcceptedBy(rule, badges.Values, competencies);

    /// <summary>The same, from a pool of badges known to hold every badge the rule can accept.</summary>
    public static IReadOnlyList<string> AcceptedBy(PromotionRule rule, IEnumerable<Badge> pool, IReadOnlyDictionary<string, Competency> competencies) =>
        pool.Where(b => CanCount(b) && Rules.Accepts(rule, b, competencies))
            .Select(b => b.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The ids of an ordinal-sorted list minus a few held ones, counted without copying: a rule can accept thousands
    /// of badges, and every person's report has its own candidates. Enumerated (or indexed) only when a page lists them.
    /// </summary>
    internal sealed class Without(IReadOnlyList<string> sorted, HashSet<string> held) : IReadOnlyList<string>
    {
        /// <summary>The whole list (shared by every person's report on the same rule) and the ids taken out of it.</summary>
        public IReadOnlyList<string> Sorted => sorted;

        public IReadOnlySet<string> Held => held;

        private readonly Lazy<List<string>> _items = new(() => Remaining(sorted, held).ToList());

        public int Count { get; } = sorted.Count - held.Count(id => Contains(sorted, id));

        public string this[int index] => _items.Value[index];

        public IEnumerator<string> GetEnumerator() => (_items.IsValueCreated ? _items.Value : Remaining(sorted, held)).GetEnumerator();

        private static IEnumerable<string> Remaining(IReadOnlyList<string> sorted, HashSet<string> held) => sorted.Where(id => !held.Contains(id));

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static bool Contains(IReadOnlyList<string> sorted, string id)
        {
            int lo = 0, hi = sorted.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var c = string.CompareOrdinal(sorted[mid], id);
                if (c == 0) return true;
                if (c < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return false;
        }
    }

    private static PackageResult EvaluatePackage(PromotionPackage package, IReadOnlyList<Badge> counting, HashSet<string> countingIds,
        IReadOnlyDictionary<string, Competency> competencies, Func<string, string> badgeName, Func<PromotionRule, IReadOnlyList<string>> accepted)
    {
        // One slot per badge a rule needs; slot s accepts badge b when the rule accepts it (and, for all:, it is that badge).
        var slots = new List<(int Rule, string? Only)>();
        for (var r = 0; r < package.Rules.Count; r++)
        {
            var rule = package.Rules[r];
            if (rule.IsAll) slots.AddRange(rule.All.Distinct().Select(id => (r, (string?)id)));
            else slots.AddRange(Enumerable.Repeat((r, (string?)null), rule.Needed));
        }
        bool Accepts(int slot, Badge b) =>
            slots[slot].Only is { } only ? b.Id == only : Rules.Accepts(package.Rules[slots[slot].Rule], b, competencies);

        var badgeOfSlot = new int[slots.Count];
        var slotOfBadge = new int[counting.Count];
        Array.Fill(badgeOfSlot, -1);
        Array.Fill(slotOfBadge, -1);
        for (var s = 0; s < slots.Count; s++)
            TryAssign(s, new bool[counting.Count]);

        bool TryAssign(int slot, bool[] seen)
        {
            for (var b = 0; b < counting.Count; b++)
            {
                if (seen[b] || !Accepts(slot, counting[b])) continue;
                seen[b] = true;
                if (slotOfBadge[b] < 0 || TryAssign(slotOfBadge[b], seen))
                {
                    slotOfBadge[b] = slot;
                    badgeOfSlot[slot] = b;
                    return true;
                }
            }
            return false;
        }

        var rules = package.Rules.Select((rule, r) =>
        {
            var mine = Enumerable.Range(0, slots.Count).Where(s => slots[s].Rule == r).ToList();
            var assigned = mine.Where(s => badgeOfSlot[s] >= 0).Select(s => counting[badgeOfSlot[s]].Id).ToList();
            var missingSlots = mine.Where(s => badgeOfSlot[s] < 0).ToList();
            var missingBadges = missingSlots.Select(s => slots[s].Only).OfType<string>().ToList();
            IReadOnlyList<string> candidates = missingSlots.Count == 0 ? []
                : rule.IsAll ? missingBadges
                : new Without(accepted(rule), countingIds);
            var text = Rules.Describe(rule, badgeName, id => competencies.TryGetValue(id, out var c) ? c.Name : id);
            return new RuleResult(text, mine.Count, assigned, missingSlots.Count, missingBadges, candidates);
        }).ToList();
        var missing = rules.Sum(r => r.Missing);
        return new PackageResult(package.Name, missing == 0, missing, rules);
    }
}
