using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>Turns parsed YAML into the immutable catalog records, one reader per file kind.</summary>
public static class ReadCatalog
{
    public static SiteConfig? Site(YamlFields f, DiagnosticBag diags, string? baseUrlOverride)
    {
        var title = f.Text("title", required: true);
        var description = f.Text("description");
        var baseUrlText = f.Text("baseUrl", required: baseUrlOverride is null);
        var language = f.Text("language") ?? "en";
        var org = f.Map("organization") is { } o ? ReadOrganization(o) : null;
        var asOf = f.Date("asOf");
        var window = f.Date("promotionWindow");
        var rigor = f.Map("rigor");
        var methods = rigor?.NumberMap("methods", min: 0, max: 10) ?? new Dictionary<string, double>();
        rigor?.Finish();
        var vetting = f.Map("vetting");
        var weights = vetting?.NumberMap("weights", min: 0, max: 1000) ?? new Dictionary<string, double>();
        vetting?.Finish();
        var cname = f.Text("cname");
        var perPage = f.Int("badgesPerPage", min: 1);
        var governance = f.Map("governance");
        var timeBox = governance?.Duration("timeBox");
        var separate = governance?.TextList("separateSteps") ?? [];
        governance?.Finish();
        var outcomes = f.Map("outcomes");
        var minCohort = outcomes?.Int("minCohort", min: 2, max: 1000);
        outcomes?.Finish();
        var markdown = f.Map("markdown");
        var unsafeHtml = markdown?.Bool("unsafe") ?? false;
        markdown?.Finish();
        f.Finish();

        foreach (var m in methods.Keys.Where(k => !Vocabulary.MethodsById.ContainsKey(k)))
            diags.Error(DiagnosticCodes.InvalidEnum, f.Spans.At($"rigor.methods.{m}"), $"'{m}' is not an assessment method",
                Suggest.Hint(m, Vocabulary.MethodsById.Keys, "method"));
        var checkNames = Vocabulary.VettingChecks.Select(c => c.Key).ToList();
        foreach (var w in weights.Keys.Where(k => !checkNames.Contains(k)))
            diags.Error(DiagnosticCodes.InvalidEnum, f.Spans.At($"vetting.weights.{w}"), $"'{w}' is not a vetting check",
                Suggest.Hint(w, checkNames, "check"));

        Uri? baseUrl = null;
        var urlText = baseUrlOverride ?? baseUrlText;
        if (urlText is not null)
        {
            if (Uri.TryCreate(urlText, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http"))
                baseUrl = new Uri(u.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
            else
                diags.Error(DiagnosticCodes.InvalidUrl, baseUrlOverride is null ? f.LocationOf("baseUrl") : SourceLocation.File("--base-url"),
                    $"baseUrl '{urlText}' is not an absolute http(s) URL", "e.g. https://acme.github.io/credentials/");
        }
        if (title is null || baseUrl is null) return null;
        return new SiteConfig(title, description, baseUrl, language, org, asOf, window, methods, weights, cname, f.Spans)
        {
            BadgesPerPage = perPage ?? SiteConfig.DefaultBadgesPerPage,
            MarkdownUnsafe = unsafeHtml,
            TimeBox = timeBox,
            SeparateSteps = separate,
            MinCohort = minCohort ?? SiteConfig.DefaultMinCohort,
        };
    }

    private static Organization? ReadOrganization(YamlFields o)
    {
        var name = o.Text("name", required: true);
        var url = o.Url("url");
        o.Finish();
        return name is null ? null : new Organization(name, url);
    }

    public static Issuer? Issuer(YamlFields f, string fileId, DiagnosticBag diags)
    {
        var id = Ids.FromFile(f, fileId, diags);
        var name = f.Text("name", required: true);
        var type = f.Enum("type", Vocabulary.IssuerTypes, required: true);
        var sector = f.Enum("sector", Vocabulary.IssuerSectors);
        var url = f.Url("url");
        var email = f.Email("email");
        var description = f.Markdown("description");
        var image = f.Text("image");
        Vetting? vetting = null;
        if (f.Map("vetting") is { } v)
        {
            var reviewed = v.Date("reviewed");
            var reviewedBy = v.Text("reviewedBy");
            var checks = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (check, _) in Vocabulary.VettingChecks)
                if (v.Enum(check, Vocabulary.VettingAnswers) is { } answer) checks[check] = answer;
            var notes = v.Markdown("notes");
            v.Finish();
            vetting = new Vetting(reviewed, reviewedBy, checks, notes);
        }
        var endorsements = f.List("endorsements", e =>
        {
            var n = e.Text("name", required: true);
            var r = new Endorsement(n ?? "", e.Url("url"), e.Date("date"), e.Text("comment"));
            return n is null ? null : r;
        });
        var keys = Keys.ReadKeys.Run(f, diags);
        f.Finish();
        // A field error (reported) leaves a placeholder: others may still name this issuer without an error.
        return new Issuer(id, name ?? id, type ?? Vocabulary.IssuerTypes[0], url, email, description, image, vetting, endorsements, f.Spans, sector)
        {
            Keys = keys,
        };
    }

    public static Framework? Framework(YamlFields f, string fileId, DiagnosticBag diags)
    {
        var id = Ids.FromFile(f, fileId, diags);
        var name = f.Text("name", required: true);
        var version = f.Text("version");
        var url = f.Url("url");
        var description = f.Markdown("description");
        var levels = f.TextList("levels", required: true);
        var competencies = f.List("competencies", c =>
        {
            var path = c.Path;
            var cid = Ids.Inline(c, diags);
            var cname = c.Text("name", required: true);
            var cluster = c.Text("cluster");
            var cdesc = c.Markdown("description");
            var behaviors = c.TextList("behaviors");
            var alignments = c.List("alignments", a =>
                new CompetencyAlignment(a.Text("framework"), a.Text("name"), a.Text("code"), a.Url("url")));
            return cid is null ? null : new Competency(cid, id, cname ?? cid, cluster, cdesc, behaviors, alignments, path);
        }, required: true);
        f.Finish();
        return new Framework(id, name ?? id, version, url, description, levels, competencies, f.Spans);
    }

    /// <param name="diags">This file's own diagnostics: the badge is <see cref="Model.Badge.Incomplete"/> when they hold an error.</param>
    public static Badge? Badge(YamlFields f, string fileId, DiagnosticBag diags)
    {
        var id = Ids.FromFile(f, fileId, diags);
        var name = f.Text("name", required: true);
        var summary = f.Text("summary");
        var description = f.Markdown("description");
        var status = f.Enum("status", Vocabulary.BadgeStatuses) ?? "active";
        var version = f.Text("version");
        var tier = f.Enum("tier", Vocabulary.Tiers, required: true);
        var achievementType = ReadAchievementType(f, diags);
        var issuer = f.Text("issuer", required: true);
        var image = f.Text("image");
        var imageAlt = f.Text("imageAlt");
        if (image is not null && string.IsNullOrWhiteSpace(imageAlt))
            diags.Error(DiagnosticCodes.ImageWithoutAlt, f.LocationOf("image"), "the badge has an image but no imageAlt",
                "add imageAlt: a short description of the image for screen-reader users");
        var humanCode = f.Text("humanCode");
        var tags = f.TextList("tags");
        var impact = f.EnumList("impact", Vocabulary.ImpactAreas);
        var competencies = f.List("competencies", c =>
        {
            var cid = c.Text("competency", required: true);
            var r = new BadgeCompetency(cid ?? "", c.Text("level"), c.TextList("behaviors"));
            return cid is null ? null : r;
        });
        var criteria = f.Markdown("criteria");
        var rubric = f.Map("rubric") is { } rf ? ReadRubric(rf, diags) : null;
        var assessment = f.List("assessment", a =>
        {
            var method = a.Enum("method", Vocabulary.MethodsById.Keys.ToArray(), required: true);
            var r = new Assessment(method ?? "", a.Markdown("description"), a.Bool("proctored") ?? false, a.Bool("calibrated") ?? false,
                a.Int("assessors", min: 0, max: 1000), a.Duration("duration"), a.Url("example"));
            return method is null ? null : r;
        });
        var evidence = f.List("evidence", e =>
        {
            var type = e.Text("type", required: true);
            var r = new EvidenceRequirement(type ?? "", e.Text("description"));
            return type is null ? null : r;
        });
        var renewal = f.Map("renewal") is { } rn ? ReadRenewal(rn) : null;
        var prerequisites = f.TextList("prerequisites");
        var stacksInto = f.TextList("stacksInto");
        var alignments = f.List("alignments", a =>
        {
            var targetName = a.Text("targetName", required: true);
            var targetUrl = a.Url("targetUrl", required: true);
            var r = new Alignment(targetName ?? "", targetUrl ?? "", a.Text("targetFramework"), a.Text("targetCode"),
                a.Enum("targetType", Vocabulary.AlignmentTargetTypes), a.Text("targetDescription"));
            return targetName is null || targetUrl is null ? null : r;
        });
        var occupations = f.List("occupations", o =>
        {
            var code = o.Text("code", required: true);
            var r = new Occupation(o.Text("framework"), code ?? "", o.Text("name"));
            return code is null ? null : r;
        });
        var governance = f.Map("governance") is { } g ? ReadGovernance(g) : null;
        f.Finish();
        // A badge with field errors (reported) is kept, with placeholders, so that others may name it without an error
        // and its own references are checked; the checks across files do not judge it by its placeholders.
        return new Badge(id, name ?? id, summary, description, status, version, tier ?? Vocabulary.Tiers[0], achievementType,
            issuer ?? "", image, imageAlt, humanCode, tags, impact, competencies, criteria, rubric, assessment, evidence, renewal,
            prerequisites, stacksInto, alignments, occupations, governance, f.Spans) { Incomplete = diags.HasErrors };
    }

    private static string ReadAchievementType(YamlFields f, DiagnosticBag diags)
    {
        var value = f.Text("achievementType");
        if (value is null) return "Badge";
        if (Vocabulary.AchievementTypes.Contains(value) || System.Text.RegularExpressions.Regex.IsMatch(value, "^ext:[A-Za-z0-9.\\-_]+$"))
            return value;
        diags.Error(DiagnosticCodes.InvalidEnum, f.LocationOf("achievementType"), $"'{value}' is not an Open Badges 3.0 AchievementType",
            (Suggest.Closest(value, Vocabulary.AchievementTypes) is { } c ? $"did you mean '{c}'? " : "")
            + "use a value such as Badge, MicroCredential or Certificate, or a custom 'ext:Name'");
        return "Badge";
    }

    private static Rubric ReadRubric(YamlFields r, DiagnosticBag diags)
    {
        var levels = r.List("levels", l =>
        {
            var lid = Ids.Inline(l, diags);
            var lname = l.Text("name", required: true);
            var points = l.Number("points", min: 0);
            return lid is null ? null : new RubricLevel(lid, lname ?? lid, points);
        }, required: true);
        var required = r.Text("requiredLevel");
        var criteria = r.List("criteria", c =>
        {
            var cid = Ids.Inline(c, diags);
            var cname = c.Text("name", required: true);
            var weight = c.Number("weight", min: 0, max: 100, aboveMin: true); // percent of the rubric
            var creq = c.Text("requiredLevel");
            var descriptors = c.TextMap("levels", required: true);
            return cid is null ? null : new RubricCriterion(cid, cname ?? cid, weight, creq, descriptors);
        }, required: true);
        r.Finish();
        return new Rubric(levels, required, criteria);
    }

    private static Renewal ReadRenewal(YamlFields r)
    {
        IsoDuration? validFor = null;
        if (r.Has("validFor") && r.Text("validFor") is { } text && text != "never")
            validFor = r.Duration("validFor");
        else
            r.Text("validFor");
        var renewal = new Renewal(validFor, r.Duration("gracePeriod"), r.Enum("method", Vocabulary.RenewalMethods), r.Markdown("requirements"));
        r.Finish();
        return renewal;
    }

    private static Governance ReadGovernance(YamlFields g)
    {
        var owner = g.Text("owner");
        var approvals = g.List("approvals", a =>
        {
            var step = a.Text("step", required: true);
            var r = new Approval(step ?? "", a.Text("by"), a.Date("date"))
            {
                Name = a.Text("name"), Started = a.Date("started"), TimeBox = a.Duration("timeBox"),
            };
            return step is null ? null : r;
        });
        var appeals = g.Markdown("appeals");
        var changelog = g.List("changelog", c =>
        {
            var version = c.Text("version", required: true);
            var r = new ChangelogEntry(version ?? "", c.Date("date"), c.Markdown("changes"));
            return version is null ? null : r;
        });
        g.Finish();
        return new Governance(owner, approvals, appeals, changelog);
    }

    public static Ladder? Ladder(YamlFields f, string fileId, DiagnosticBag diags)
    {
        var id = Ids.FromFile(f, fileId, diags);
        var name = f.Text("name", required: true);
        var description = f.Markdown("description");
        var roles = f.List("roles", r =>
        {
            var path = r.Path;
            var rid = Ids.Inline(r, diags);
            var rname = r.Text("name", required: true);
            var level = r.Int("level");
            var summary = r.Text("summary");
            var competencies = r.List("competencies", c =>
            {
                var cid = c.Text("competency", required: true);
                var rc = new RoleCompetency(cid ?? "", c.Text("level"));
                return cid is null ? null : rc;
            });
            IReadOnlyList<string> required = [], optional = [];
            if (r.Map("badges") is { } b)
            {
                required = b.TextList("required");
                optional = b.TextList("optional");
                b.Finish();
            }
            var promotion = r.Map("promotion") is { } p ? ReadPromotion(p, diags) : null;
            return rid is null ? null : new Role(rid, id, rname ?? rid, level, summary, competencies, required, optional, promotion, path);
        }, required: true);
        f.Finish();
        return new Ladder(id, name ?? id, description, roles, f.Spans);
    }

    private static Promotion ReadPromotion(YamlFields p, DiagnosticBag diags)
    {
        var from = p.TextList("from");
        var packages = p.List("packages", pk =>
        {
            var name = pk.Text("name") ?? "Package";
            var rules = pk.List("rules", r => ReadRule(r, diags), required: true);
            if (pk.IsEmptyList("rules"))
                diags.Error(DiagnosticCodes.InvalidValue, pk.LocationOf("rules"), "a package needs at least one rule",
                    "a package without rules would make everyone ready; add a rule such as '- atLeast: 2' with filters, or remove the package");
            return new PromotionPackage(name, rules);
        }, required: true);
        if (p.IsEmptyList("packages"))
            diags.Error(DiagnosticCodes.InvalidValue, p.LocationOf("packages"), "a promotion needs at least one package",
                "add a package with its rules, or remove 'promotion:' if the role is not reached by promotion");
        var scorecard = Program.ReadScorecard.Read(p, diags);
        p.Finish();
        return new Promotion(from, packages) { Scorecard = scorecard };
    }

    /// <summary>A rule needs at most this many badges (the readiness engine makes a slot for each).</summary>
    public const int MaxAtLeast = 1000;

    private static PromotionRule? ReadRule(YamlFields r, DiagnosticBag diags)
    {
        var all = r.TextList("all");
        var atLeast = r.Int("atLeast", min: 1, max: MaxAtLeast);
        var tier = r.Enum("tier", Vocabulary.Tiers);
        var competency = r.Text("competency");
        var cluster = r.Text("cluster");
        var of = r.TextList("of");
        var impact = r.Enum("impact", Vocabulary.ImpactAreas);
        var hasFilter = tier is not null || competency is not null || cluster is not null || of.Count > 0 || impact is not null;
        if (all.Count == 0 && atLeast is null && !r.Has("atLeast")) // a bad atLeast is reported already
        {
            diags.Error(DiagnosticCodes.MissingField, r.Location, "a rule needs 'all: [badge ids]' or 'atLeast: N'",
                "e.g. '- all: [code-quality]' or '- atLeast: 2' with filters such as 'tier: capability'");
            return null;
        }
        // Filters alone need one badge; a bad atLeast (reported) needs none, so that no check reports the rule again.
        return new PromotionRule(all, atLeast ?? (all.Count == 0 && hasFilter && !r.Has("atLeast") ? 1 : null), tier, competency, cluster, of, impact);
    }
}
