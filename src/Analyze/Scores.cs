using CredentialSite.Model;

namespace CredentialSite.Analyze;

/// <summary>One line of a score's breakdown, shown on the site so that no score is a bare number.</summary>
public sealed record ScoreRow(string Key, string Name, string Answer, double Weight, double Credit, double Points, string Explanation);

public sealed record Score(double Value, string Band, IReadOnlyList<ScoreRow> Rows)
{
    public string Display => Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The two scores of the catalog format, computed exactly as docs/catalog-format.md "Scores" documents.</summary>
public static class Scores
{
    /// <summary>Issuer vetting: weighted share of checks met (yes 1, partial 0.5, no or missing 0), 0-100.</summary>
    public static Score Vetting(Issuer issuer, SiteConfig site)
    {
        var weights = Vocabulary.VettingChecks
            .Select(c => (c.Key, Weight: site.VettingWeights.TryGetValue(c.Key, out var w) ? w : c.Value))
            .ToList();
        var total = weights.Sum(w => w.Weight);
        var rows = new List<ScoreRow>();
        double sum = 0;
        foreach (var (key, weight) in weights)
        {
            string? answer = null;
            issuer.Vetting?.Checks.TryGetValue(key, out answer);
            var credit = answer switch { "yes" => 1.0, "partial" => 0.5, _ => 0.0 };
            var points = total > 0 ? weight * credit / total * 100 : 0;
            sum += points;
            rows.Add(new ScoreRow(key, Vocabulary.VettingCheckNames[key], answer ?? "not reviewed", weight, credit, Math.Round(points, 1),
                answer is null ? "not reviewed, counts as no" : $"{answer}: {credit:0.#} × weight {weight:0.#}"));
        }
        var value = Math.Round(sum, 1);
        return new Score(value, value >= 80 ? "strong" : value >= 60 ? "moderate" : "weak", rows);
    }

    /// <summary>
    /// Assessment rigor: strongest method's weight × 70, +10 if any method is calibrated, +10 if any method
    /// uses 2+ assessors, +10 if the rubric has 3+ criteria and a required level; capped at 100.
    /// </summary>
    public static Score Rigor(Badge badge, SiteConfig site)
    {
        double WeightOf(string method) =>
            site.RigorMethods.TryGetValue(method, out var w) ? w : Vocabulary.MethodsById.TryGetValue(method, out var m) ? m.Weight : 0;

        var rows = new List<ScoreRow>();
        var strongest = badge.Assessment.OrderByDescending(a => WeightOf(a.Method)).ThenBy(a => a.Method, StringComparer.Ordinal).FirstOrDefault();
        var baseWeight = strongest is null ? 0 : WeightOf(strongest.Method);
        var methodName = strongest is null ? "none" : Vocabulary.MethodsById[strongest.Method].Name;
        rows.Add(new ScoreRow("method", "Strongest method", methodName, 70, baseWeight, Math.Round(baseWeight * 70, 1),
            strongest is null ? "no assessment method" : $"{methodName}: weight {baseWeight:0.##} × 70"));
        var calibrated = badge.Assessment.Any(a => a.Calibrated);
        rows.Add(new ScoreRow("calibrated", "Calibrated assessors", calibrated ? "yes" : "no", 10, calibrated ? 1 : 0, calibrated ? 10 : 0,
            calibrated ? "at least one method calibrates assessors against anchor samples" : "no method is calibrated"));
        var multi = badge.Assessment.Any(a => a.Assessors >= 2);
        rows.Add(new ScoreRow("assessors", "Two or more assessors", multi ? "yes" : "no", 10, multi ? 1 : 0, multi ? 10 : 0,
            multi ? "at least one method uses 2 or more independent assessors" : "every method uses a single assessor"));
        var rubric = badge.Rubric;
        var hasRequired = rubric is not null && (rubric.RequiredLevel is not null || (rubric.Criteria.Count > 0 && rubric.Criteria.All(c => c.RequiredLevel is not null)));
        var strongRubric = rubric is not null && rubric.Criteria.Count >= 3 && hasRequired;
        rows.Add(new ScoreRow("rubric", "Rubric with 3+ criteria and a passing level", strongRubric ? "yes" : "no", 10, strongRubric ? 1 : 0, strongRubric ? 10 : 0,
            rubric is null ? "no rubric" : $"{rubric.Criteria.Count} criteria, " + (hasRequired ? "passing level set" : "no passing level")));
        var value = Math.Round(Math.Min(100, rows.Sum(r => r.Points)), 1);
        return new Score(value, value >= 80 ? "high" : value >= 60 ? "medium" : "low", rows);
    }
}
