using System.Globalization;
using System.Net;
using System.Text;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Privacy;
using CredentialSite.Signing;
using CredentialSite.StructuredData;
using CredentialSite.Write;

namespace CredentialSite.Render;

/// <summary>Stage 6: the non-HTML files: badge JSON, catalog.json, sitemap, feed, robots.txt and GitHub Pages files.</summary>
public static class SiteFiles
{
    public static IReadOnlyList<OutputFile> Run(SiteIndex ix, ViewBuilder views, IReadOnlyList<PageJob> pages, Theme theme, string sourceRoot, string assetsRoot,
        CredentialSigner? signer = null)
    {
        var files = new List<OutputFile>();
        // Badge JSON is made with each badge's page (see PageJob.Companion); credential JSON is made when written
        // (in parallel), not held until then.
        files.Add(new OutputFile("catalog.json", JsonLd.FileBytes(CatalogJson(ix, views))));
        files.Add(OutputFile.Text("sitemap.xml", Sitemap(ix, pages)));
        files.Add(OutputFile.Text("feed.xml", Feed(ix, views)));
        // Crawlers read robots.txt at the host's root only: a site under a path (GitHub project pages) announces its
        // sitemap in every page's head instead (layout.html), and writes no robots.txt nobody would read.
        // A panel build (for a private host) asks every crawler to stay out, wherever it is served (and every page says noindex).
        if (ix.Audience == Audience.Panel)
            files.Add(OutputFile.Text("robots.txt", "User-agent: *\nDisallow: /\n"));
        else if (ix.Site.BasePath == "/")
            files.Add(OutputFile.Text("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {ix.Site.AbsoluteUrl("sitemap.xml")}\n"));
        files.Add(OutputFile.Text(".nojekyll", ""));
        files.AddRange(Export.CsvDownloads.Run(ix)); // ladders/<id>.csv and badges.csv, in the layout `import` reads
        if (ix.Site.Cname is { } cname) files.Add(OutputFile.Text("CNAME", cname.Trim() + "\n"));
        foreach (var (rel, full) in theme.StaticFiles) files.Add(OutputFile.Copy(rel, full));
        // Only what survived Privacy.ApplyConsent is here: published people, consented sections, visible badges.
        // Signed (with a VC-JWT beside) when the build signs for the issuer; issuers with keys: publish did.json and profile.json.
        files.AddRange(ix.People.SelectMany(person => person.Badges
            .Where(earned => Credentials.Publishes(ix, earned))
            .SelectMany(earned => SigningFiles.Credential(ix, signer, person, earned))));
        files.AddRange(SigningFiles.Identities(ix));
        files.AddRange(SigningFiles.StatusLists(ix, signer));
        foreach (var person in ix.People)
        {
            var folder = Path.Combine(sourceRoot, person.Folder);
            var published = person.Badges.SelectMany(b => b.Evidence).Select(e => e.File).Append(person.Photo).OfType<string>().Distinct();
            foreach (var file in published)
            {
                // Checked by ValidatePortfolios (inside the folder, an allowed type by its bytes); SVG is written again, safe.
                var (path, full) = ($"people/{person.Id}/{file.Replace('\\', '/')}", Path.Combine(folder, file));
                files.Add(Path.GetExtension(file).Equals(".svg", StringComparison.OrdinalIgnoreCase)
                    ? OutputFile.Later(path, () => SafeSvg.Sanitize(File.ReadAllBytes(full))?.Bytes ?? [])
                    : OutputFile.Copy(path, full));
            }
        }
        foreach (var asset in ix.Catalog.Assets)
            files.Add(OutputFile.Copy(asset, Path.Combine(assetsRoot, asset["assets/".Length..])));
        return files;
    }

    public sealed record CatalogEntry(string Id, string Name, string? Summary, string Tier, string Status, string Issuer,
        string Url, string Achievement, string? Version, double Rigor);

    public sealed record CatalogDocument(string Title, string Url, string AsOf, int Count, IReadOnlyList<CatalogEntry> Badges);

    private static CatalogDocument CatalogJson(SiteIndex ix, ViewBuilder views) =>
        new(ix.Site.Title, ix.Site.AbsoluteUrl(""), ix.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ix.Badges.Count,
            ix.Badges.Select(b => new CatalogEntry(b.Id, b.Name, b.Summary, b.Tier, b.Status, b.Issuer,
                ix.Site.AbsoluteUrl($"badges/{b.Id}/"), OpenBadges.AchievementId(ix, b.Id), b.Version, ix.Rigor[b.Id].Value)).ToList());

    private static string Sitemap(SiteIndex ix, IReadOnlyList<PageJob> pages)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var p in pages.Where(p => p.Meta.Kind != "404").OrderBy(p => p.Meta.Path, StringComparer.Ordinal))
        {
            sb.Append("  <url><loc>").Append(WebUtility.HtmlEncode(p.Meta.CanonicalUrl)).Append("</loc>");
            if (p.LastModified is { } d)
                sb.Append("<lastmod>").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</lastmod>");
            sb.Append("</url>\n");
        }
        return sb.Append("</urlset>\n").ToString();
    }

    /// <summary>An Atom feed of badge changes, from the changelogs (newest first; dates make it deterministic).</summary>
    private static string Feed(SiteIndex ix, ViewBuilder views)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string Stamp(DateOnly? d) => (d ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        var changes = views.RecentChanges(50);
        var updated = changes.Count > 0 ? changes[0].Date : ix.AsOf;
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append("  <title>").Append(E(ix.Site.Title)).Append(" — badge changes</title>\n");
        sb.Append("  <id>").Append(E(ix.Site.AbsoluteUrl("feed.xml"))).Append("</id>\n");
        sb.Append("  <link rel=\"self\" href=\"").Append(E(ix.Site.AbsoluteUrl("feed.xml"))).Append("\"/>\n");
        sb.Append("  <link rel=\"alternate\" type=\"text/html\" href=\"").Append(E(ix.Site.AbsoluteUrl(""))).Append("\"/>\n");
        sb.Append("  <updated>").Append(Stamp(updated)).Append("</updated>\n");
        sb.Append("  <author><name>").Append(E(ix.Site.Organization?.Name ?? ix.Site.Title)).Append("</name></author>\n");
        foreach (var c in changes)
        {
            var url = ix.Site.AbsoluteUrl(c.Badge.Url);
            sb.Append("  <entry>\n");
            sb.Append("    <title>").Append(E($"{c.Badge.Name} {c.Version}")).Append("</title>\n");
            sb.Append("    <id>").Append(E($"{url}#v{c.Version}")).Append("</id>\n");
            sb.Append("    <link href=\"").Append(E(url)).Append("\"/>\n");
            sb.Append("    <updated>").Append(Stamp(c.Date)).Append("</updated>\n");
            sb.Append("    <content type=\"html\">").Append(E(MarkdownRenderer.Instance.Trusted(c.Changes, ix.Site.MarkdownUnsafe))).Append("</content>\n");
            sb.Append("  </entry>\n");
        }
        return sb.Append("</feed>\n").ToString();
    }
}
