using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>
/// Opt-in portfolios: input/portfolios/&lt;id&gt;/portfolio.yml. Every portfolio is read and checked
/// (its author needs the diagnostics), but <c>private:</c> is skipped unread: nothing under it is
/// ever held in memory, so nothing under it can reach the output. What else may be published is
/// decided in one place, <see cref="Privacy.ApplyConsent"/>.
/// </summary>
public static class LoadPortfolios
{
    public static IReadOnlyList<Portfolio> Run(SourceFolder source, DiagnosticBag diags, ParsedFiles? parsed = null, SharedStrings? strings = null)
    {
        if (!Directory.Exists(source.Portfolios) || !source.MayRead(source.Portfolios, diags)) return [];
        // A portfolio folder (or its portfolio.yml) that is a link leading out of the source is reported, never read.
        var folders = Directory.EnumerateDirectories(source.Portfolios).Order(StringComparer.Ordinal)
            .Where(folder => source.MayReadEntry(folder, diags)).ToList();
        var results = new Portfolio?[folders.Count];
        Parallel.For(0, folders.Count, i =>
        {
            var file = Path.Combine(folders[i], "portfolio.yml");
            if (!source.MayReadEntry(file, diags)) return;
            if (!File.Exists(file))
            {
                diags.Error(DiagnosticCodes.MissingFile, SourceLocation.File(source.Relative(folders[i]) + "/portfolio.yml"),
                    "a portfolio folder has no portfolio.yml", "add the file, or remove the folder");
                return;
            }
            results[i] = LoadCatalog.ReadFile(file, source, diags, parsed,
                (fields, bag) => Read(fields, Path.GetFileName(folders[i]), source.Relative(folders[i]), bag), strings);
        });
        return results.OfType<Portfolio>().ToList();
    }

    public static Portfolio? Read(YamlFields f, string folderId, string folder, DiagnosticBag diags)
    {
        var id = Ids.FromFile(f, folderId, diags);
        var name = f.Text("name", required: true);
        // No consent block: no consent. The portfolio is still checked, and not published (not an error: the build counts it).
        Consent consent = new(false, null, []);
        if (f.Map("consent") is { } c)
        {
            consent = new Consent(c.Bool("publish") ?? false, c.Date("date"), c.EnumList("scope", Vocabulary.ConsentScopes),
                c.EnumList("panelScope", Vocabulary.ConsentScopes));
            c.Finish();
        }
        var headline = f.Text("headline");
        var photo = f.Text("photo");
        var photoAlt = f.Text("photoAlt");
        if (photo is not null && string.IsNullOrWhiteSpace(photoAlt))
            diags.Error(DiagnosticCodes.ImageWithoutAlt, f.LocationOf("photo"), "the portfolio has a photo but no photoAlt",
                "add photoAlt: a short description of the photo for screen-reader users");
        var currentRole = f.Text("currentRole");
        var targetRole = f.Text("targetRole");
        f.Skip("private");
        var badges = f.List("badges", b => ReadEarned(b, b.Path));
        var external = f.List("external", e =>
        {
            var file = e.Text("credential", required: true);
            return file is null ? null : new ExternalCredential(file, e.Path);
        });
        Statement? manager = null;
        if (f.Map("managerStatement") is { } m)
        {
            manager = new Statement(m.Text("by"), m.Text("role"), m.Date("date"), m.Markdown("statement"))
            {
                Scores = m.NumberMap("scores", min: 0, max: 100),
                Demonstrated = m.Markdown("demonstrated"), Results = m.Markdown("results"), Repeatable = m.Markdown("repeatable"),
            };
            m.Finish();
        }
        var plan = f.List("plan", p =>
        {
            var title = p.Text("title", required: true);
            var item = new PlanItem(title ?? "", p.Date("due"), p.Text("status"), p.Text("competency"))
            {
                Started = p.Date("started"), Badge = p.Text("badge"),
            };
            return title is null ? null : item;
        });
        var history = f.List("history", h =>
        {
            var role = h.Text("role", required: true);
            var from = h.Date("from", required: true);
            return role is null || from is null ? null : new RoleChange(role, from.Value);
        });
        f.Finish();
        // Without a name (reported) the portfolio is still kept, so that its references are checked.
        return new Portfolio(id, name ?? id, consent, headline, photo, photoAlt, currentRole, targetRole, badges, manager, plan, folder, f.Spans)
        {
            History = history,
            External = external,
        };
    }

    private static EarnedBadge? ReadEarned(YamlFields b, string path)
    {
        var badge = b.Text("badge", required: true);
        var version = b.Text("version");
        var issued = b.Date("issued");
        var expires = b.Date("expires");
        var credentialId = b.Text("credentialId");
        var credential = b.Text("credential");
        var results = b.TextMap("results");
        var evidence = b.List("evidence", ReadEvidence);
        var reflection = b.Markdown("reflection");
        var visibility = b.Enum("visibility", Vocabulary.Visibilities) ?? "public";
        var assessedBy = b.Text("assessedBy");
        var assessedOn = b.Date("assessedOn");
        Revocation? revoked = null;
        if (b.Map("revoked") is { } r)
        {
            var date = r.Date("date", required: true);
            var reason = r.Text("reason", required: true);
            r.Finish();
            if (date is { } d && reason is not null) revoked = new Revocation(d, reason);
        }
        return badge is null ? null
            : new EarnedBadge(badge, version, issued, expires, credentialId, credential, results, evidence, reflection, visibility, path, revoked)
            {
                AssessedBy = assessedBy, AssessedOn = assessedOn,
            };
    }

    /// <summary>A metric's dated values, in date order; each date at most once.</summary>
    private static IReadOnlyList<MetricPoint> ReadSeries(YamlFields m)
    {
        var seen = new HashSet<DateOnly>();
        var points = m.List("series", p =>
        {
            var date = p.Date("date", required: true);
            var value = p.Number("value", required: true);
            if (date is { } d && !seen.Add(d))
                p.Inconsistent("date", $"the series has two values for {d:yyyy-MM-dd}", "give each date one value");
            return date is { } dd && value is { } v ? new MetricPoint(dd, v) : null;
        });
        return points.DistinctBy(p => p.Date).OrderBy(p => p.Date).ToList();
    }

    private static PortfolioEvidence? ReadEvidence(YamlFields e)
    {
        var type = e.Enum("type", Vocabulary.EvidenceKinds, required: true);
        var title = e.Text("title");
        var file = e.Text("file");
        var url = e.Url("url");
        EvidenceContext? context = null;
        if (e.Map("context") is { } c)
        {
            context = new EvidenceContext(c.Markdown("challenge"), c.Markdown("action"), c.Markdown("result"));
            c.Finish();
        }
        Metric? metric = null;
        if (e.Map("metric") is { } m)
        {
            var name = m.Text("name", required: true);
            metric = new Metric(name ?? "", m.Text("unit"), m.Number("before"), m.Number("after"), m.Text("window"), m.Text("source"), m.Text("confirmedBy"),
                ReadSeries(m), m.Enum("better", Vocabulary.MetricDirections));
            m.Finish();
        }
        var text = e.Text("text");
        var by = e.Text("by");
        var role = e.Text("role");
        var date = e.Date("date");
        var criteria = e.TextList("criteria");
        var statement = e.Markdown("statement");
        return type is null ? null : new PortfolioEvidence(type, title, file, url, context, metric, text, by, role, date, criteria, statement);
    }
}
