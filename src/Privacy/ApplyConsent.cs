using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Privacy;

/// <summary>
/// The privacy line, enforced in this one place, before anything is indexed or rendered:
/// <list type="bullet">
/// <item>without <c>consent.publish: true</c> (or without a <c>consent:</c> block) a person does not exist for the rest
/// of the build;</item>
/// <item><c>private:</c> was never read (see <see cref="LoadPortfolios"/>);</item>
/// <item>every section outside <c>consent.scope</c> is removed;</item>
/// <item>badges with <c>visibility: hidden</c> are removed (neither shown nor counted);</item>
/// <item>readiness, which is derived rather than written, is computed only for people <see cref="ShowsReadiness"/> says.</item>
/// </list>
/// Later stages only ever see the result, so no page, index, feed or JSON can leak what was dropped.
/// Scope sections: <c>profile</c> (headline, photo, current and target role), <c>badges</c> (earned
/// badges with rubric results), <c>evidence</c> (artifacts and quotes), <c>metrics</c>,
/// <c>attestations</c> (attestations and the manager statement), <c>managerStatement</c> (the manager statement alone), <c>reflections</c>, <c>plan</c>, <c>readiness</c>
/// (the verdict for the target role, which also needs <c>profile</c> and <c>badges</c>).
/// The name is published whenever <c>publish</c> is true.
/// </summary>
public static class ApplyConsent
{
    /// <param name="audience">A panel build (for a private host) also keeps the sections of <c>consent.panelScope</c>;
    /// the public build never does.</param>
    public static Catalog Run(Catalog catalog, Audience audience = Audience.Public) =>
        catalog with
        {
            Portfolios = catalog.Portfolios.Where(p => p.Consent.Publish)
                .Select(p => audience == Audience.Panel ? PanelFiltered.Get(p, x => Filter(x with { Consent = x.Consent.ForPanel() }))
                    : Filtered.Get(p, Filter)).ToList(),
        };

    /// <summary>
    /// Whether the person's readiness for their target role may be published: it is personal (a verdict on the person),
    /// so it needs <c>readiness</c> in scope, and it is made from the target role (<c>profile</c>) and the badges.
    /// </summary>
    public static bool ShowsReadiness(Portfolio p) => p.Consent.Allows("readiness") && p.Consent.Allows("profile") && p.Consent.Allows("badges");

    // The filtered record depends on its portfolio alone: an unchanged portfolio (serve) keeps the same filtered record,
    // so what later stages keep per record keeps too.
    private static readonly Analyze.RecordMemo<Portfolio, Portfolio> Filtered = new(), PanelFiltered = new();

    public static Portfolio Filter(Portfolio p)
    {
        var scope = p.Consent;
        var profile = scope.Allows("profile");
        var badges = scope.Allows("badges")
            ? p.Badges.Where(b => !b.IsHidden).Select(b => FilterBadge(b, scope)).ToList()
            : [];
        return p with
        {
            Headline = profile ? p.Headline : null,
            Photo = profile ? p.Photo : null,
            PhotoAlt = profile ? p.PhotoAlt : null,
            CurrentRole = profile ? p.CurrentRole : null,
            TargetRole = profile ? p.TargetRole : null,
            History = profile ? p.History : [],
            Badges = badges,
            // External credentials are badges from elsewhere: the same consent. Only the build's verdict is shown (by
            // SpanPath); the file itself is never republished.
            External = scope.Allows("badges") ? p.External : [],
            ManagerStatement = scope.Allows("attestations") || scope.Allows("managerStatement") ? p.ManagerStatement : null,
            Plan = scope.Allows("plan") ? p.Plan : [],
        };
    }

    private static EarnedBadge FilterBadge(EarnedBadge b, Consent scope) => b with
    {
        // An imported credential file is the holder's own document and may carry identifiers: never republished.
        Credential = null,
        Evidence = b.Evidence.Where(e => e.Type switch
        {
            "artifact" or "quote" => scope.Allows("evidence"),
            "metric" => scope.Allows("metrics"),
            "attestation" => scope.Allows("attestations"),
            _ => false,
        }).ToList(),
        Reflection = scope.Allows("reflections") ? b.Reflection : null,
    };
}
