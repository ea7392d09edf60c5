using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

/// <summary>
/// Where each field of one entity was read from, keyed by a field path such as
/// <c>issuer</c>, <c>prerequisites[1]</c> or <c>rubric.criteria[0].requiredLevel</c>.
/// Later stages use it to point diagnostics at the exact line and column.
/// </summary>
public sealed class LocationMap
{
    private readonly Dictionary<string, SourceLocation> _spans;

    public LocationMap(SourceLocation root, Dictionary<string, SourceLocation>? spans = null)
    {
        Root = root;
        _spans = spans ?? new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
    }

    public SourceLocation Root { get; }

    public string Path => Root.Path;

    internal void Set(string path, SourceLocation at) => _spans[path] = at;

    /// <summary>The location of a field path, or of its nearest recorded parent, or of the file.</summary>
    public SourceLocation At(string path)
    {
        while (true)
        {
            if (_spans.TryGetValue(path, out var at)) return at;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) return Root;
            path = path[..cut];
        }
    }
}
