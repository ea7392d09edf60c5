namespace CredentialSite.Write;

/// <summary>
/// Where a path really is: absolute, every symbolic link on it resolved (as far as the path exists), without a
/// trailing separator. Two paths are compared without regard to case, as on the file systems of macOS and Windows
/// (on Linux that can only refuse more, never less).
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40; // as Linux: a longer chain is a loop

    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo? target = null;
            try
            {
                if (links < MaxLinks) target = File.ResolveLinkTarget(next, returnFinalTarget: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* missing, a loop or unreadable: as written */ }
            // A link's target may itself lie under links (a relative target through a linked folder).
            current = target is null ? next : Resolve(target.FullName, links + 1);
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it (both real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, StringComparison.OrdinalIgnoreCase) ||
        path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
}
