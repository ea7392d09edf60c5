namespace CredentialSite.Load;

/// <summary>The layout of a site's source folder (see README "Source folder").</summary>
public sealed class SourceFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string SiteFile => Path.Combine(Root, "site.yml");
    public string Issuers => Path.Combine(Root, "catalog", "issuers");
    public string Competencies => Path.Combine(Root, "catalog", "competencies");
    public string Badges => Path.Combine(Root, "catalog", "badges");
    public string Roles => Path.Combine(Root, "catalog", "roles");
    public string Pages => Path.Combine(Root, "input", "pages");
    public string Portfolios => Path.Combine(Root, "input", "portfolios");
    public string Assets => Path.Combine(Root, "input", "assets");
    public string Theme => Path.Combine(Root, "theme");

    /// <summary>Repository-relative path with forward slashes, as printed in diagnostics.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>The YAML files of one catalog folder, in a stable order.</summary>
    public static IReadOnlyList<string> YamlFiles(string folder) =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> FilesUnder(string folder, string pattern = "*") =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
