using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Model;
using CredentialSite.StructuredData;

namespace CredentialSite.Render;

/// <summary>Stage 4: decides every HTML page of the site, with its view model and JSON-LD.</summary>
public static class PlanPages
{
    /// <param name="only">
    /// Plan just these pages (output paths), as they are in the whole plan: <c>serve</c> renders the pages open in tabs
    /// before the rest, and the thousands of badge and people pages are then not planned at all.
    /// </param>
    public static IReadOnlyList<PageJob> Run(SiteIndex ix, ViewBuilder views, DiagnosticBag diags, IReadOnlySet<string>? only = null)
    {
        bool Wanted(params string[] outputs) => only is null || outputs.Any(only.Contains);
        var jobs = new List<PageJob>();
        var home = new Crumb("Home", "");
        PageMeta Meta(string kind, string title, string? description, string path, IReadOnlyList<Crumb> crumbs,
            string? alternate = null, string? image = null) =>
            new(kind, title, description, path, ix.Site.AbsoluteUrl(path), crumbs, alternate, [],
                image is null ? null : OpenBadges.AssetUrl(ix, image), kind == "home" ? "website" : "article");
        // Every page's structured data: its own documents, then its breadcrumbs.
        Func<IReadOnlyList<JsonLdScript>> Scripts(PageMeta meta, Func<IEnumerable<JsonLdScript>>? documents = null) => () =>
            [.. documents?.Invoke() ?? [], Script(SchemaOrg.Breadcrumbs(ix, meta.Breadcrumbs.Select(c => (c.Title, c.Url)).Append((meta.Title, meta.Path))))];
        PageJob Job(string output, string template, PageMeta meta, Func<object> model, Func<IEnumerable<JsonLdScript>>? documents = null) =>
            new(output, template, meta, model, Scripts(meta, documents));

        var badgesCrumb = new Crumb("Badges", "badges/");
        jobs.Add(Job("index.html", "home.html", Meta("home", ix.Site.Title, ix.Site.Description, "", []), views.Home));

        var indexPages = views.BadgeIndexPages;
        foreach (var (sort, _) in ViewBuilder.BadgeSorts)
            for (var page = 1; page <= indexPages; page++)
            {
                var path = ViewBuilder.BadgeIndexPath(sort, page);
                var n = page;
                jobs.Add(Job(path + "index.html", "badges.html",
                    Meta("badges", (sort == "name" ? "All badges" : $"All badges by {sort}") + (indexPages > 1 ? $" (page {page} of {indexPages})" : ""),
                        $"Every badge in {ix.Site.Title}, grouped by tier.", path, sort == "name" && page == 1 ? [home] : [home, badgesCrumb]),
                    () => views.BadgeIndex(sort, n)));
            }
        foreach (var b in ix.Badges)
        {
            if (!Wanted($"badges/{b.Id}/index.html")) continue;
            jobs.Add(Job($"badges/{b.Id}/index.html", "badge.html",
                Meta("badge", b.Name, b.Summary, $"badges/{b.Id}/", [home, badgesCrumb], $"badges/{b.Id}.json", b.Image),
                () => views.Badge(b),
                () => [Script(OpenBadges.Achievement(ix, b, standalone: true)), Script(SchemaOrg.Credential(ix, b)), Script(Ctdl.Credential(ix, b))])
                with
                {
                    LastModified = b.Governance?.Changelog.Select(c => c.Date).Max(),
                    Source = b.Spans.Path,
                    // badges/<id>.json is the Achievement the page embeds (its first script), indented: built once, for both.
                    CompanionPath = $"badges/{b.Id}.json",
                    Companion = scripts => JsonLd.IndentedFile(scripts[0]),
                });
        }

        var issuersCrumb = new Crumb("Issuers", "issuers/");
        jobs.Add(Job("issuers/index.html", "issuers.html",
            Meta("issuers", "Issuers", "Who issues the badges, and how well each issuer is vetted.", "issuers/", [home]),
            () => ix.Issuers.Select(views.Issuer).ToList()));
        foreach (var i in ix.Issuers)
        {
            jobs.Add(Job($"issuers/{i.Id}/index.html", "issuer.html",
                Meta("issuer", i.Name, MarkdownFirstLine(i.Description), $"issuers/{i.Id}/", [home, issuersCrumb], null, i.Image),
                () => views.Issuer(i),
                () => [Script(OpenBadges.Profile(ix, i, standalone: true)), Script(SchemaOrg.Organization(ix, i)), Script(Ctdl.Organization(ix, i))])
                with { Source = i.Spans.Path });
        }

        // Views that span a framework or a ladder are made on first use: rendering one page ahead (serve) needs none.
        var competenciesCrumb = new Crumb("Competencies", "competencies/");
        var frameworkList = ix.Catalog.Frameworks.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var frameworks = new Lazy<List<FrameworkPageView>>(() => frameworkList.Select(views.Framework).ToList());
        jobs.Add(Job("competencies/index.html", "competencies.html",
            Meta("competencies", "Competencies", "The competency frameworks badges are mapped to.", "competencies/", [home]), () => frameworks.Value));
        for (var fi = 0; fi < frameworkList.Count; fi++)
        {
            var (f, index) = (frameworkList[fi], fi);
            var url = ViewBuilder.FrameworkUrl(f.Id);
            jobs.Add(Job($"{url}index.html", "framework.html",
                Meta("framework", f.Name, MarkdownFirstLine(f.Description), url, [home, competenciesCrumb]), () => frameworks.Value[index])
                with { Source = f.Spans.Path });
            var fwCrumb = new Crumb(f.Name, url);
            foreach (var c in f.Competencies.Where(c => Wanted($"competencies/{c.Id}/index.html")))
                jobs.Add(Job($"competencies/{c.Id}/index.html", "competency.html",
                    Meta("competency", c.Name, MarkdownFirstLine(c.Description), $"competencies/{c.Id}/", [home, competenciesCrumb, fwCrumb]),
                    () => views.Competency(c)) with { Source = f.Spans.Path });
        }

        var rolesCrumb = new Crumb("Roles", "roles/");
        var ladders = new Lazy<List<LadderPageView>>(() => ix.Ladders.Select(views.Ladder).ToList());
        jobs.Add(Job("roles/index.html", "roles.html",
            Meta("roles", "Career ladders and roles", "Roles by ladder and level, and the badges each expects.", "roles/", [home]), () => ladders.Value));
        for (var li = 0; li < ix.Ladders.Count; li++)
        {
            var (l, index) = (ix.Ladders[li], li);
            var url = ViewBuilder.LadderUrl(l.Id);
            jobs.Add(Job($"{url}index.html", "ladder.html",
                Meta("ladder", l.Name, MarkdownFirstLine(l.Description), url, [home, rolesCrumb]), () => ladders.Value[index])
                with { Source = l.Spans.Path });
            var ladderCrumb = new Crumb(l.Name, url);
            var roles = ViewBuilder.RolesInOrder(l);
            for (var ri = 0; ri < roles.Count; ri++)
            {
                var (r, at) = (roles[ri], ri);
                jobs.Add(Job($"{ViewBuilder.RoleUrl(r.Id)}index.html", "role.html",
                    Meta("role", r.Name, r.Summary, ViewBuilder.RoleUrl(r.Id), [home, rolesCrumb, ladderCrumb]), () => ladders.Value[index].Roles[at])
                    with { Source = l.Spans.Path });
            }
        }

        if (ix.People.Count > 0)
        {
            var peopleCrumb = new Crumb("People", "people/");
            jobs.Add(Job("people/index.html", "people.html",
                Meta("people", "People", "Published portfolios: earned badges, evidence and readiness for the next role.", "people/", [home]),
                () => views.People()));
            foreach (var person in ix.People)
            {
                var url = ViewBuilder.PersonUrl(person.Id);
                if (!Wanted($"{url}index.html", $"{url}dossier/index.html")) continue;
                jobs.Add(Job($"people/{person.Id}/index.html", "person.html",
                    Meta("person", person.Name, person.Headline, url, [home, peopleCrumb]) with { OgType = "profile" },
                    () => views.Portfolio(person), () => [Script(Credentials.ProfilePage(ix, person))]) with { Source = person.Spans.Path });
                jobs.Add(Job($"people/{person.Id}/dossier/index.html", "dossier.html",
                    Meta("dossier", $"Promotion dossier: {person.Name}", person.Headline, url + "dossier/", [home, peopleCrumb, new Crumb(person.Name, url)]),
                    () => views.Portfolio(person)) with { Source = person.Spans.Path });
            }
        }

        var compareCrumb = new Crumb("Roles", "roles/");
        foreach (var (from, to, isPromotion) in views.ComparisonPairs())
        {
            var url = ViewBuilder.ComparisonUrl(from.Id, to.Id);
            jobs.Add(Job(url + "index.html", "compare.html",
                Meta("compare", $"{from.Name} → {to.Name}", $"What carries over from {from.Name} to {to.Name}, and what is missing.", url, [home, compareCrumb]),
                () => views.Compare(from, to, isPromotion)));
        }

        // Running the program (issue 18): what the catalog covers.
        jobs.Add(Job("program/coverage/index.html", "coverage.html",
            Meta("coverage", "Program coverage", "Competencies and levels no badge demonstrates, badges no role uses, roles no badges reach, tiers per ladder level.",
                "program/coverage/", [home]), () => Program.Coverage.Run(ix)));
        jobs.Add(Job("program/governance/index.html", "governance.html",
            Meta("governance", "Program governance", "Badges by status and approval step, overdue steps, recent changes and appeals.",
                "program/governance/", [home]), () => Program.Governance.Run(ix)));
        jobs.Add(Job("program/outcomes/index.html", "outcomes.html",
            Meta("outcomes", "Program outcomes", "Badges earned per quarter, time to competency, promotion velocity and pilot cohorts, for groups large enough to report.",
                "program/outcomes/", [home]), () => Program.Outcomes.Run(ix)));
        jobs.Add(Job("search/index.html", "search.html",
            Meta("search", "Search", $"Search badges, competencies, roles and people in {ix.Site.Title}.", "search/", [home]), () => new object()));
        jobs.Add(Job("verify/index.html", "verify.html",
            Meta("verify", "Verify a credential", "Check an Open Badges or Verifiable Credential in your browser: its signature, issuer, dates and revocation. Nothing is sent anywhere.", "verify/", [home]),
            () => new object()));
        jobs.Add(Job("explorer/index.html", "explorer.html",
            Meta("explorer", "Next-role explorer", "Pick your role and the role you want, tick the badges you hold, and see what is missing.", "explorer/", [home]),
            () => new object()));

        foreach (var p in ix.Pages)
            jobs.Add(Job($"{p.Slug}/index.html", "page.html",
                Meta("page", p.Title, p.Description, p.Slug + "/", [home]), () => new FreePageView(p)) with { FreePage = p, Source = p.SourcePath });

        jobs.Add(Job("404.html", "404.html", Meta("404", "Page not found", null, "404.html", [home]), () => new object()));

        if (only is not null) jobs.RemoveAll(j => !only.Contains(j.OutputPath));
        // A free page must not take the address of a generated page (or of another free page).
        var taken = new Dictionary<string, PageJob>(StringComparer.Ordinal);
        foreach (var job in jobs.Where(j => j.FreePage is null).Concat(jobs.Where(j => j.FreePage is not null)))
        {
            if (taken.TryAdd(job.OutputPath, job)) continue;
            if (job.FreePage is { } fp)
                diags.Error(DiagnosticCodes.DuplicateId, SourceLocation.File(fp.SourcePath), $"the page address '{fp.Slug}/' is already used by the site",
                    taken[job.OutputPath].FreePage is { } other ? $"{other.SourcePath} uses it too; set another slug:" : "set another slug: in the front matter");
        }
        return jobs.GroupBy(j => j.OutputPath).Select(g => g.First()).ToList();
    }

    private static JsonLdScript Script<T>(T document) => JsonLd.ToScriptElement(document);

    private static string? MarkdownFirstLine(string? markdown)
    {
        var text = Markdown.MarkdownRenderer.Instance.PlainText(markdown);
        if (text.Length == 0) return null;
        var line = text.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..197] + "..." : line;
    }
}
