using System.Reflection;
using System.Text;

namespace CredentialSite.Scaffold;

/// <summary>
/// <c>credentialsite new DIR</c>: writes the starter site kept in the repository's <c>scaffold/</c> folder (embedded in
/// the tool) into a new or empty folder: a commented site.yml, an issuer, a framework, three badges, a ladder, an
/// unpublished example portfolio, a free page, a README, .gitignore, the local tool manifest pinning this version,
/// the Pages workflow, VS Code settings and the JSON Schemas the files name.
/// </summary>
public static class NewSite
{
    private const string Prefix = "scaffold/";

    /// <summary>The starter files, site-relative with '/' separators, in a stable order.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(NewSite).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>A reason the folder cannot take a new site, or null.</summary>
    public static string? Refuse(string folder) =>
        File.Exists(folder) ? $"'{folder}' is a file"
        : Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() ? $"'{folder}' is not empty"
        : null;

    /// <summary>Writes the starter site into <paramref name="folder"/> (which <see cref="Refuse"/> accepted); returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, string toolVersion)
    {
        var written = new List<string>();
        foreach (var rel in Files)
        {
            var text = Read(rel).Replace("{{version}}", toolVersion, StringComparison.Ordinal);
            WriteFile(folder, rel, text);
            written.Add(rel);
        }
        foreach (var (file, json) in Schemas.SchemaWriter.All())
        {
            WriteFile(folder, "schemas/" + file, json);
            written.Add("schemas/" + file);
        }
        return written;
    }

    private static void WriteFile(string folder, string rel, string text)
    {
        var full = Path.Combine(folder, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Read(string rel)
    {
        using var stream = typeof(NewSite).Assembly.GetManifestResourceStream(Prefix + rel)
            ?? typeof(NewSite).Assembly.GetManifestResourceStream(Prefix + rel.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"the tool lacks its starter file {rel}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
