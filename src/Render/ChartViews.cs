using CredentialSite.Analyze;
using CredentialSite.Charts;
using CredentialSite.Model;

namespace CredentialSite.Render;

/// <summary>A badge page's summary card: the facts a reader wants first, and its charts (issue 17).</summary>
public sealed record BadgeSummary(string Renewal, IReadOnlyList<string> Methods, RawHtml RigorChart, RawHtml? Pathway);

public sealed partial class ViewBuilder
{
    /// <summary>Score rows as the parts of a stacked bar (each factor's points out of its weight).</summary>
    internal static IReadOnlyList<BarPart> Parts(Score score) =>
        score.Rows.Select(r => new BarPart(r.Name, r.Points, r.Weight, r.Answer)).ToList();

    private BadgeSummary Summary(Badge b, Score rigor)
    {
        var before = CardsById(b.Prerequisites).Concat(CardsOf(_ix.StackedFrom[b.Id])).Select(c => c.Name).Distinct().ToList();
        var after = CardsById(b.StacksInto).Concat(CardsOf(_ix.UnlockedBy[b.Id])).Select(c => c.Name).Distinct().ToList();
        var pathway = before.Count + after.Count == 0 ? null : new RawHtml(Pathway.Chart("pathway", b.Name, before, after));
        return new BadgeSummary(RenewalShort(b.Renewal),
            b.Assessment.Select(a => Vocabulary.MethodsById[a.Method].Name).Distinct().ToList(),
            new RawHtml(Bars.Stacked("rigor-chart", $"What makes up the rigor score of {b.Name}: {rigor.Display} of 100", Parts(rigor), 100, "points")),
            pathway);
    }

    /// <summary>The renewal policy in a few words: "Valid 3 years, renew by reassessment".</summary>
    public static string RenewalShort(Renewal? r)
    {
        var method = r?.Method is { } m && m != "none" ? $"renew by {Words.Title(m).ToLowerInvariant()}" : r?.Method == "none" ? "not renewable" : null;
        var valid = r?.ValidFor is null ? "Does not expire" : $"Valid {r.ValidFor.ToWords()}";
        return method is null ? valid : $"{valid}, {method}";
    }

    /// <summary>An issuer's vetting scorecard: each check's points against its share of the 100.</summary>
    public static RawHtml VettingChart(Issuer issuer, Score vetting)
    {
        var total = vetting.Rows.Sum(r => r.Weight);
        var items = vetting.Rows.Select(r => new BarPart(r.Name, r.Points, total <= 0 ? 0 : Math.Round(r.Weight / total * 100, 1), r.Answer)).ToList();
        return new(Bars.PerItem("vetting-chart", $"Vetting scorecard of {issuer.Name}: {vetting.Display} of 100, {vetting.Band}", items, "points"));
    }
}

/// <summary>A ladder's maps: roles × badges and roles × competencies (issue 17).</summary>
public sealed record LadderCharts(RawHtml? Badges, RawHtml? Competencies);

public sealed partial class ViewBuilder
{
    /// <summary>Rows of the role-by-badge map are the badges a role of the ladder requires, recommends or names in a package, by tier.</summary>
    private LadderCharts LadderMaps(Ladder l, IReadOnlyList<Role> roles)
    {
        var columns = roles.Select(r => r.Name).ToList();
        var named = roles.SelectMany(r => r.RequiredBadges.Concat(r.OptionalBadges)
                .Concat((r.Promotion?.Packages ?? []).SelectMany(p => p.Rules.SelectMany(rule => rule.All.Concat(rule.Of)))))
            .Distinct().Select(CardOf).OfType<BadgeCard>().ToList();
        var badgeRows = TierByTier(named).Select(card => (Label: $"{card.Name} ({Words.Title(card.Tier)})", Cells: (IReadOnlyList<MatrixCell?>)roles.Select(r =>
            r.RequiredBadges.Contains(card.Id) ? new MatrixCell("R", 4, "required")
            : r.OptionalBadges.Contains(card.Id) ? new MatrixCell("O", 2, "recommended")
            : (r.Promotion?.Packages ?? []).Any(p => p.Rules.Any(rule => CountsToward(rule, card.Id))) ? new MatrixCell("P", 1, "counts toward a promotion package")
            : null).ToList())).ToList();
        var badges = badgeRows.Count == 0 ? null : new RawHtml(Matrix.Chart("ladder-badges", $"Badges by role in {l.Name}", "Badge", columns, badgeRows,
            "R required (darkest), O recommended, P counts toward a promotion package, empty: not asked for."));
        var levels = _ix.FrameworksById.Values.SelectMany(f => f.Levels).Distinct().ToList();
        var comps = roles.SelectMany(r => r.Competencies.Select(c => c.Competency)).Distinct()
            .OrderBy(id => _ix.CompetenciesById.GetValueOrDefault(id)?.Cluster, StringComparer.Ordinal)
            .ThenBy(id => _ix.CompetenciesById.GetValueOrDefault(id)?.Name ?? id, StringComparer.Ordinal).ToList();
        var compRows = comps.Select(id => (Label: _ix.CompetenciesById.GetValueOrDefault(id)?.Name ?? id, Cells: (IReadOnlyList<MatrixCell?>)roles.Select(r =>
        {
            var level = r.Competencies.FirstOrDefault(c => c.Competency == id)?.Level;
            if (level is null) return null;
            var rank = LevelRank(id, level);
            return new MatrixCell(level.Length > 0 ? char.ToUpperInvariant(level[0]).ToString() : "?", rank, level);
        }).ToList())).ToList();
        var competencies = compRows.Count == 0 ? null : new RawHtml(Matrix.Chart("ladder-competencies", $"Expected competency levels by role in {l.Name}", "Competency", columns, compRows,
            "Each cell shows the first letter of the expected level; darker means a higher level."));
        return new LadderCharts(badges, competencies);
    }

    /// <summary>Whether a published badge counts toward a rule (asked badge by badge: a large catalog's rules accept thousands).</summary>
    private bool CountsToward(PromotionRule rule, string badgeId) =>
        _ix.BadgesById.TryGetValue(badgeId, out var b) && Readiness.CanCount(b) && Rules.Accepts(rule, b, _ix.CompetenciesById);

    /// <summary>A level's shade (1–4) from its place in its framework's levels, lowest first.</summary>
    private int LevelRank(string competency, string level)
    {
        var levels = _ix.CompetenciesById.TryGetValue(competency, out var c) && _ix.FrameworksById.TryGetValue(c.FrameworkId, out var f) ? f.Levels : [];
        var i = levels.ToList().IndexOf(level);
        return i < 0 || levels.Count == 0 ? 1 : 1 + (int)Math.Round(i * 3.0 / Math.Max(1, levels.Count - 1));
    }
}
