using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>
/// Promotion rules that can never be met (<c>CS0019</c>): an <c>all:</c> naming a badge that never counts (retired or
/// draft), an <c>atLeast: N</c> that fewer than N counting badges pass, and a package whose rules together need more
/// different badges than can fill them (each badge counts toward one rule of a package, as in readiness). A badge read
/// with errors is assumed to pass every filter, so that its placeholders cause no error here.
/// </summary>
public static class ValidatePromotions
{
    public static void Run(Catalog catalog, IReadOnlyDictionary<string, Badge> badges, IReadOnlyDictionary<string, Competency> competencies,
        DiagnosticBag diags)
    {
        var counting = catalog.Badges.Where(Counts).ToList();
        foreach (var ladder in catalog.Ladders)
            foreach (var role in ladder.Roles)
            {
                if (role.Promotion is not { } promotion) continue;
                for (var k = 0; k < promotion.Packages.Count; k++)
                    Package(promotion.Packages[k], $"{role.SpanPath}.promotion.packages[{k}]", ladder.Spans);
            }

        void Package(PromotionPackage package, string path, LocationMap spans)
        {
            var candidates = new List<IReadOnlyList<Badge>>(); // one entry per slot: the badges that can fill it
            var meetable = true;
            for (var r = 0; r < package.Rules.Count; r++)
            {
                var rule = package.Rules[r];
                var rp = $"{path}.rules[{r}]";
                if (rule.IsAll)
                {
                    for (var i = 0; i < rule.All.Count; i++)
                    {
                        if (!badges.TryGetValue(rule.All[i], out var named)) continue; // unknown: reported as such
                        if (Counts(named))
                        {
                            if (!rule.All.Take(i).Contains(named.Id)) candidates.Add([named]);
                            continue;
                        }
                        meetable = false;
                        diags.Error(DiagnosticCodes.RuleNeverMet, spans.At($"{rp}.all[{i}]"),
                            $"this rule can never be met: '{named.Id}' is {named.Status} and never counts toward a promotion",
                            named.IsRetired ? "name the badge that replaced it" : "publish the badge first (status: pilot or active), or name another one");
                    }
                    continue;
                }
                var accepted = counting.Where(b => b.Incomplete || Rules.Accepts(rule, b, competencies)).ToList();
                if (accepted.Count < rule.Needed)
                {
                    meetable = false;
                    diags.Error(DiagnosticCodes.RuleNeverMet, spans.At($"{rp}.atLeast"),
                        $"this rule can never be met: it needs {(rule.Needed == 1 ? "a badge" : $"{rule.Needed} badges")}, and {Count(accepted.Count)} that count toward a promotion pass its filters",
                        accepted.Count == 0 ? "check its filters (retired and draft badges never count)"
                            : $"they are: {string.Join(", ", accepted.Select(b => b.Id).Take(10))}{(accepted.Count > 10 ? ", ..." : "")}; lower atLeast or widen the filters");
                    continue;
                }
                for (var n = 0; n < rule.Needed; n++) candidates.Add(accepted);
            }
            if (!meetable) return; // one rule at a time: the package is judged once its rules can each be met
            var filled = Matching(candidates);
            if (filled < candidates.Count)
                diags.Error(DiagnosticCodes.RuleNeverMet, spans.At(path),
                    $"this package can never be met: its rules need {candidates.Count} different badges together, and at most {filled} of them can be filled",
                    "each badge counts toward one rule of a package: lower an atLeast, or widen the filters so the rules do not compete for the same badges");
        }
    }

    /// <summary>Retired and draft badges never count toward a promotion (as in readiness and on role pages).</summary>
    private static bool Counts(Badge b) => !b.IsRetired && !b.IsDraft;

    private static string Count(int n) => n == 0 ? "none" : n == 1 ? "only 1" : $"only {n}";

    /// <summary>How many slots a maximum matching of slots to different badges fills (augmenting paths).</summary>
    private static int Matching(IReadOnlyList<IReadOnlyList<Badge>> candidates)
    {
        var slotOf = new Dictionary<Badge, int>(ReferenceEqualityComparer.Instance);
        var filled = 0;
        for (var s = 0; s < candidates.Count; s++)
            if (Assign(s, new HashSet<Badge>(ReferenceEqualityComparer.Instance))) filled++;
        return filled;

        bool Assign(int slot, HashSet<Badge> seen)
        {
            foreach (var b in candidates[slot])
            {
                if (!seen.Add(b)) continue;
                if (!slotOf.TryGetValue(b, out var other) || Assign(other, seen))
                {
                    slotOf[b] = slot;
                    return true;
                }
            }
            return false;
        }
    }
}
