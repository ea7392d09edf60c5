using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Program;

/// <summary>An approval step that is open past its time-box at asOf: the badge, the step and who holds it.</summary>
public sealed record OverdueStep(string BadgeId, string BadgeName, string Step, string? HeldBy, DateOnly Started, DateOnly Due, int DaysOverdue);

public sealed record BadgeGroup(string Name, IReadOnlyList<BadgeRef> Badges);

public sealed record ChangeRow(string BadgeId, string BadgeName, string Version, DateOnly? Date, string? Changes);

public sealed record AppealsRow(string BadgeId, string BadgeName, string Appeals);

/// <summary>The governance page: badges by status and by current step, overdue steps, recent changes, appeals.</summary>
public sealed record GovernanceReport(
    IReadOnlyList<BadgeGroup> ByStatus,
    IReadOnlyList<BadgeGroup> ByStep,
    IReadOnlyList<OverdueStep> Overdue,
    IReadOnlyList<ChangeRow> RecentChanges,
    IReadOnlyList<AppealsRow> Appeals);

/// <summary>
/// Governance of the badges: where each one's approval flow stands at asOf (the current step is the first without a
/// date; it is overdue once asOf is past its start plus its time-box), and separation of duties.
/// </summary>
public static class Governance
{
    public const string Approved = "Approved (every step done)", NoFlow = "No approval flow recorded";
    private const int RecentChanges = 20;

    public static GovernanceReport Run(SiteIndex ix)
    {
        var byStatus = Vocabulary.BadgeStatuses.Select(s => new BadgeGroup(char.ToUpperInvariant(s[0]) + s[1..], [.. ix.Badges.Where(b => b.Status == s).Select(Ref)]))
            .Where(g => g.Badges.Count > 0).ToList();
        var current = ix.Badges.Select(b => (Badge: b, Step: Current(b))).ToList();
        var byStep = current.GroupBy(x => x.Step is { } i ? x.Badge.Governance!.Approvals[i].Label : x.Badge.Governance?.Approvals.Count > 0 ? Approved : NoFlow)
            .OrderBy(g => g.Key == Approved || g.Key == NoFlow).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BadgeGroup(g.Key, [.. g.Select(x => Ref(x.Badge))])).ToList();
        var overdue = current.Where(x => x.Step is not null).Select(x => Overdue(x.Badge, x.Step!.Value, ix.Site.TimeBox, ix.AsOf))
            .OfType<OverdueStep>().OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.BadgeName, StringComparer.Ordinal).ToList();
        var changes = ix.Badges.SelectMany(b => (b.Governance?.Changelog ?? []).Select(c => new ChangeRow(b.Id, b.Name, c.Version, c.Date, c.Changes)))
            .OrderByDescending(c => c.Date ?? DateOnly.MinValue).ThenBy(c => c.BadgeName, StringComparer.Ordinal).Take(RecentChanges).ToList();
        var appeals = ix.Badges.Where(b => !string.IsNullOrWhiteSpace(b.Governance?.Appeals))
            .Select(b => new AppealsRow(b.Id, b.Name, b.Governance!.Appeals!)).ToList();
        return new GovernanceReport(byStatus, byStep, overdue, changes, appeals);
    }

    private static BadgeRef Ref(Badge b) => new(b.Id, b.Name, b.Tier);

    /// <summary>The index of the first step without a date, or null when every step is done (or there is none).</summary>
    public static int? Current(Badge b)
    {
        var steps = b.Governance?.Approvals ?? [];
        for (var i = 0; i < steps.Count; i++)
            if (steps[i].Date is null) return i;
        return null;
    }

    /// <summary>The open step <paramref name="i"/>, when asOf is past its start (its own, else the previous step's date) plus its time-box.</summary>
    public static OverdueStep? Overdue(Badge b, int i, IsoDuration? siteTimeBox, DateOnly asOf)
    {
        var steps = b.Governance!.Approvals;
        var step = steps[i];
        if ((step.Started ?? (i > 0 ? steps[i - 1].Date : null)) is not { } started || (step.TimeBox ?? siteTimeBox) is not { } box) return null;
        var due = box.AddTo(started);
        return asOf > due ? new OverdueStep(b.Id, b.Name, step.Label, step.By, started, due, asOf.DayNumber - due.DayNumber) : null;
    }

    /// <summary>
    /// Separation of duties: the steps site.yml's <c>governance.separateSteps</c> names must be done by different people.
    /// A step done by someone who did an earlier named step is a warning at its <c>by</c>.
    /// </summary>
    public static void CheckSeparation(Catalog catalog, DiagnosticBag diags)
    {
        var separate = catalog.Site.SeparateSteps.ToHashSet(StringComparer.Ordinal);
        if (separate.Count < 2) return;
        foreach (var b in catalog.Badges)
        {
            var steps = b.Governance?.Approvals ?? [];
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < steps.Count; i++)
            {
                if (!separate.Contains(steps[i].Step) || string.IsNullOrWhiteSpace(steps[i].By)) continue;
                var who = string.Join(' ', steps[i].By!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (seen.TryGetValue(who, out var earlier))
                    diags.Warning(DiagnosticCodes.SameApprover, b.Spans.At($"governance.approvals[{i}].by"),
                        $"'{steps[i].Step}' and '{earlier}' were both done by {who}, but site.yml says they must be done by different people",
                        "have someone else do the step (governance.separateSteps in site.yml names the steps)");
                else seen[who] = steps[i].Step;
            }
        }
    }
}
