using CredentialSite.Diagnostics;
using CredentialSite.Import.Csv;
using CredentialSite.Import.Names;
using CredentialSite.Import.Roles;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Import.Badges;

/// <summary>
/// <c>credentialsite import badges FILE.csv --issuer ID</c>: one row per badge and competency (a badge's rows are
/// merged, in order), written as draft badges (<c>status: draft</c>) to <c>catalog/badges/&lt;id&gt;.yml</c>, the id
/// made from the badge's name. An existing badge file is never overwritten: the badge is skipped, and said so.
/// "Role level" holds roles (names or ids) and/or one level of the competency's framework, comma-separated: the badge
/// becomes a recommended (optional) badge of each role, and its level for the competency is the level written, else
/// the level the (first) role expects for that competency. Optional columns: Tier (default capability) and Summary.
/// </summary>
public static class ImportBadges
{
    public const string Badge = "Badge", Competency = "Competency", Behaviors = "Observable behaviors",
        Method = "Assessment method", RoleLevel = "Role level", Tier = "Tier", Summary = "Summary", Id = "Id";

    public static readonly IReadOnlyList<string> Columns = [Badge, Competency, Behaviors, Method, RoleLevel];

    public static readonly IReadOnlyList<string> OptionalColumns = [Tier, Summary, Id];

    public const string DefaultTier = "capability";

    private sealed class Draft(string id, string name, int line)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public int Line { get; } = line;
        public string? Tier { get; set; }
        public string? Summary { get; set; }
        public List<BadgeCompetency> Competencies { get; } = [];
        public List<string> Methods { get; } = [];
        public List<string> Roles { get; } = [];
    }

    public static ImportPlan? Plan(CsvSheet sheet, CatalogNames names, SourceFolder source, string issuer, DiagnosticBag diags)
    {
        var catalog = names.Catalog;
        var competencies = catalog.Frameworks.SelectMany(f => f.Competencies.Select(c => (c, f))).ToDictionary(x => x.c.Id, x => x);
        var roles = catalog.Ladders.SelectMany(l => l.Roles).ToDictionary(r => r.Id);
        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var name = sheet.Cell(row, Badge);
            var at = sheet.At(row, Badge);
            if (name.Length == 0)
            {
                diags.Error(DiagnosticCodes.CsvBadValue, at, "the badge has no name", "write the badge's name in the Badge column, or delete the row");
                continue;
            }
            var id = sheet.Cell(row, Id) is { Length: > 0 } given ? given : Slug.From(name);
            if (!Ids.IsValid(id))
            {
                diags.Error(DiagnosticCodes.CsvBadValue, sheet.Cell(row, Id).Length > 0 ? sheet.At(row, Id) : at, $"'{id}' is not a valid badge id",
                    "an id is lower-case letters and digits separated by single hyphens, made from the name unless the Id column gives one");
                continue;
            }
            if (!drafts.TryGetValue(id, out var draft)) drafts[id] = draft = new Draft(id, name, row.Line);
            else if (!string.Equals(draft.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                diags.Error(DiagnosticCodes.CsvBadValue, at, $"the badges '{draft.Name}' (line {draft.Line}) and '{name}' would both be {id}.yml",
                    "rename one of them, or give it an Id column");
                continue;
            }
            if (sheet.Cell(row, Tier) is { Length: > 0 } tier && CatalogNames.Tiers.Resolve(tier, sheet.At(row, Tier), diags) is { } t) draft.Tier ??= t;
            if (sheet.Cell(row, Summary) is { Length: > 0 } summary) draft.Summary ??= summary;
            foreach (var m in Split(sheet.Cell(row, Method), ',', ';', '\n'))
                if (CatalogNames.Methods.Resolve(m, sheet.At(row, Method), diags) is { } method && !draft.Methods.Contains(method)) draft.Methods.Add(method);

            string? competencyId = null;
            if (sheet.Cell(row, Competency) is { Length: > 0 } competency)
                competencyId = names.Competencies.Resolve(competency, sheet.At(row, Competency), diags);
            // Role level: roles and at most one level of the competency's framework.
            string? level = null;
            var levelAt = sheet.At(row, RoleLevel);
            foreach (var part in Split(sheet.Cell(row, RoleLevel), ',', ';', '\n'))
            {
                var framework = competencyId is null ? null : competencies[competencyId].f;
                if (framework?.Levels.FirstOrDefault(l => string.Equals(l, part, StringComparison.OrdinalIgnoreCase)) is { } l) level = l;
                else if (names.Roles.Find(part) is { } role)
                {
                    if (!draft.Roles.Contains(role)) draft.Roles.Add(role);
                    level ??= competencyId is null ? null : roles[role].Competencies.FirstOrDefault(c => c.Competency == competencyId)?.Level;
                }
                else if (competencyId is null && catalog.Frameworks.Any(f => f.Levels.Contains(part, StringComparer.OrdinalIgnoreCase)))
                {
                    // A level with no competency to be a level of (an unknown competency is reported already).
                    if (sheet.Cell(row, Competency).Length == 0)
                        diags.Error(DiagnosticCodes.CsvBadValue, levelAt, $"the level '{part}' needs a competency", "name the competency in the Competency column");
                }
                else
                    diags.Error(DiagnosticCodes.CsvUnknownName, levelAt, $"unknown role or level '{part}'",
                        Suggest.Hint(part, catalog.Ladders.SelectMany(x => x.Roles).Select(r => r.Name).Concat(framework?.Levels ?? []), "role or level"));
            }
            var behaviors = Split(sheet.Cell(row, Behaviors), ';', '\n').Select(b => b.TrimStart('-', '•', '*', ' ')).Where(b => b.Length > 0).ToList();
            if (competencyId is not null) draft.Competencies.Add(new BadgeCompetency(competencyId, level, behaviors));
            else if (behaviors.Count > 0 && sheet.Cell(row, Competency).Length == 0)
                diags.Error(DiagnosticCodes.CsvBadValue, sheet.At(row, Behaviors), "behaviors need a competency", "name the competency they show in the Competency column");
        }
        if (diags.HasErrors) return null;

        var plan = new ImportPlan();
        var existing = catalog.Badges.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var recommend = new Dictionary<string, List<string>>(StringComparer.Ordinal); // role id -> badge ids to add
        foreach (var draft in drafts.Values)
        {
            var file = Path.Combine(source.Badges, draft.Id + ".yml");
            if (existing.Contains(draft.Id) || File.Exists(file) || File.Exists(Path.ChangeExtension(file, ".yaml")))
            {
                plan.Notes.Add($"skip   {source.Relative(file)} (line {draft.Line}: the badge exists; import never overwrites a badge)");
                continue;
            }
            plan.Changes.Add(new FileChange(file, source.Relative(file), null, Yaml(draft, issuer, Path.GetFileName(sheet.Path)), []));
            foreach (var role in draft.Roles)
            {
                if (!recommend.TryGetValue(role, out var list)) recommend[role] = list = [];
                list.Add(draft.Id);
            }
        }
        return Recommend(plan, recommend, roles, catalog, source, sheet, diags) ? plan : null;
    }

    /// <summary>Adds the new badges to the optional badges of the roles their rows name, editing each ladder file once.</summary>
    private static bool Recommend(ImportPlan plan, Dictionary<string, List<string>> recommend, Dictionary<string, Role> roles, Catalog catalog,
        SourceFolder source, CsvSheet sheet, DiagnosticBag diags)
    {
        foreach (var ladder in catalog.Ladders.Where(l => l.Roles.Any(r => recommend.ContainsKey(r.Id))))
        {
            var edits = ladder.Roles.Where(r => recommend.ContainsKey(r.Id)).Select(r => new RoleEdit(r.Id, r.Name)
            {
                Badges = (r.RequiredBadges, r.OptionalBadges.Concat(recommend[r.Id].Where(b => !r.RequiredBadges.Contains(b) && !r.OptionalBadges.Contains(b))).ToList()),
            }).ToList();
            var file = source.YamlFiles(source.Roles).Files.First(f => Path.GetFileNameWithoutExtension(f) == ladder.Id);
            var before = File.ReadAllText(file);
            var (after, hunks, error) = LadderYaml.Update(before, edits, []);
            if (after is null)
            {
                diags.Error(DiagnosticCodes.CsvBadValue, new SourceLocation(sheet.Path, 1, 1), $"cannot add the badges to {source.Relative(file)}: {error}",
                    "leave the Role level column empty and add the badges to the roles by hand");
                return false;
            }
            plan.Changes.Add(new FileChange(file, source.Relative(file), before, after, hunks));
        }
        return true;
    }

    private static string Yaml(Draft d, string issuer, string csv)
    {
        var lines = new List<string>
        {
            $"# A draft imported from {csv} by `credentialsite import badges`: add its summary, criteria, rubric,",
            "# renewal and governance, then take it through review and set its status.",
            "name: " + YamlText.Scalar(d.Name),
        };
        if (d.Summary is { } s) lines.Add("summary: " + YamlText.Scalar(s));
        lines.Add("status: draft");
        lines.Add("tier: " + (d.Tier ?? DefaultTier));
        lines.Add("issuer: " + issuer);
        if (d.Competencies.Count > 0)
        {
            lines.Add("competencies:");
            foreach (var c in d.Competencies)
            {
                lines.Add("  - competency: " + c.Competency);
                if (c.Level is { } level) lines.Add("    level: " + level);
                if (c.Behaviors.Count == 0) continue;
                lines.Add("    behaviors:");
                lines.AddRange(c.Behaviors.Select(b => "      - " + YamlText.Scalar(b)));
            }
        }
        if (d.Methods.Count > 0)
        {
            lines.Add("assessment:");
            lines.AddRange(d.Methods.Select(m => "  - method: " + m));
        }
        return string.Join("\n", lines) + "\n";
    }

    private static IEnumerable<string> Split(string cell, params char[] separators) =>
        cell.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
