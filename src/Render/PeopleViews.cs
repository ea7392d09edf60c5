using System.Globalization;
using CredentialSite.Analyze;
using CredentialSite.Model;

namespace CredentialSite.Render;

public sealed record PersonCard(string Id, string Name, string? Headline, RoleRef? Current, RoleRef? Target, int BadgeCount, bool? Ready, string Url);

public sealed record NamedRef(string Id, string Name, string? Url);

public sealed record ResultView(string Criterion, string Level, bool Passes);

public sealed record MetricView(Metric Metric, string Before, string After, string Change, string? Title, RawHtml? Chart, string? Verdict);

public sealed record AttestationView(PortfolioEvidence Evidence, IReadOnlyList<ResultView> Criteria);

public sealed record ArtifactView(PortfolioEvidence Evidence, string? Href);

public sealed record EarnedView(
    EarnedBadge Earned, string Name, BadgeCard? Card, HeldBadge Judged, IReadOnlyList<ResultView> Results,
    IReadOnlyList<ArtifactView> Artifacts, IReadOnlyList<MetricView> Metrics, IReadOnlyList<PortfolioEvidence> Quotes,
    IReadOnlyList<AttestationView> Attestations, string? CredentialUrl, SignedView? Signed = null, ImportedView? Imported = null);

/// <summary>
/// The build's verdict on a credential the person brought (<c>credential:</c> or <c>external:</c>; src/Verify): what was
/// checked on <see cref="On"/> (the build's asOf), and what could not be. Its texts come from an untrusted file.
/// </summary>
public sealed record ImportedView(Verify.CredentialCheck Check, DateOnly On)
{
    public bool Verified => Check.Outcome == Verify.CredentialCheck.Verified;
    public bool Hosted => Check.Outcome == Verify.CredentialCheck.Hosted;
    public bool Failed => Check.Outcome == Verify.CredentialCheck.Failed;
    public string Issuer => Check.IssuerName is { } n ? $"{n} ({Check.IssuerId})" : Check.IssuerId ?? "an unknown issuer";
}

/// <summary>A credential this build signed: by whom, its id, and its VC-JWT.</summary>
public sealed record SignedView(string IssuerName, string CredentialId, string JwtUrl);

public sealed record RuleResultView(RuleResult Rule, IReadOnlyList<NamedRef> Assigned, IReadOnlyList<NamedRef> Candidates, int CandidateCount);

public sealed record PackageResultView(PackageResult Package, IReadOnlyList<RuleResultView> Rules);

public sealed record ReadinessView(ReadinessReport Report, RoleRef Target, IReadOnlyList<PackageResultView> Packages,
    IReadOnlyList<NamedRef> RequiredHeld, IReadOnlyList<NamedRef> RequiredMissing, IReadOnlyList<NamedRef> ExpiringBeforeWindow,
    DateOnly AsOf, DateOnly? Window);

public sealed record PlanView(PlanItem Item, NamedRef? Competency);

public sealed record PortfolioPageView(Portfolio Person, PersonCard Card, string? PhotoUrl, ReadinessView? Readiness,
    IReadOnlyList<EarnedView> Badges, IReadOnlyList<PlanView> Plan, string Url, string DossierUrl, PersonSummary Summary,
    [property: System.Text.Json.Serialization.JsonIgnore] Lazy<IReadOnlyList<PrintLink>> MakePrintLinks,
    Program.ScorecardView? Scorecard = null)
{
    /// <summary>
    /// The dossier's links for paper, made when a template first reads them (the person page never does). They follow
    /// from <see cref="Badges"/> and the site's address, which the page's cache key already holds.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PrintLink> PrintLinks => MakePrintLinks.Value;

    /// <summary>The verified <c>external:</c> credentials (only when <c>badges</c> is in the consent scope).</summary>
    public IReadOnlyList<ImportedView> External { get; init; } = [];
}

public sealed record CompetencyDiff(NamedRef Competency, string? FromLevel, string? ToLevel, string Change);

public sealed record ComparisonView(RoleRef From, RoleRef To, IReadOnlyList<CompetencyDiff> Competencies,
    IReadOnlyList<BadgeCard> CarriedOver, IReadOnlyList<BadgeCard> NewlyRequired, IReadOnlyList<BadgeCard> Recommended,
    IReadOnlyList<PackageView> Packages, bool IsPromotion, string Url);

public sealed partial class ViewBuilder
{
    public static string PersonUrl(string id) => $"people/{id}/";

    public static string CredentialPath(string personId, string badgeId) => $"people/{personId}/credentials/{badgeId}.json";

    /// <summary>The credential as a VC-JWT, beside its JSON, when the build signs for its issuer.</summary>
    public static string CredentialJwtPath(string personId, string badgeId) => $"people/{personId}/credentials/{badgeId}.jwt";

    private NamedRef BadgeRef(string id) =>
        CardOf(id) is { } c ? new NamedRef(id, c.Name, c.Url)
        : new NamedRef(id, _ix.AllBadgesById.TryGetValue(id, out var b) ? b.Name : id, null);

    public PersonCard Person(Portfolio p) =>
        new(p.Id, p.Name, p.Headline,
            p.CurrentRole is { } c && _roles.TryGetValue(c, out var cr) ? cr : null,
            p.TargetRole is { } t && _roles.TryGetValue(t, out var tr) ? tr : null,
            p.Badges.Count(b => !b.IsRevoked(_ix.AsOf)), _ix.Readiness.TryGetValue(p.Id, out var r) ? r.Ready : null, PersonUrl(p.Id));

    public PortfolioPageView Portfolio(Portfolio p)
    {
        var card = Person(p);
        ReadinessView? readiness = null;
        if (_ix.Readiness.TryGetValue(p.Id, out var report) && card.Target is { } target)
        {
            var packages = report.Packages.Select(pk => new PackageResultView(pk, pk.Rules.Select(rule =>
                new RuleResultView(rule, rule.Assigned.Select(BadgeRef).ToList(), rule.Candidates.Take(MaxListed).Select(BadgeRef).ToList(), rule.Candidates.Count)).ToList())).ToList();
            readiness = new ReadinessView(report, target, packages,
                report.Required.Where(r => r.Held).Select(r => BadgeRef(r.BadgeId)).ToList(),
                report.Required.Where(r => !r.Held).Select(r => BadgeRef(r.BadgeId)).ToList(),
                report.Held.Where(h => h.ExpiresBeforeWindow).Select(h => BadgeRef(h.BadgeId)).ToList(),
                _ix.AsOf, _ix.Site.PromotionWindow);
        }
        var badges = p.Badges.Select(e => Earned(p, e)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var plan = p.Plan.Select(i => new PlanView(i, i.Competency is { } c && _ix.CompetenciesById.TryGetValue(c, out var comp)
            ? new NamedRef(c, comp.Name, $"competencies/{c}/") : null)).ToList();
        // The scorecard is a verdict on the person, like readiness: shown only where readiness is (and so consented).
        var scorecard = report is not null && p.TargetRole is { } t && _ix.RolesById.TryGetValue(t, out var role)
            ? Program.Scorecard.Of(role, report, p.ManagerStatement) : null;
        return new PortfolioPageView(p, card, p.Photo is null ? null : $"people/{p.Id}/{p.Photo}", readiness, badges, plan,
            PersonUrl(p.Id), PersonUrl(p.Id) + "dossier/", PersonSummary(p, readiness, badges), new(() => PrintLinks(badges)), scorecard)
        {
            External = p.External.Select(x => Imported(p, x.SpanPath)).OfType<ImportedView>().ToList(),
        };
    }

    private EarnedView Earned(Portfolio p, EarnedBadge e)
    {
        var badge = _ix.AllBadgesById.GetValueOrDefault(e.Badge);
        var judged = Readiness.Judge(e, _ix.AllBadgesById, _ix.AsOf, _ix.Site.PromotionWindow);
        var rubric = badge?.Rubric;
        ResultView Result(string criterion, string? level)
        {
            var c = rubric?.Criteria.FirstOrDefault(x => x.Id == criterion);
            var levels = rubric?.Levels.Select(l => l.Id).ToList() ?? [];
            var required = c?.RequiredLevel ?? rubric?.RequiredLevel;
            var passes = level is not null && required is not null && levels.IndexOf(level) >= levels.IndexOf(required) && levels.IndexOf(level) >= 0;
            return new ResultView(c?.Name ?? criterion, rubric?.Levels.FirstOrDefault(l => l.Id == level)?.Name ?? level ?? "", passes);
        }
        var results = e.Results.Select(r => Result(r.Key, r.Value)).ToList();
        var artifacts = e.Evidence.Where(x => x.Type == "artifact")
            .Select(x => new ArtifactView(x, x.File is { } f ? $"people/{p.Id}/{f}" : x.Url)).ToList();
        var metrics = e.Evidence.Where(x => x.Type == "metric" && x.Metric is not null).Select((x, i) => MetricOf(x, $"metric-{e.Badge}-{i + 1}")).ToList();
        var quotes = e.Evidence.Where(x => x.Type == "quote").ToList();
        var attestations = e.Evidence.Where(x => x.Type == "attestation")
            .Select(x => new AttestationView(x, x.Criteria.Select(c => Result(c, e.Results.FirstOrDefault(r => r.Key == c).Value)).ToList())).ToList();
        var credential = badge is not null && e.Issued is not null && _ix.BadgesById.ContainsKey(e.Badge) ? CredentialPath(p.Id, e.Badge) : null;
        SignedView? signed = null;
        if (credential is not null && _signer is not null && _signer.Signs(badge!.Issuer))
            signed = new SignedView(_ix.IssuersById[badge.Issuer].Name, _ix.Site.AbsoluteUrl(credential), CredentialJwtPath(p.Id, e.Badge));
        return new EarnedView(e, badge?.Name ?? e.Badge, CardOf(e.Badge), judged, results, artifacts, metrics, quotes,
            attestations, credential, signed, Imported(p, e.SpanPath));
    }

    private ImportedView? Imported(Portfolio p, string path) =>
        _ix.Imported.Get(p.Id, path) is { } check ? new ImportedView(check, _ix.AsOf) : null;

    private static MetricView MetricOf(PortfolioEvidence x, string chartId)
    {
        var m = x.Metric!;
        string N(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
        var change = "";
        if (m.Before is { } b && m.After is { } a)
        {
            var diff = a - b;
            change = (diff >= 0 ? "+" : "−") + Math.Abs(diff).ToString("0.##", CultureInfo.InvariantCulture) + (m.Unit is null ? "" : " " + m.Unit);
            if (b != 0) change += $" ({(diff >= 0 ? "+" : "−")}{Math.Abs(diff / b * 100):0.#}%)";
        }
        var verdict = m.Series.Count >= 2 ? Charts.Series.Judge(m.Series[0].Value, m.Series[^1].Value, m.Better)
            : m.Before is { } b1 && m.After is { } a1 ? Charts.Series.Judge(b1, a1, m.Better) : null;
        return new MetricView(m, N(m.Before), N(m.After), change, x.Title, MetricChart(m, chartId), verdict);
    }

    public IReadOnlyList<PersonCard> People() => _ix.People.Select(Person).ToList();

    private IReadOnlyList<(Role From, Role To, bool IsPromotion)>? _pairs;

    /// <summary>Pairs of roles to compare: adjacent roles of each ladder, and every promotion's from → to (computed once).</summary>
    public IReadOnlyList<(Role From, Role To, bool IsPromotion)> ComparisonPairs() => _pairs ??= FindComparisonPairs();

    private IReadOnlyList<(Role From, Role To, bool IsPromotion)> FindComparisonPairs()
    {
        var pairs = new SortedDictionary<string, (Role, Role, bool)>(StringComparer.Ordinal);
        foreach (var l in _ix.Ladders)
        {
            var ordered = l.Roles.OrderBy(r => r.Level).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
                pairs[$"{ordered[i].Id}|{ordered[i + 1].Id}"] = (ordered[i], ordered[i + 1], ordered[i + 1].Promotion?.From.Contains(ordered[i].Id) == true);
        }
        foreach (var to in _ix.RolesById.Values)
            foreach (var from in to.Promotion?.From ?? [])
                if (_ix.RolesById.TryGetValue(from, out var f)) pairs[$"{f.Id}|{to.Id}"] = (f, to, true);
        return pairs.Values.ToList();
    }

    public static string ComparisonUrl(string from, string to) => $"compare/{from}--{to}/";

    public ComparisonView Compare(Role from, Role to, bool isPromotion)
    {
        var fromLevels = from.Competencies.ToDictionary(c => c.Competency, c => c.Level);
        var toLevels = to.Competencies.ToDictionary(c => c.Competency, c => c.Level);
        string Order(string id) => _ix.CompetenciesById.TryGetValue(id, out var c) ? c.Name : id;
        int Rank(string comp, string? level)
        {
            if (level is null || !_ix.CompetenciesById.TryGetValue(comp, out var c)) return -1;
            return _ix.FrameworksById[c.FrameworkId].Levels.ToList().IndexOf(level);
        }
        var diffs = fromLevels.Keys.Union(toLevels.Keys).OrderBy(Order, StringComparer.Ordinal).Select(id =>
        {
            var f = fromLevels.GetValueOrDefault(id);
            var t = toLevels.GetValueOrDefault(id);
            var change = !fromLevels.ContainsKey(id) ? "new" : !toLevels.ContainsKey(id) ? "no longer listed"
                : Rank(id, t) > Rank(id, f) ? "raised" : Rank(id, t) < Rank(id, f) ? "lowered" : "carries over";
            var name = _ix.CompetenciesById.TryGetValue(id, out var c) ? c.Name : id;
            return new CompetencyDiff(new NamedRef(id, name, $"competencies/{id}/"), f, t, change);
        }).ToList();
        var carried = CardsById(to.RequiredBadges.Where(from.RequiredBadges.Contains));
        var added = CardsById(to.RequiredBadges.Where(b => !from.RequiredBadges.Contains(b)));
        var recommended = CardsById(to.OptionalBadges);
        return new ComparisonView(_roles[from.Id], _roles[to.Id], diffs, carried, added, recommended,
            Role(to).Packages, isPromotion, ComparisonUrl(from.Id, to.Id));
    }
}
