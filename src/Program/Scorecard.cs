using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Program;

/// <summary>One part of a person's scorecard: its weight, where its score comes from, the score and what it adds.</summary>
public sealed record ScorecardRow(string Part, string Name, double Weight, string Source, string SourceText, double? Score, double? Contribution);

/// <summary>A person's combined scorecard for their target role; <see cref="Total"/> is null while a part has no score.</summary>
public sealed record ScorecardView(string RoleName, IReadOnlyList<ScorecardRow> Parts, double? Total);

/// <summary>
/// The combined scorecard (docs/catalog-format.md, Scores): the weighted sum of its parts, each scored 0–100. Badge
/// attainment (<c>source: readiness</c>) is the share of the best package's slots and the required badges that the
/// person's counting badges fill; <c>source: manager</c> parts are the scores of the manager statement.
/// </summary>
public static class Scorecard
{
    public static ScorecardView? Of(Role target, ReadinessReport readiness, Statement? manager)
    {
        var parts = target.Promotion?.Scorecard ?? [];
        if (parts.Count == 0) return null;
        var rows = parts.Select(p =>
        {
            double? score = p.Source == "readiness" ? Attainment(readiness)
                : manager?.Scores.TryGetValue(p.Id, out var s) == true ? s : null;
            var text = p.Source == "readiness" ? "badge attainment, computed from readiness"
                : manager is null ? "manager statement (not shared)" : $"manager statement{(manager.By is { } by ? $" by {by}" : "")}";
            return new ScorecardRow(p.Id, p.Name, p.Weight, p.Source, text, score is { } x ? Round(x) : null,
                score is { } y ? Round(y * p.Weight / 100) : null);
        }).ToList();
        var total = rows.All(r => r.Contribution is not null) ? Round(rows.Sum(r => r.Score!.Value * r.Weight / 100)) : (double?)null;
        return new ScorecardView(target.Name, rows, total);
    }

    /// <summary>0–100: the best package's filled slots plus the required badges held, over all of them.</summary>
    public static double Attainment(ReadinessReport r)
    {
        var required = (Held: r.Required.Count(x => x.Held), All: r.Required.Count);
        var packages = r.Packages.Select(p => (Filled: p.Rules.Sum(x => x.Needed - x.Missing), All: p.Rules.Sum(x => x.Needed))).ToList();
        if (packages.Count == 0) packages.Add((0, 0));
        return packages.Max(p => p.All + required.All == 0 ? 100 : 100.0 * (p.Filled + required.Held) / (p.All + required.All));
    }

    private static double Round(double x) => Math.Round(x, 1, MidpointRounding.AwayFromZero);
}
