using CredentialSite.Diagnostics;
using CredentialSite.Model;
using CredentialSite.Privacy;

namespace CredentialSite.Load;

/// <summary>Checks portfolios against the catalog: badges, versions, rubric criteria and levels, roles, evidence files.</summary>
public static class ValidatePortfolios
{
    /// <param name="cancel">As for <see cref="ValidateCatalog.Run"/>.</param>
    /// <param name="asOf">The build's --as-of; default site.yml asOf, else today (UTC), as in <c>Analyze.SiteIndex</c>.</param>
    public static void Run(Catalog catalog, SourceFolder source, DiagnosticBag diags, CancellationToken cancel = default, DateOnly? asOf = null)
    {
        cancel.ThrowIfCancellationRequested();
        var today = asOf ?? catalog.Site.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var badges = catalog.Badges.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var roles = catalog.Ladders.SelectMany(l => l.Roles).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var competencies = catalog.Frameworks.SelectMany(f => f.Competencies).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var p in catalog.Portfolios)
        {
            cancel.ThrowIfCancellationRequested();
            var spans = p.Spans;
            void Role(string? id, string field)
            {
                if (id is not null && !roles.Contains(id))
                    diags.Error(DiagnosticCodes.UnknownReference, spans.At(field), $"unknown role '{id}'", Suggest.Hint(id, roles, "role"));
            }
            Role(p.CurrentRole, "currentRole");
            Role(p.TargetRole, "targetRole");
            ManagerScores(p, catalog, diags);
            ReadinessScope(p, diags);
            File(source, p, p.Photo, spans.At("photo"), diags, UntrustedFiles.PhotoTypes);
            for (var i = 0; i < p.Plan.Count; i++)
            {
                if (p.Plan[i].Competency is { } c && !competencies.Contains(c))
                    diags.Error(DiagnosticCodes.UnknownReference, spans.At($"plan[{i}].competency"), $"unknown competency '{c}'",
                        Suggest.Hint(c, competencies, "competency"));
                if (p.Plan[i].Badge is { } pb && !badges.ContainsKey(pb))
                    diags.Error(DiagnosticCodes.UnknownReference, spans.At($"plan[{i}].badge"), $"unknown badge '{pb}'", Suggest.Hint(pb, badges.Keys, "badge"));
            }
            foreach (var (h, i) in p.History.Select((h, i) => (h, i)))
                if (!roles.Contains(h.Role))
                    diags.Error(DiagnosticCodes.UnknownReference, spans.At($"history[{i}].role"), $"unknown role '{h.Role}'", Suggest.Hint(h.Role, roles, "role"));

            foreach (var ext in p.External)
                File(source, p, ext.Credential, spans.At(ext.SpanPath + ".credential"), diags, published: null); // never published
            foreach (var earned in p.Badges)
            {
                var at = earned.SpanPath;
                File(source, p, earned.Credential, spans.At(at + ".credential"), diags, published: null); // never published
                Revoked(earned, spans, today, diags);
                for (var e = 0; e < earned.Evidence.Count; e++)
                    File(source, p, earned.Evidence[e].File, spans.At($"{at}.evidence[{e}].file"), diags, UntrustedFiles.EvidenceTypes);
                if (!badges.TryGetValue(earned.Badge, out var badge))
                {
                    if (!catalog.UnreadableBadges.Contains(earned.Badge)) // else its file's own errors say why
                        diags.Error(DiagnosticCodes.UnknownReference, spans.At(at + ".badge"), $"unknown badge '{earned.Badge}'",
                        Suggest.Hint(earned.Badge, badges.Keys, "badge"));
                    continue;
                }
                NotOffered(earned, badge, spans.At(at + ".badge"), diags);
                var versions = badge.Governance?.Changelog.Select(c => c.Version).ToList() ?? [];
                if (earned.Version is { } v && versions.Count > 0 && !versions.Contains(v))
                    diags.Warning(DiagnosticCodes.PortfolioUnknownVersion, spans.At(at + ".version"),
                        $"version {v} is not in the changelog of '{badge.Id}'", "known versions: " + string.Join(", ", versions));
                var criteria = badge.Rubric?.Criteria.Select(c => c.Id).ToList() ?? [];
                var levels = badge.Rubric?.Levels.Select(l => l.Id).ToList() ?? [];
                foreach (var (criterion, level) in earned.Results)
                {
                    var path = $"{at}.results.{criterion}";
                    if (!criteria.Contains(criterion))
                        diags.Error(DiagnosticCodes.UnknownReference, spans.At(path), $"'{criterion}' is not a rubric criterion of '{badge.Id}'",
                            Suggest.Hint(criterion, criteria, "criterion"));
                    else if (!levels.Contains(level))
                        diags.Error(DiagnosticCodes.UnknownReference, spans.At(path), $"'{level}' is not a rubric level of '{badge.Id}'",
                            Suggest.Hint(level, levels, "level"));
                }
                for (var e = 0; e < earned.Evidence.Count; e++)
                {
                    var ev = earned.Evidence[e];
                    for (var k = 0; k < ev.Criteria.Count; k++)
                        if (!criteria.Contains(ev.Criteria[k]))
                            diags.Error(DiagnosticCodes.UnknownReference, spans.At($"{at}.evidence[{e}].criteria[{k}]"),
                                $"'{ev.Criteria[k]}' is not a rubric criterion of '{badge.Id}'", Suggest.Hint(ev.Criteria[k], criteria, "criterion"));
                }
            }
        }
    }

    /// <summary>A visible draft or retired badge is shown but never counts toward readiness (Analyze.Readiness.CanCount): say so.</summary>
    private static void NotOffered(EarnedBadge earned, Badge badge, SourceLocation at, DiagnosticBag diags)
    {
        if (earned.IsHidden) return;
        if (badge.IsDraft)
            diags.Warning(DiagnosticCodes.HeldBadgeNotOffered, at, $"'{badge.Id}' is a draft badge: it is not awarded yet and does not count toward readiness",
                "remove the entry until the badge's status is pilot or active (building with --drafts does not make it count)");
        else if (badge.IsRetired)
            diags.Warning(DiagnosticCodes.HeldBadgeNotOffered, at, $"'{badge.Id}' is retired: it is shown as retired and does not count toward readiness",
                "earn the badge that replaces it, or set visibility: hidden to keep it off the site");
    }

    /// <summary>A revocation is a fact about the past: not after asOf, and not before the badge was issued.</summary>
    private static void Revoked(EarnedBadge earned, LocationMap spans, DateOnly asOf, DiagnosticBag diags)
    {
        if (earned.Revoked is not { } r) return;
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var at = spans.At(earned.SpanPath + ".revoked.date");
        if (r.Date > asOf)
            diags.Error(DiagnosticCodes.InvalidValue, at, $"the revocation date {Iso(r.Date)} is after the assessment date {Iso(asOf)}",
                "record a revocation once it has happened; a credential that will lapse on a date is expires:, not revoked:");
        else if (earned.Issued is { } issued && r.Date < issued)
            diags.Error(DiagnosticCodes.InvalidValue, at, $"the revocation date {Iso(r.Date)} is before the badge was issued ({Iso(issued)})",
                "check the date: a credential can only be revoked after it was issued");
    }

    /// <summary>Readiness is made from the target role (profile) and the badges: in scope without them, it cannot be shown.</summary>
    /// <summary>Every part <c>managerStatement.scores</c> names is a <c>manager</c> part of the target role's promotion scorecard.</summary>
    private static void ManagerScores(Portfolio p, Catalog catalog, DiagnosticBag diags)
    {
        if (p.ManagerStatement is not { Scores.Count: > 0 } m) return;
        var role = catalog.Ladders.SelectMany(l => l.Roles).FirstOrDefault(r => r.Id == p.TargetRole);
        var parts = (role?.Promotion?.Scorecard ?? []).Where(x => x.Source == "manager").Select(x => x.Id).ToList();
        foreach (var part in m.Scores.Keys.Where(k => !parts.Contains(k)))
            diags.Error(DiagnosticCodes.UnknownReference, p.Spans.At($"managerStatement.scores.{part}"),
                $"'{part}' is not a manager-scored part of the target role's promotion scorecard",
                parts.Count == 0 ? "the target role's promotion has no scorecard part with source: manager" : Suggest.Hint(part, parts, "part"));
    }

    private static void ReadinessScope(Portfolio p, DiagnosticBag diags)
    {
        if (p.Consent.Allows("readiness") && !Privacy.ApplyConsent.ShowsReadiness(p))
            diags.Warning(DiagnosticCodes.ReadinessScopeIncomplete, p.Spans.At("consent.scope"),
                "consent.scope has readiness but not both profile and badges, which it is made from: readiness is not shown",
                "add profile and badges to consent.scope, or remove readiness");
    }

    /// <summary>
    /// A file named by a portfolio must be a real file inside that portfolio's own folder (a symbolic link is followed
    /// only as far as that folder) and, when it is <paramref name="published"/>, of one of those types, by its bytes too.
    /// </summary>
    private static void File(SourceFolder source, Portfolio p, string? file, SourceLocation at, DiagnosticBag diags, IReadOnlyList<string>? published)
    {
        if (file is null) return;
        var folder = Path.GetFullPath(Path.Combine(source.Root, p.Folder));
        var hint = $"evidence files live inside {p.Folder}/; use a relative path such as evidence/memo.pdf, or url: for a link";
        if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains("..") || file.Contains(':'))
        {
            diags.Error(DiagnosticCodes.EvidenceOutsideFolder, at, $"'{file}' points outside the portfolio folder", hint);
            return;
        }
        var full = Path.GetFullPath(Path.Combine(folder, file));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diags.Error(DiagnosticCodes.EvidenceOutsideFolder, at, $"'{file}' points outside the portfolio folder", hint);
            return;
        }
        // A symbolic link (the file or any folder on its way) could point anywhere: follow it only inside the portfolio.
        if (!SourceFolder.IsInside(full, source.Root))
        {
            diags.Error(DiagnosticCodes.LinkOutsideSource, at, $"'{file}' is a symbolic link that leads outside the source folder",
                "copy the file into the portfolio folder instead of linking to it");
            return;
        }
        if (!SourceFolder.IsInside(full, folder))
        {
            diags.Error(DiagnosticCodes.EvidenceOutsideFolder, at, $"'{file}' is a symbolic link that leads outside the portfolio folder",
                "copy the file into the portfolio folder instead of linking to it");
            return;
        }
        if (!System.IO.File.Exists(SourceFolder.RealPath(full))) // (File.Exists is true for a link to nothing)
        {
            diags.Error(DiagnosticCodes.MissingFile, at, $"the file '{file}' does not exist", hint);
            return;
        }
        if (published is null) return;
        if (UntrustedFiles.Refusal(full, file, published) is { } refusal)
        {
            diags.Error(DiagnosticCodes.UnsafeFileType, at, refusal.Message, refusal.Hint);
            return;
        }
        if (Path.GetExtension(full).Equals(".svg", StringComparison.OrdinalIgnoreCase)
            && SafeSvg.Sanitize(System.IO.File.ReadAllBytes(full)) is { Removed.Count: > 0 } svg)
            diags.Warning(DiagnosticCodes.ActiveContentRemoved, at, $"'{file}' is published without what could run or load content: "
                + string.Join(", ", svg.Removed.Take(5)) + (svg.Removed.Count > 5 ? $" and {svg.Removed.Count - 5} more" : ""),
                "the site publishes SVG images without scripts, event handlers, animations, links or external references");
    }
}
