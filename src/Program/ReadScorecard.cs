using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Program;

/// <summary>
/// A promotion's <c>scorecard:</c> (ladder files): weighted parts, each scored from readiness (badge attainment) or
/// from the portfolio's manager statement. Weights are checked where they are written (<c>CS0021</c>).
/// </summary>
public static class ReadScorecard
{
    public static IReadOnlyList<ScorecardPart> Read(YamlFields p, DiagnosticBag diags)
    {
        if (!p.Has("scorecard")) return [];
        var parts = p.List("scorecard", s =>
        {
            var id = s.Text("part", required: true);
            var name = s.Text("name");
            var weight = s.Number("weight", required: true, min: 0, max: 100);
            var source = s.Enum("source", Vocabulary.ScorecardSources, required: true);
            if (weight is <= 0)
                diags.Error(DiagnosticCodes.ScorecardWeights, s.LocationOf("weight"), $"the scorecard part '{id}' has weight 0",
                    "give every part a weight above 0, or remove the part");
            return id is null || weight is null || source is null ? null : new ScorecardPart(id, name ?? id, weight.Value, source) { At = s.LocationOf("part") };
        });
        foreach (var twice in parts.GroupBy(x => x.Id).Where(g => g.Count() > 1))
            diags.Error(DiagnosticCodes.ScorecardWeights, twice.Last().At!, $"the scorecard names the part '{twice.Key}' twice",
                "name each part once (part ids are what managerStatement.scores refers to)");
        var sum = parts.Sum(x => x.Weight);
        if (parts.Count > 0 && Math.Abs(sum - 100) > 1e-9)
            diags.Error(DiagnosticCodes.ScorecardWeights, p.LocationOf("scorecard"),
                $"the scorecard's weights add up to {sum.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not 100",
                "weights are percentages of the combined score: make them add up to 100");
        return parts;
    }
}
