using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Program;

/// <summary>One reported group: its label, how many people it holds, and its figure.</summary>
public sealed record OutcomeRow(string Label, int People, string Value);

/// <summary>One outcome: the groups large enough to report, and whether any smaller group was suppressed.</summary>
public sealed record Outcome(string Title, string ValueHeading, IReadOnlyList<OutcomeRow> Rows, bool Suppressed);

public sealed record OutcomesReport(int MinCohort, Outcome BadgesPerQuarter, Outcome TimeToCompetency, Outcome PromotionVelocity, Outcome PilotCohorts);

/// <summary>
/// Program outcomes, from the published portfolios only (after <see cref="Privacy.ApplyConsent"/>: consented people,
/// consented sections) and only for groups of at least <c>outcomes.minCohort</c> people. A smaller group is dropped
/// here, before anything is rendered, so neither it nor a count of its people reaches any file.
/// </summary>
public static class Outcomes
{
    public static OutcomesReport Run(SiteIndex ix)
    {
        var min = ix.Site.MinCohort;
        var asOf = ix.AsOf;
        var earned = ix.People.SelectMany(p => p.Badges.Where(b => b.Issued is { } i && i <= asOf && !b.IsRevoked(asOf))
            .Select(b => (Person: p.Id, Badge: b))).ToList();

        var perQuarter = earned.GroupBy(e => Quarter(e.Badge.Issued!.Value)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, People: Distinct(g.Select(x => x.Person)), Value: g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var issued = earned.ToLookup(e => (e.Person, e.Badge.Badge), e => e.Badge.Issued!.Value);
        var toCompetency = ix.People.SelectMany(p => p.Plan.Where(i => i.Started is not null && i.Badge is not null)
                .SelectMany(i => issued[(p.Id, i.Badge!)].Where(d => d >= i.Started!.Value).Take(1)
                    .Select(d => (Person: p.Id, Badge: i.Badge!, Days: d.DayNumber - i.Started!.Value.DayNumber))))
            .GroupBy(x => x.Badge).OrderBy(g => Name(ix, g.Key), StringComparer.Ordinal)
            .Select(g => (Name(ix, g.Key), People: Distinct(g.Select(x => x.Person)), Value: $"{Median(g.Select(x => x.Days)).ToString(System.Globalization.CultureInfo.InvariantCulture)} days"));

        var velocity = ix.People.SelectMany(p => p.History.OrderBy(h => h.From).Zip(p.History.OrderBy(h => h.From).Skip(1))
                .Select(pair => (Person: p.Id, Role: pair.First.Role, Days: pair.Second.From.DayNumber - pair.First.From.DayNumber)))
            .GroupBy(x => x.Role).OrderBy(g => RoleName(ix, g.Key), StringComparer.Ordinal)
            .Select(g => (RoleName(ix, g.Key), People: Distinct(g.Select(x => x.Person)), Value: $"{Months(Median(g.Select(x => x.Days)))} months"));

        var pilots = ix.Badges.Where(b => b.Status == "pilot").Select(b =>
        {
            var holders = earned.Where(e => e.Badge.Badge == b.Id).ToList();
            var first = holders.Count == 0 ? "" : $"earned {Quarter(holders.Min(h => h.Badge.Issued!.Value))} to {Quarter(holders.Max(h => h.Badge.Issued!.Value))}";
            return (b.Name, People: Distinct(holders.Select(h => h.Person)), Value: first);
        }).Where(x => x.People > 0);

        return new OutcomesReport(min,
            Report("Badges earned per quarter", "Badges earned", perQuarter, min),
            Report("Time to competency", "Median time from a plan item's start to the badge", toCompetency, min),
            Report("Promotion velocity", "Median time in the role before the next", velocity, min),
            Report("Pilot cohorts", "Earned", pilots, min));
    }

    // The only place groups become rows: below the minimum, a group is dropped (and only that something was is kept).
    private static Outcome Report(string title, string heading, IEnumerable<(string Label, int People, string Value)> groups, int min)
    {
        var all = groups.ToList();
        return new Outcome(title, heading, [.. all.Where(g => g.People >= min).Select(g => new OutcomeRow(g.Label, g.People, g.Value))],
            all.Any(g => g.People < min));
    }

    private static int Distinct(IEnumerable<string> people) => people.Distinct(StringComparer.Ordinal).Count();

    public static string Quarter(DateOnly d) => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}";

    private static double Median(IEnumerable<int> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2.0;
    }

    private static string Months(double days) => Math.Round(days / 30.44, 1, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(SiteIndex ix, string badge) => ix.AllBadgesById.TryGetValue(badge, out var b) ? b.Name : badge;

    private static string RoleName(SiteIndex ix, string role) => ix.RolesById.TryGetValue(role, out var r) ? r.Name : role;
}
