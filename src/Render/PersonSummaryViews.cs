using CredentialSite.Analyze;
using CredentialSite.Charts;
using CredentialSite.Model;

namespace CredentialSite.Render;

/// <summary>An earned badge in a summary: its state and how a verifier can check it (signed, unsigned or revoked).</summary>
public sealed record CredentialLine(string Name, string? Url, string State, string Verification, string VerificationClass);

/// <summary>
/// What a person page and page 1 of the dossier open with (issue 17): readiness in plain words, the top metrics, the
/// credentials with their verification state, and the earned-badges timeline.
/// </summary>
/// <summary>A metric shown in a summary, with its own chart (its id differs from the chart beside its badge).</summary>
public sealed record TopMetric(MetricView View, RawHtml? Chart);

public sealed record PersonSummary(string? Readiness, IReadOnlyList<TopMetric> TopMetrics, IReadOnlyList<CredentialLine> Credentials, RawHtml? Timeline);

public sealed partial class ViewBuilder
{
    /// <summary>How many metrics the summary shows (the rest stay with their badges).</summary>
    public const int TopMetricCount = 3;

    private PersonSummary PersonSummary(Portfolio p, ReadinessView? readiness, IReadOnlyList<EarnedView> badges)
    {
        var credentials = badges.Select(e => new CredentialLine(e.Name, e.Card?.Url, e.Judged.StateText,
            e.Judged.Revoked is { } r ? $"revoked on {TemplateFunctions.FormatDate(r.Date)}"
            : e.Signed is { } s ? $"signed by {s.IssuerName}"
            : e.CredentialUrl is not null ? "unsigned" : "no credential",
            e.Judged.Revoked is not null ? "state-revoked" : e.Signed is not null ? "state-valid" : "state-unsigned")).ToList();
        var metrics = badges.SelectMany(e => e.Metrics).OrderByDescending(m => m.Chart is not null).Take(TopMetricCount)
            .Select((m, i) => new TopMetric(m, MetricChart(m.Metric, $"top-metric-{i + 1}"))).ToList();
        var items = badges.Where(e => e.Judged.Issued is not null).Select(e =>
        {
            var renewable = _ix.AllBadgesById.GetValueOrDefault(e.Earned.Badge)?.Renewal?.Method is { } m && m != "none";
            return new TimelineItem(e.Name, e.Judged.Issued!.Value, e.Judged.Expires, renewable ? e.Judged.Expires : null, e.Judged.State);
        }).OrderBy(i => i.Issued).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        var timeline = items.Count == 0 ? null
            : new RawHtml(Timeline.Chart("badge-timeline", $"Earned badges of {p.Name} over time", items, _ix.AsOf, _ix.Site.PromotionWindow));
        return new PersonSummary(readiness is null ? null : ReadinessWords(readiness), metrics, credentials, timeline);
    }

    /// <summary>"Ready for Staff Engineer: the Technical leadership package is met." or what is closest and what it misses.</summary>
    private static string ReadinessWords(ReadinessView r)
    {
        var report = r.Report;
        var missingRequired = r.RequiredMissing.Count;
        var required = missingRequired == 0 ? "" : $" {missingRequired} required badge{(missingRequired == 1 ? " is" : "s are")} missing.";
        if (report.Packages.Count == 0) return (report.Ready ? $"Ready for {r.Target.Name}." : $"Not yet ready for {r.Target.Name}.") + required;
        var met = report.Packages.Where(p => p.Met).Select(p => p.Name).ToList();
        if (report.Ready) return $"Ready for {r.Target.Name}: {Words.List(met)} {(met.Count == 1 ? "package is" : "packages are")} met.";
        var closest = report.Packages.OrderBy(p => p.Missing).ThenBy(p => p.Name, StringComparer.Ordinal).First();
        return $"Not yet ready for {r.Target.Name}." + required
            + (met.Count > 0 ? $" {Words.List(met)} {(met.Count == 1 ? "package is" : "packages are")} met." : "")
            + (closest.Missing > 0 ? $" Closest package: {closest.Name}, {closest.Missing} badge{(closest.Missing == 1 ? "" : "s")} missing." : "");
    }

    private static RawHtml? MetricChart(Metric m, string id) =>
        m.Series.Count < 2 ? null
        : new RawHtml(Series.Chart(id, m.Name, m.Unit, m.Series.Select(p => new DatedValue(p.Date, p.Value)).ToList(), m.Better));
}

/// <summary>A link of the printed dossier: what it is, its absolute address, and its QR code.</summary>
public sealed record PrintLink(string Label, string Url, RawHtml Qr);

public sealed partial class ViewBuilder
{
    /// <summary>The credentials and artifacts of a dossier, with absolute addresses and QR codes, for paper.</summary>
    private IReadOnlyList<PrintLink> PrintLinks(IReadOnlyList<EarnedView> badges)
    {
        var links = new List<PrintLink>();
        void Add(string label, string href)
        {
            var url = href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) ? href : _ix.Site.AbsoluteUrl(href);
            links.Add(new PrintLink(label, url, new RawHtml(QrCode.Svg(url))));
        }
        foreach (var e in badges)
        {
            if (e.CredentialUrl is { } c) Add($"{e.Name}: credential", c);
            foreach (var a in e.Artifacts)
                if (a.Href is { } h) Add($"{e.Name}: {a.Evidence.Title ?? "artifact"}", h);
        }
        return links;
    }
}
