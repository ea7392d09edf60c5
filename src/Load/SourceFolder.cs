using System.IO.Enumeration;
using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

/// <summary>
/// The layout of a site's source folder (see docs/catalog-format.md), and the one way to list its files: a symbolic
/// link is followed only when, with every link on its way resolved, it stays inside the source folder; a link that
/// leads out is reported (CS0103) and never read, so no file from elsewhere on the machine (<c>/etc/passwd</c>,
/// <c>/proc/self/environ</c>) can reach the site.
/// </summary>
public sealed class SourceFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    private string? _realRoot;

    /// <summary>The source folder with the links on its own way resolved (the folder itself may be reached through a link).</summary>
    private string RealRoot => _realRoot ??= RealPath(Root) ?? Root;

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

    /// <summary>The files of one folder and what was refused in it (links leading out), as one value that can be kept.</summary>
    public sealed record Listing(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Refused)
    {
        public void Report(DiagnosticBag diags)
        {
            foreach (var d in Refused) diags.Add(d);
        }
    }

    /// <summary>The YAML files of one catalog folder (not its subfolders), in a stable order.</summary>
    public Listing YamlFiles(string folder) =>
        List(folder, recursive: false, name => name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal));

    /// <summary>
    /// The files under <paramref name="folder"/>, recursively, whose name matches <paramref name="pattern"/>, in a stable
    /// order; names starting with '.' are left out unless <paramref name="hidden"/>.
    /// </summary>
    public IReadOnlyList<string> FilesUnder(string folder, DiagnosticBag diags, string pattern = "*", bool hidden = false)
    {
        var listing = List(folder, recursive: true, name => (hidden || !name.StartsWith('.')) && FileSystemName.MatchesSimpleExpression(pattern, name));
        listing.Report(diags);
        return listing.Files;
    }

    /// <summary>
    /// Whether a file or folder of the source may be read: false (reported) when a symbolic link on its way leads
    /// outside the source folder, or when it is a link to nothing.
    /// </summary>
    public bool MayRead(string fullPath, DiagnosticBag diags)
    {
        var problem = Check(fullPath);
        if (problem is not null) diags.Add(problem);
        return problem is null;
    }

    /// <summary>
    /// <see cref="MayRead"/> for an entry listed in a folder already checked: only the entry itself can be a link
    /// (one look at the file system instead of one per folder on its way).
    /// </summary>
    public bool MayReadEntry(string fullPath, DiagnosticBag diags) => new FileInfo(fullPath).LinkTarget is null || MayRead(fullPath, diags);

    /// <summary>Whether <paramref name="fullPath"/>, every link on its way followed, is <paramref name="folder"/> or inside it.</summary>
    public static bool IsInside(string fullPath, string folder) => RealPath(fullPath) is { } real && Within(real, RealPath(folder) ?? folder);

    private static bool Within(string real, string realFolder) =>
        real == realFolder || real.StartsWith(realFolder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private Diagnostic? Check(string fullPath)
    {
        var real = RealPath(fullPath);
        var at = SourceLocation.File(Relative(fullPath));
        if (real is null || !Within(real, RealRoot))
            return new Diagnostic(Severity.Error, DiagnosticCodes.LinkOutsideSource,
                $"'{Relative(fullPath)}' is a symbolic link that leads outside the source folder" + (real is null ? " (or a loop of links)" : $" (to '{real}')"), at,
                "copy the file into the source folder instead of linking to it (a link that stays inside the source folder is followed)");
        // (File.Exists is true for a link to nothing: the resolved path tells.)
        if (!File.Exists(real) && !Directory.Exists(real) && new FileInfo(fullPath).LinkTarget is { } to)
            return new Diagnostic(Severity.Error, DiagnosticCodes.MissingFile, $"'{Relative(fullPath)}' is a symbolic link to '{to}', which does not exist",
                at, "remove the link, or make it point at a file inside the source folder");
        return null;
    }

    private Listing List(string folder, bool recursive, Func<string, bool> include)
    {
        var files = new List<string>();
        var refused = new List<Diagnostic>();
        if (!Directory.Exists(folder) && new FileInfo(folder).LinkTarget is null) return new Listing(files, refused);
        if (Check(folder) is { } problem) return new Listing(files, [problem]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string dir, string realDir)
        {
            if (!visited.Add(realDir)) return; // a link back to a folder already listed
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null;
                var isFolder = isLink ? Directory.Exists(entry.FullName) : entry is DirectoryInfo;
                if (!isFolder && !include(entry.Name)) continue;
                if (isFolder && !recursive) continue;
                if (isLink && Check(entry.FullName) is { } refusal)
                {
                    refused.Add(refusal);
                    continue;
                }
                if (!isFolder) files.Add(entry.FullName);
                else Walk(entry.FullName, isLink ? RealPath(entry.FullName)! : Path.Combine(realDir, entry.Name));
            }
        }
        Walk(folder, RealPath(folder)!);
        files.Sort(StringComparer.Ordinal);
        return new Listing(files, refused);
    }

    /// <summary>
    /// The path with every symbolic link on its way resolved, as realpath(3) gives it (a missing part is kept as
    /// written); null when links loop.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > 40) return null;
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var p in Parts(target).Reverse()) pending.Push(p);
        }
        return current;
    }

    private static string[] Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
