using System.Collections.Concurrent;

namespace CredentialSite.Rdf.JsonLd;

/// <summary>
/// JSON-LD 1.1 Context Processing (§4.1) and IRI Expansion (§5.2). Remote contexts come only from the
/// <see cref="IContextLoader"/>. Results are cached per (active context, local context), so the contexts and the
/// type- and property-scoped contexts of VC and OB documents are processed once, not once per document; a processor is
/// safe to share between threads.
/// </summary>
public sealed partial class ContextProcessor(IContextLoader loader)
{
    private const int MaxRemoteContexts = 32;
    private const int MaxCacheEntries = 20_000;
    private readonly ConcurrentDictionary<(ActiveContext, object, string, bool, bool, bool), ActiveContext> _cache = new();
    private readonly ConcurrentDictionary<string, ActiveContext> _initial = new(StringComparer.Ordinal);

    /// <summary>The empty active context for a base IRI (one instance per base, so cached results can be found).</summary>
    public ActiveContext Initial(string? baseUrl) => _initial.GetOrAdd(baseUrl ?? "", _ => ActiveContext.Initial(baseUrl));

    public ActiveContext Process(ActiveContext active, object? local, string? baseUrl, bool overrideProtected = false,
        bool propagate = true, bool validateScoped = true) =>
        Process(active, local, baseUrl, [], overrideProtected, propagate, validateScoped);

    private ActiveContext Process(ActiveContext active, object? local, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, bool propagate, bool validateScoped)
    {
        var key = (active, CacheKey(local), baseUrl ?? "", overrideProtected, propagate, validateScoped);
        var cacheable = remoteContexts.Count == 0 && validateScoped;
        if (cacheable && _cache.TryGetValue(key, out var cached)) return cached;

        var result = active.Clone();
        if (local is Dictionary<string, object?> localMap && localMap.TryGetValue("@propagate", out var p))
            propagate = p as bool? ?? throw new JsonLdException("invalid @propagate value", "@propagate must be true or false");
        if (!propagate && result.Previous is null) result.Previous = active;

        foreach (var context in JsonTree.AsList(local is null ? new List<object?> { null } : local))
        {
            switch (context)
            {
                case null:
                    if (!overrideProtected && result.Terms.Values.Any(t => t.Protected))
                        throw new JsonLdException("invalid context nullification", "a context with protected terms cannot be set to null");
                    var previous = result.Previous;
                    result = ActiveContext.Initial(active.OriginalBaseUrl);
                    if (!propagate) result.Previous = previous;
                    continue;
                case string reference:
                    var url = Iri.Resolve(baseUrl, reference);
                    if (!validateScoped && remoteContexts.Contains(url)) continue;
                    if (remoteContexts.Count >= MaxRemoteContexts)
                        throw new JsonLdException("context overflow", $"more than {MaxRemoteContexts} remote contexts");
                    var loaded = loader.Load(url);
                    result = Process(result, loaded, url, [.. remoteContexts, url], false, true, validateScoped);
                    continue;
                case Dictionary<string, object?> map:
                    result = ProcessMap(result, map, baseUrl, remoteContexts, overrideProtected, validateScoped);
                    continue;
                default:
                    throw new JsonLdException("invalid local context", "a context must be null, a string or a map");
            }
        }
        if (cacheable)
        {
            if (_cache.Count >= MaxCacheEntries) _cache.Clear();
            _cache[key] = result;
        }
        return result;
    }

    // A list of context URLs is a new list in every document: key it by its text, so it is found again.
    private static object CacheKey(object? local) => local switch
    {
        null => "",
        List<object?> list when list.All(item => item is string) => "\n" + string.Join('\n', list),
        _ => local,
    };

    private ActiveContext ProcessMap(ActiveContext result, Dictionary<string, object?> context, string? baseUrl,
        List<string> remoteContexts, bool overrideProtected, bool validateScoped)
    {
        if (context.TryGetValue("@version", out var version) && version is not 1.1)
            throw new JsonLdException("invalid @version value", "@version must be 1.1");
        if (context.TryGetValue("@import", out var import))
        {
            if (import is not string importReference)
                throw new JsonLdException("invalid @import value", "@import must be a string");
            var imported = loader.Load(Iri.Resolve(baseUrl, importReference)) as Dictionary<string, object?>
                ?? throw new JsonLdException("invalid remote context", "an imported context must be a map");
            if (imported.ContainsKey("@import"))
                throw new JsonLdException("invalid context entry", "an imported context cannot import");
            var merged = new Dictionary<string, object?>(imported, StringComparer.Ordinal);
            foreach (var (k, v) in context) merged[k] = v;
            merged.Remove("@import");
            context = merged;
        }
        if (context.TryGetValue("@base", out var baseValue) && remoteContexts.Count == 0)
        {
            result.BaseIri = baseValue switch
            {
                null => null,
                string b when Iri.IsAbsolute(b) => b,
                string b when result.BaseIri is not null => Iri.Resolve(result.BaseIri, b),
                _ => throw new JsonLdException("invalid base IRI", "@base must be an IRI"),
            };
        }
        if (context.TryGetValue("@vocab", out var vocab))
        {
            result.Vocab = vocab switch
            {
                null => null,
                string v => ExpandIri(result, v, documentRelative: true, vocab: true),
                _ => throw new JsonLdException("invalid vocab mapping", "@vocab must be a string or null"),
            };
        }
        if (context.TryGetValue("@language", out var language))
            result.DefaultLanguage = language switch
            {
                null => null,
                string l => l.ToLowerInvariant(),
                _ => throw new JsonLdException("invalid default language", "@language must be a string or null"),
            };
        if (context.TryGetValue("@direction", out var direction))
            result.DefaultDirection = direction switch
            {
                null => null,
                "ltr" or "rtl" => (string)direction,
                _ => throw new JsonLdException("invalid base direction", "@direction must be ltr, rtl or null"),
            };
        if (context.TryGetValue("@propagate", out var propagateValue) && propagateValue is not bool)
            throw new JsonLdException("invalid @propagate value", "@propagate must be true or false");

        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        var isProtected = context.GetValueOrDefault("@protected") as bool? ?? false;
        foreach (var term in context.Keys)
        {
            if (term is "@base" or "@direction" or "@import" or "@language" or "@propagate" or "@protected" or "@version" or "@vocab")
                continue;
            CreateTermDefinition(result, context, term, defined, baseUrl, isProtected, overrideProtected, remoteContexts);
        }
        return result;
    }

    /// <summary>IRI Expansion (§5.2.2).</summary>
    public string? ExpandIri(ActiveContext active, string? value, bool documentRelative = false, bool vocab = false,
        Dictionary<string, object?>? local = null, Dictionary<string, bool>? defined = null)
    {
        if (value is null || Iri.IsKeyword(value)) return value;
        if (Iri.HasKeywordForm(value)) return null;
        if (local is not null && local.ContainsKey(value) && defined is not null && !defined.GetValueOrDefault(value))
            CreateTermDefinition(active, local, value, defined, null, false, false, []);
        var definition = active.Term(value);
        if (definition is not null && Iri.IsKeyword(definition.Iri)) return definition.Iri;
        if (vocab && definition is not null) return definition.Iri;

        var colon = value.IndexOf(':');
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal)) return value;
            if (local is not null && local.ContainsKey(prefix) && defined is not null && !defined.GetValueOrDefault(prefix))
                CreateTermDefinition(active, local, prefix, defined, null, false, false, []);
            var prefixDefinition = active.Term(prefix);
            if (prefixDefinition is { Iri: not null, Prefix: true }) return prefixDefinition.Iri + suffix;
            if (Iri.IsAbsolute(value)) return value;
        }
        if (vocab && active.Vocab is not null) return active.Vocab + value;
        if (documentRelative) return Iri.Resolve(active.BaseIri, value);
        return value;
    }
}
