using System.Collections.Concurrent;
using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

/// <summary>
/// Parsed source files kept from one build to the next in a long-running process (<c>serve</c>). A file whose
/// size and last-write time are what they were is not read or parsed again: its record and the diagnostics its
/// parse reported are reused. Records are immutable, so sharing them between builds is safe; everything that
/// looks across files (validation, consent, the index) still runs on every build. One instance serves builds made
/// with the same options (site.yml's record depends on <c>--base-url</c>).
/// </summary>
public sealed class ParsedFiles
{
    private sealed record Entry(long Length, DateTime WriteTime, object? Result, Diagnostic[] Diagnostics);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _listings = new(StringComparer.Ordinal);
    private Report? _since;

    /// <summary>
    /// What a file watcher saw since the previous build: files whose content changed, and files or folders created,
    /// deleted or renamed (full paths).
    /// </summary>
    public sealed record Report(IReadOnlySet<string> Changed, IReadOnlySet<string> Moved);

    /// <summary>
    /// Takes the watcher's report for the next build, or null when nothing is known (the first build, or a watcher that
    /// lost events): then every file's size and time are checked. With a report, a file nobody touched is reused
    /// without asking the file system, and a folder's listing is reused while nothing in it was created, deleted or
    /// renamed. A folder created, deleted or renamed makes everything under it be checked again.
    /// </summary>
    public void Since(Report? report) => _since = report;

    private bool Untouched(string fullPath)
    {
        if (_since is not { } since || since.Changed.Contains(fullPath)) return false;
        if (since.Moved.Count == 0) return true;
        for (var path = fullPath; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
            if (since.Moved.Contains(path)) return false;
        return true;
    }

    /// <summary>A folder's file list: reused when the watcher saw nothing created, deleted or renamed in it.</summary>
    public T List<T>(string folder, Func<string, T> list) where T : class
    {
        if (_listings.TryGetValue(folder, out var files) && files is T kept && Untouched(folder)
            && !_since!.Moved.Any(p => string.Equals(Path.GetDirectoryName(p), folder, StringComparison.Ordinal))) return kept;
        var listed = list(folder);
        _listings[folder] = listed;
        return listed;
    }

    /// <summary>How many files have been parsed (not reused) so far; for tests.</summary>
    public int Parsed => Volatile.Read(ref _parsed);

    private int _parsed;

    /// <summary>The record of <paramref name="fullPath"/>: reused when the file is unchanged, else made by <paramref name="parse"/>.</summary>
    public T? Read<T>(string fullPath, DiagnosticBag diags, Func<DiagnosticBag, T?> parse) where T : class
    {
        if (_entries.TryGetValue(fullPath, out var known) && Untouched(fullPath))
        {
            foreach (var d in known.Diagnostics) diags.Add(d);
            return (T?)known.Result;
        }
        var info = new FileInfo(fullPath);
        if (info.Exists && _entries.TryGetValue(fullPath, out var entry) && entry.Length == info.Length && entry.WriteTime == info.LastWriteTimeUtc)
        {
            foreach (var d in entry.Diagnostics) diags.Add(d);
            return (T?)entry.Result;
        }
        Interlocked.Increment(ref _parsed);
        var own = new DiagnosticBag();
        var result = parse(own);
        foreach (var d in own.All) diags.Add(d);
        // Stamped with the size and time seen before reading: a write during the parse shows as a change next time.
        if (info.Exists) _entries[fullPath] = new Entry(info.Length, info.LastWriteTimeUtc, result, [.. own.All]);
        return result;
    }
}
