using CredentialSite.Analyze;
using CredentialSite.Import.Badges;
using CredentialSite.Import.Names;
using CredentialSite.Import.Roles;
using CredentialSite.Model;
using CredentialSite.Write;
using nietras.SeparatedValues;

namespace CredentialSite.Export;

/// <summary>
/// The spreadsheet downloads of the site, in the column layout <c>credentialsite import</c> reads, so a file downloaded,
/// edited and imported again round-trips: <c>ladders/&lt;id&gt;.csv</c> per ladder (one row per role, lowest first) and
/// <c>badges.csv</c> for the published catalog (one row per badge and competency, plus Id, Tier, Status and Summary).
/// Badges and competencies are written by name where the name reads back as the same one, else by id; a badge not
/// published (a draft) is written by its id only, as the site shows it.
/// </summary>
public static class CsvDownloads
{
    public const string Status = "Status";

    public static IEnumerable<OutputFile> Run(SiteIndex ix)
    {
        var names = new CatalogNames(ix.Catalog);
        string Badge(string id) =>
            ix.AllBadgesById.TryGetValue(id, out var b) && ix.IsPublished(b) && Readable(b.Name, names.Badges, id)
            && CatalogNames.Tiers.Find(b.Name) is null && !char.IsAsciiDigit(b.Name[0]) ? b.Name : id;
        string Competency(string id) =>
            ix.CompetenciesById.TryGetValue(id, out var c) && Readable(c.Name, names.Competencies, id) ? c.Name : id;
        string Role(Role r) => Readable(r.Name, names.Roles, r.Id) ? r.Name : r.Id;

        foreach (var ladder in ix.Ladders)
            yield return OutputFile.Text(LadderPath(ladder.Id), Csv(ImportRoles.Columns, ladder.Roles.Select(r => new[]
            {
                Role(r),
                string.Join(", ", r.RequiredBadges.Select(Badge)),
                string.Join(", ", r.OptionalBadges.Select(Badge)),
                r.Promotion is { } p ? PackageText.Format(p.Packages, Badge, Competency) : "",
            })));

        string[] columns = [.. ImportBadges.Columns, ImportBadges.Id, ImportBadges.Tier, Status, ImportBadges.Summary];
        yield return OutputFile.Text(BadgesPath, Csv(columns, ix.Badges.SelectMany(b =>
        {
            var methods = string.Join(", ", b.Assessment.Select(a => Vocabulary.MethodsById.TryGetValue(a.Method, out var m) ? m.Name : a.Method).Distinct());
            var roles = ix.RolesRequiring[b.Id].Concat(ix.RolesRecommending[b.Id]).Distinct().Select(Role).ToList();
            var competencies = b.Competencies.Count > 0 ? b.Competencies : [new BadgeCompetency("", null, [])];
            return competencies.Select(c => new[]
            {
                b.Name,
                c.Competency.Length == 0 ? "" : Competency(c.Competency),
                string.Join("; ", c.Behaviors),
                methods,
                string.Join(", ", (c.Level is { } level ? [level] : Array.Empty<string>()).Concat(roles)),
                b.Id, b.Tier, b.Status, b.Summary ?? "",
            });
        })));
    }

    public const string BadgesPath = "badges.csv";

    public static string LadderPath(string ladderId) => $"ladders/{ladderId}.csv";

    /// <summary>A name is written when it finds the same thing again and holds nothing a cell splits on.</summary>
    private static bool Readable(string name, NameIndex index, string id) =>
        name.Length > 0 && name.IndexOfAny(PackageText.Special) < 0 && index.Find(name) == id;

    private static string Csv(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        writer.Header.Add([.. columns]);
        writer.Header.Write();
        foreach (var cells in rows)
        {
            using var row = writer.NewRow();
            for (var i = 0; i < columns.Count; i++) row[columns[i]].Set(cells[i]);
        }
        return writer.ToString();
    }
}
