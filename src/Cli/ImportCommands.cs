using System.CommandLine;
using CredentialSite.Diagnostics;
using CredentialSite.Import;
using CredentialSite.Import.Badges;
using CredentialSite.Import.Csv;
using CredentialSite.Import.Names;
using CredentialSite.Import.Roles;
using CredentialSite.Load;

namespace CredentialSite.Cli;

/// <summary>
/// <c>credentialsite import roles|badges FILE.csv</c>: spreadsheets into the catalog. Every bad row is reported at once,
/// located in the CSV, and then nothing is written; after writing, the source is checked as <c>validate</c> checks it,
/// and an import that would leave it invalid is undone.
/// </summary>
public static class ImportCommands
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        Option<string> Source() => new("--source", "-s") { Description = "The site's source folder (with site.yml)", DefaultValueFactory = _ => "." };
        Option<bool> DryRun() => new("--dry-run") { Description = "Print the files the import would create or change, with the changes; write nothing" };
        Argument<string> File(string what) => new("file") { Description = $"The CSV file: {what}" };

        var rolesFile = File(string.Join(", ", ImportRoles.Columns));
        var ladder = new Option<string>("--ladder") { Description = "The ladder to write or update: catalog/roles/<ID>.yml", Required = true };
        var rolesSource = Source();
        var rolesDry = DryRun();
        var roles = new Command("roles", "Import a badge-to-role map (one row per role, lowest first) into a career ladder")
        {
            rolesFile, ladder, rolesSource, rolesDry,
        };
        roles.SetAction(r => Run(r.GetValue(rolesFile)!, r.GetValue(rolesSource)!, r.GetValue(rolesDry), ImportRoles.Columns, [], stdout, stderr,
            (names, source, sheet, diags) =>
            {
                var id = r.GetValue(ladder)!;
                if (Ids.IsValid(id)) return ImportRoles.Plan(sheet, names, source, id, diags);
                stderr.WriteLine($"error: --ladder '{id}' is not an id; use lower-case letters and digits separated by hyphens, e.g. {(Slug.From(id) is { Length: > 0 } s ? s : "people-ops")}");
                return null;
            }));

        var badgesFile = File(string.Join(", ", ImportBadges.Columns));
        var issuer = new Option<string>("--issuer") { Description = "The issuer of the imported badges (an issuer id)", Required = true };
        var badgesSource = Source();
        var badgesDry = DryRun();
        var badges = new Command("badges", "Import badge definitions (one row per badge and competency) as draft badges")
        {
            badgesFile, issuer, badgesSource, badgesDry,
        };
        badges.SetAction(r => Run(r.GetValue(badgesFile)!, r.GetValue(badgesSource)!, r.GetValue(badgesDry), ImportBadges.Columns, ImportBadges.OptionalColumns, stdout, stderr,
            (names, source, sheet, diags) =>
            {
                var id = r.GetValue(issuer)!;
                if (names.Catalog.Issuers.Any(i => i.Id == id)) return ImportBadges.Plan(sheet, names, source, id, diags);
                stderr.WriteLine($"error: --issuer '{id}' is not an issuer of this catalog");
                stderr.WriteLine("    hint: " + Suggest.Hint(id, names.Catalog.Issuers.Select(i => i.Id), "issuer"));
                return null;
            }));

        return new Command("import", "Import a spreadsheet (CSV) into the catalog: roles of a ladder, or draft badges") { roles, badges };
    }

    private static int Run(string csv, string sourceDir, bool dryRun, IReadOnlyList<string> columns, IReadOnlyList<string> optional,
        TextWriter stdout, TextWriter stderr, Func<CatalogNames, SourceFolder, CsvSheet, DiagnosticBag, ImportPlan?> plan)
    {
        if (!System.IO.File.Exists(csv))
        {
            stderr.WriteLine($"error: no file '{csv}'");
            return CliApp.UsageError;
        }
        var source = new SourceFolder(sourceDir);
        var diags = new DiagnosticBag();
        var catalog = LoadCatalog.Run(source, new BuildOptions { Source = sourceDir }, diags);
        if (catalog is null || diags.HasErrors)
            return Failed(diags, "the source has errors; fix them before importing", stderr);
        diags = new DiagnosticBag(); // the source's warnings are validate's business
        var sheet = CsvSheet.Read(csv, csv, columns, optional, diags);
        if (sheet is null) return Failed(diags, null, stderr);
        var before = diags.ErrorCount;
        var changes = plan(new CatalogNames(catalog), source, sheet, diags);
        if (changes is null)
            return diags.ErrorCount == before ? CliApp.UsageError : Failed(diags, null, stderr);
        if (dryRun)
        {
            changes.Print(stdout, full: true);
            stdout.WriteLine($"dry run: {Plural(changes.Changes.Count, "file")} to write; nothing written");
            return CliApp.Ok;
        }
        try
        {
            changes.Apply();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            changes.Undo();
            stderr.WriteLine($"error: cannot write the source: {e.Message}; nothing written");
            return CliApp.InputErrors;
        }
        // The same checks as validate, on the source as the import left it.
        var check = SiteBuild.Run(new BuildOptions { Source = sourceDir, DryRun = true });
        if (check.Diagnostics.HasErrors)
        {
            changes.Undo();
            return Failed(check.Diagnostics, "the imported files would make the source invalid; nothing written", stderr);
        }
        foreach (var d in check.Diagnostics.Sorted()) stderr.WriteLine(d.ToString());
        changes.Print(stdout, full: false);
        stdout.WriteLine($"imported: {Plural(changes.Changes.Count, "file")} written; valid: {Plural(check.Diagnostics.WarningCount, "warning")}");
        return CliApp.Ok;
    }

    private static int Failed(DiagnosticBag diags, string? why, TextWriter stderr)
    {
        foreach (var d in diags.Sorted()) stderr.WriteLine(d.ToString());
        stderr.WriteLine($"failed: {why ?? Plural(diags.ErrorCount, "error")}; nothing written");
        return CliApp.InputErrors;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
