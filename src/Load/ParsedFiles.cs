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

    /// <summary>How many files have been parsed (not reused) so far; for tests.</summary>
    public int Parsed => Volatile.Read(ref _parsed);

    private int _parsed;

    /// <summary>The record of <paramref name="fullPath"/>: reused when the file is unchanged, else made by <paramref name="parse"/>.</summary>
    public T? Read<T>(string fullPath, DiagnosticBag diags, Func<DiagnosticBag, T?> parse) where T : class
    {
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
