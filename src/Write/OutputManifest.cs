using System.Text;

namespace CredentialSite.Write;

/// <summary>
/// The marker a build leaves in the output folder, <c>.credentialsite</c>: it says the folder is a site this tool
/// wrote and lists, one output-relative path a line, every file the tool wrote there. A build deletes only listed
/// files the site no longer has; a file someone else put in the folder is never listed, so never deleted.
/// The marker lives inside the folder so that it moves, is copied and is deleted with it (a folder emptied and
/// filled with other files loses it). It is published with the site: a text file naming the site's own files,
/// which GitHub Pages serves as any other (upload-pages-artifact from v4 leaves dotfiles out; either is harmless).
/// </summary>
public static class OutputManifest
{
    public const string FileName = ".credentialsite";

    private const string Header = "# CredentialSite output folder: the files below were written by CredentialSite; a build deletes only these.";

    /// <summary>The marker's text for a site of these files (sorted: the output is deterministic).</summary>
    public static byte[] For(IEnumerable<string> paths)
    {
        var text = new StringBuilder(Header).Append('\n');
        // A name with a line break cannot be listed: such a file is never deleted, which is the safe side.
        foreach (var path in paths.Where(p => p != FileName && !p.Contains('\n') && !p.Contains('\r')).Order(StringComparer.Ordinal))
            text.Append(path).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The files the marker in <paramref name="folder"/> lists; null when the folder has no marker of this tool.</summary>
    public static HashSet<string>? Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file)) return null;
        using var reader = new StreamReader(file, Encoding.UTF8);
        if (reader.ReadLine() != Header) return null;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) paths.Add(line);
        return paths;
    }

    /// <summary>
    /// An output folder of a version before the marker: the render cache beside it shows a build wrote it, and lists
    /// (lines "@&lt;TAB&gt;path") the files that build wrote. Null when there is no such cache.
    /// </summary>
    public static HashSet<string>? ReadLegacy(string renderCache)
    {
        if (!File.Exists(renderCache)) return null;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(renderCache))
            if (line.StartsWith("@\t", StringComparison.Ordinal)) paths.Add(line[2..]);
        return paths;
    }

    /// <summary>Whether a listed path names a file inside the folder (a hand-edited marker must not lead out of it).</summary>
    public static bool IsInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\') && !path.Contains(':') &&
        path.Split('/').All(part => part is not ("" or "." or ".."));
}
