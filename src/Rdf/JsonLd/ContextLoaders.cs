namespace CredentialSite.Rdf.JsonLd;

/// <summary>Gives the @context of a remote context document. Never fetches: see <see cref="PinnedContexts"/>.</summary>
public interface IContextLoader
{
    /// <summary>The value of the document's @context entry; throws <see cref="JsonLdException"/> for an unknown URL.</summary>
    object? Load(string url);
}

/// <summary>A loader over documents held in memory (URL to parsed JSON document).</summary>
public class InMemoryContextLoader(IReadOnlyDictionary<string, Func<object?>> documents) : IContextLoader
{
    private readonly Dictionary<string, object?> _parsed = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public object? Load(string url)
    {
        lock (_lock)
        {
            if (_parsed.TryGetValue(url, out var cached)) return cached;
            if (!documents.TryGetValue(url, out var read))
                throw new JsonLdException("loading remote context failed",
                    $"context <{url}> is not one of the pinned contexts, and contexts are never fetched");
            var document = read() as Dictionary<string, object?>;
            if (document is null || !document.TryGetValue("@context", out var context))
                throw new JsonLdException("invalid remote context", $"<{url}> has no @context");
            return _parsed[url] = context;
        }
    }
}
