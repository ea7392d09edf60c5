using System.Collections.Concurrent;
using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

/// <summary>
/// Where each field of one entity was read from, keyed by a field path such as
/// <c>issuer</c>, <c>prerequisites[1]</c> or <c>rubric.criteria[0].requiredLevel</c>.
/// Later stages use it to point diagnostics at the exact line and column.
/// Compact, because every entity keeps one: field paths repeat across files and are shared, and a
/// position is stored as one number (a <see cref="SourceLocation"/> is made only when asked for).
/// </summary>
public sealed class LocationMap
{
    private static readonly ConcurrentDictionary<string, string> SharedPaths = new(StringComparer.Ordinal);

    private Dictionary<string, long> _spans = new(StringComparer.Ordinal);

    public LocationMap(SourceLocation root) => Root = root;

    public SourceLocation Root { get; }

    public string Path => Root.Path;

    internal void Set(string path, SourceLocation at) =>
        _spans[SharedPaths.GetOrAdd(path, path)] = ((long)at.Line << 32) | (uint)at.Column;

    /// <summary>
    /// Forgets the field positions (later lookups answer with the file): a one-shot build needs them only until its
    /// checks have run, and at ten thousand badges they are a quarter of the loaded catalog.
    /// </summary>
    public void Release() => _spans = [];

    /// <summary>The location of a field path, or of its nearest recorded parent, or of the file.</summary>
    public SourceLocation At(string path)
    {
        while (true)
        {
            if (_spans.TryGetValue(path, out var at)) return new SourceLocation(Root.Path, (int)(at >> 32), (int)(at & 0xffffffff));
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return Root;
            path = path[..cut];
        }
    }
}
