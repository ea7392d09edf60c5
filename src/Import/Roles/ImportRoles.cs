using CredentialSite.Diagnostics;
using CredentialSite.Import.Csv;
using CredentialSite.Import.Names;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Import.Roles;

/// <summary>
/// <c>credentialsite import roles FILE.csv --ladder ID</c>: one row per role, lowest first, with the columns
/// <see cref="Columns"/>. A row updates the ladder's role of that name (or id) and otherwise adds a role whose id is
/// the name made an id; the row's badges and packages replace the role's. Each role's <c>promotion.from</c> is the
/// previous row's role, except that a role that already has a <c>from</c> keeps it (a lateral move stays).
/// </summary>
public static class ImportRoles
{
    public const string Role = "Role", Required = "Required Badges", Optional = "Optional Badges", Package = "Promotion Package";

    public static readonly IReadOnlyList<string> Columns = [Role, Required, Optional, Package];

    public static ImportPlan? Plan(CsvSheet sheet, CatalogNames names, SourceFolder source, string ladderId, DiagnosticBag diags)
    {
        var ladder = names.Catalog.Ladders.FirstOrDefault(l => l.Id == ladderId);
        var ownRoles = new NameIndex("role", ladder?.Roles.Select(r => (r.Id, r.Name)) ?? []);
        var otherRoles = names.Catalog.Ladders.Where(l => l.Id != ladderId).SelectMany(l => l.Roles).ToDictionary(r => r.Id, r => r.LadderId);
        var rows = new List<RoleEdit>();
        var existing = new List<bool>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var row in sheet.Rows)
        {
            var name = sheet.Cell(row, Role);
            var at = sheet.At(row, Role);
            if (name.Length == 0)
            {
                diags.Error(DiagnosticCodes.CsvBadValue, at, "the role has no name", "write the role's name in the Role column, or delete the row");
                continue;
            }
            var old = ownRoles.Find(name) is { } found ? ladder!.Roles.First(r => r.Id == found) : null;
            var id = old?.Id ?? Slug.From(name);
            var ok = false;
            if (!Ids.IsValid(id))
                diags.Error(DiagnosticCodes.CsvBadValue, at, $"the role name '{name}' gives no id", "a role id is made of the name's letters and digits (a-z, 0-9); use a name with some");
            else if (otherRoles.TryGetValue(id, out var otherLadder))
                diags.Error(DiagnosticCodes.CsvBadValue, at, $"the role id '{id}' is taken by ladder '{otherLadder}'",
                    $"role ids are unique across ladders: rename the role, or import the row into --ladder {otherLadder}");
            else if (!seen.TryAdd(id, row.Line))
                diags.Error(DiagnosticCodes.CsvBadValue, at, $"the role '{name}' is already on line {seen[id]}", "give each role one row");
            else ok = true;
            // The other cells are checked even when the role is not, so that one run reports every problem.
            var required = Badges(sheet, row, Required, names, diags);
            var optional = Badges(sheet, row, Optional, names, diags);
            var packages = PackageText.Parse(sheet.Cell(row, Package), names, sheet.At(row, Package), diags) ?? [];
            if (!ok) continue;
            var from = old?.Promotion is { From.Count: > 0 } p ? p.From : previous is null ? [] : [previous];
            rows.Add(new RoleEdit(id, old?.Name ?? name)
            {
                Badges = (required, optional),
                SetPromotion = true,
                // The spreadsheet has no scorecard column: a role keeps the scorecard it had.
                Promotion = packages.Count == 0 ? null : new Promotion(from, packages) { Scorecard = old?.Promotion?.Scorecard ?? [] },
            });
            existing.Add(old is not null);
            previous = id;
        }
        if (diags.HasErrors) return null;

        var plan = new ImportPlan();
        var file = source.YamlFiles(source.Roles).Files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == ladderId)
            ?? Path.Combine(source.Roles, ladderId + ".yml");
        var rel = source.Relative(file);
        if (!File.Exists(file))
        {
            plan.Changes.Add(new FileChange(file, rel, null, LadderYaml.NewFile(CatalogNames.Title(ladderId), rows, Path.GetFileName(sheet.Path)), []));
            return plan;
        }
        var before = File.ReadAllText(file);
        var (after, hunks, error) = LadderYaml.Update(before, rows.Where((_, i) => existing[i]).ToList(), rows.Where((_, i) => !existing[i]).ToList());
        if (after is null)
        {
            diags.Error(DiagnosticCodes.CsvBadValue, new SourceLocation(sheet.Path, 1, 1), $"cannot import into {rel}: {error}",
                "import into a new ladder (--ladder NEW-ID), or edit the ladder file so that each role is a block ('- id: ...' and one key per line)");
            return null;
        }
        if (after != before) plan.Changes.Add(new FileChange(file, rel, before, after, hunks));
        else plan.Notes.Add($"unchanged {rel}");
        return plan;
    }

    /// <summary>The badge ids of a cell of comma-separated badge names or ids.</summary>
    private static IReadOnlyList<string> Badges(CsvSheet sheet, CsvRow row, string column, CatalogNames names, DiagnosticBag diags)
    {
        var at = sheet.At(row, column);
        var ids = new List<string>();
        foreach (var part in sheet.Cell(row, column).Split([',', '\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (names.Badges.Resolve(part, at, diags) is { } id && !ids.Contains(id)) ids.Add(id);
        return ids;
    }
}
