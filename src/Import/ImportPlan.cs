using CredentialSite.Import.Roles;

namespace CredentialSite.Import;

/// <summary>One file an import creates (<see cref="Before"/> null) or changes, with the hunks of a change for the dry run.</summary>
public sealed record FileChange(string FullPath, string RelativePath, string? Before, string After, IReadOnlyList<Hunk> Hunks);

/// <summary>
/// What an import will do: the files it writes and what it leaves alone. <see cref="Apply"/> writes them all;
/// <see cref="Undo"/> puts back what was there, so an import the catalog's validation rejects leaves nothing behind.
/// </summary>
public sealed class ImportPlan
{
    public List<FileChange> Changes { get; } = [];

    /// <summary>Lines for the user about what is left alone (e.g. a badge file that exists).</summary>
    public List<string> Notes { get; } = [];

    public void Print(TextWriter output, bool full)
    {
        foreach (var note in Notes) output.WriteLine(note);
        foreach (var c in Changes)
        {
            output.WriteLine($"{(c.Before is null ? "create" : "update")} {c.RelativePath}");
            if (!full) continue;
            if (c.Before is null)
                foreach (var line in c.After.TrimEnd('\n').Split('\n')) output.WriteLine("  + " + line);
            foreach (var h in c.Hunks)
            {
                output.WriteLine($"  @@ line {h.Line}");
                foreach (var line in h.Removed) output.WriteLine("  - " + line);
                foreach (var line in h.Added) output.WriteLine("  + " + line);
            }
        }
    }

    public void Apply()
    {
        foreach (var c in Changes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(c.FullPath)!);
            File.WriteAllText(c.FullPath, c.After);
        }
    }

    public void Undo()
    {
        foreach (var c in Changes)
        {
            if (c.Before is null) File.Delete(c.FullPath);
            else File.WriteAllText(c.FullPath, c.Before);
        }
    }
}
