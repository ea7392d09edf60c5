using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>Stage 1: read every source file into immutable records (files are parsed in parallel).</summary>
public static class LoadCatalog
{
    public static Catalog? Run(SourceFolder source, BuildOptions options, DiagnosticBag diags, ParsedFiles? parsed = null)
    {
        if (!File.Exists(source.SiteFile))
        {
            diags.Error(DiagnosticCodes.MissingSiteConfig, SourceLocation.File("site.yml"), $"no site.yml in {source.Root}",
                "run the command in a site's source folder, pass --source <folder>, or start a new site with 'credentialsite new <folder>'");
            return null;
        }
        if (!source.MayRead(source.SiteFile, diags)) return null;
        var strings = new SharedStrings();
        var site = ReadFile(source.SiteFile, source, diags, parsed, (fields, bag) =>
        {
            var read = ReadCatalog.Site(fields, bag, options.BaseUrl);
            return read is not null && options.BadgesPerPage is { } perPage ? read with { BadgesPerPage = perPage } : read;
        }, strings);

        var (issuers, unreadableIssuers) = ReadAll(source, source.Issuers, diags, parsed, ReadCatalog.Issuer, strings);
        var (frameworks, _) = ReadAll(source, source.Competencies, diags, parsed, ReadCatalog.Framework, strings);
        var (badges, unreadableBadges) = ReadAll(source, source.Badges, diags, parsed, ReadCatalog.Badge, strings);
        var (ladders, _) = ReadAll(source, source.Roles, diags, parsed, ReadCatalog.Ladder, strings);
        var pages = LoadPages.Run(source, diags);
        var portfolios = LoadPortfolios.Run(source, diags, parsed, strings);
        var assets = source.FilesUnder(source.Assets, diags)
            .Select(f => "assets/" + Path.GetRelativePath(source.Assets, f).Replace('\\', '/'))
            .ToList();

        if (site is null) return null;
        return new Catalog(site, issuers, frameworks, badges, ladders, pages, portfolios, assets)
        {
            UnreadableIssuers = unreadableIssuers,
            UnreadableBadges = unreadableBadges,
        };
    }

    /// <summary>Reads one file, or takes its record from <paramref name="parsed"/> when the file did not change; <paramref name="read"/>
    /// is given a bag of the file's own diagnostics.</summary>
    internal static T? ReadFile<T>(string fullPath, SourceFolder source, DiagnosticBag diags, ParsedFiles? parsed,
        Func<YamlFields, DiagnosticBag, T?> read, SharedStrings? strings = null) where T : class
    {
        T? Parse(DiagnosticBag bag) => YamlFile.Open(fullPath, source.Relative(fullPath), bag, strings) is { } fields ? read(fields, bag) : null;
        if (parsed is not null) return parsed.Read(fullPath, diags, Parse);
        // Each file reports into a bag of its own, so that a reader can tell whether its file had errors.
        var own = new DiagnosticBag();
        var result = Parse(own);
        foreach (var d in own.All) diags.Add(d);
        return result;
    }

    /// <summary>Reads every file of a folder: the records read, and the ids (file names) of files that gave none.</summary>
    private static (IReadOnlyList<T> Read, IReadOnlySet<string> Unreadable) ReadAll<T>(SourceFolder source, string folder, DiagnosticBag diags, ParsedFiles? parsed,
        Func<YamlFields, string, DiagnosticBag, T?> read, SharedStrings strings) where T : class
    {
        // x.yml and x.yaml would both claim the id x: the first (in name order) wins, the second is an error.
        var files = new List<string>();
        var listing = parsed is null ? source.YamlFiles(folder) : parsed.List(folder, source.YamlFiles);
        listing.Report(diags);
        foreach (var group in listing.Files.GroupBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal))
        {
            files.Add(group.First());
            foreach (var dup in group.Skip(1))
                diags.Error(DiagnosticCodes.DuplicateId, SourceLocation.File(source.Relative(dup)), $"duplicate id '{group.Key}'",
                    $"{source.Relative(group.First())} already defines it; remove or rename one of the files");
        }
        var results = new T?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var id = Path.GetFileNameWithoutExtension(files[i]);
            results[i] = ReadFile(files[i], source, diags, parsed, (fields, bag) => read(fields, id, bag), strings);
        });
        var unreadable = files.Where((_, i) => results[i] is null).Select(f => Path.GetFileNameWithoutExtension(f)!).ToHashSet(StringComparer.Ordinal);
        return (results.OfType<T>().ToList(), unreadable);
    }
}
