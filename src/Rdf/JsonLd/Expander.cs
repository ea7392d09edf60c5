namespace CredentialSite.Rdf.JsonLd;

/// <summary>
/// The JSON-LD 1.1 Expansion Algorithm (§5.1.2) with scoped contexts, @nest, @included, @json, language, index,
/// id, type and graph maps. Safe mode: every property or type it drops, or expands only through @vocab, is recorded in
/// <see cref="Issues"/>.
/// </summary>
public sealed partial class Expander(ContextProcessor contexts)
{
    public List<JsonLdIssue> Issues { get; } = [];

    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, string path,
        bool fromMap = false)
    {
        if (element is null) return null;
        var propertyDefinition = active.Term(activeProperty);

        if (JsonTree.IsScalar(element))
        {
            if (activeProperty is null or "@graph")
            {
                Issues.Add(new JsonLdIssue(JsonLdIssueKind.DroppedValue, Convert.ToString(element, System.Globalization.CultureInfo.InvariantCulture)!, path));
                return null;
            }
            if (propertyDefinition is { HasLocalContext: true })
                active = contexts.Process(active, propertyDefinition.LocalContext, propertyDefinition.BaseUrl, overrideProtected: true);
            return ExpandValue(active, activeProperty, element);
        }

        if (element is List<object?> array)
        {
            var result = new List<object?>();
            for (var i = 0; i < array.Count; i++)
            {
                var expanded = Expand(active, activeProperty, array[i], baseUrl, $"{path}[{i}]", fromMap);
                if (propertyDefinition?.Container.Contains("@list") == true && expanded is List<object?>)
                    expanded = new Dictionary<string, object?> { ["@list"] = expanded };
                if (expanded is List<object?> items) result.AddRange(items);
                else if (expanded is not null) result.Add(expanded);
            }
            return result;
        }

        var map = (Dictionary<string, object?>)element;
        if (active.Previous is not null && !fromMap && !KeepsPropagatedContext(active, map)) active = active.Previous;
        if (propertyDefinition is { HasLocalContext: true })
            active = contexts.Process(active, propertyDefinition.LocalContext, propertyDefinition.BaseUrl, overrideProtected: true);
        if (map.TryGetValue("@context", out var localContext)) active = contexts.Process(active, localContext, baseUrl);

        var typeScoped = active;
        string? inputType = null;
        foreach (var key in JsonTree.SortedKeys(map))
        {
            if (contexts.ExpandIri(active, key, vocab: true) != "@type") continue;
            var types = JsonTree.AsList(map[key]).OfType<string>().Order(StringComparer.Ordinal).ToList();
            foreach (var term in types)
                if (typeScoped.Term(term) is { HasLocalContext: true } typeDefinition)
                    active = contexts.Process(active, typeDefinition.LocalContext, typeDefinition.BaseUrl, propagate: false);
            if (types.Count > 0) inputType = contexts.ExpandIri(active, types[^1], vocab: true);
        }

        var output = new Dictionary<string, object?>(StringComparer.Ordinal);
        ExpandObject(active, typeScoped, activeProperty, map, output, baseUrl, inputType, path);
        return PostProcess(output, activeProperty, path);
    }

    private bool KeepsPropagatedContext(ActiveContext active, Dictionary<string, object?> map)
    {
        var expandedKeys = map.Keys.Select(k => contexts.ExpandIri(active, k, vocab: true)).ToList();
        return expandedKeys.Contains("@value") || (expandedKeys.Count == 1 && expandedKeys[0] == "@id");
    }

    private object? PostProcess(Dictionary<string, object?> result, string? activeProperty, string path)
    {
        if (result.TryGetValue("@value", out var value))
        {
            if (result.Keys.Any(k => k is not ("@direction" or "@index" or "@language" or "@type" or "@value")))
                throw new JsonLdException("invalid value object", path);
            if (result.ContainsKey("@type") && (result.ContainsKey("@language") || result.ContainsKey("@direction")))
                throw new JsonLdException("invalid value object", $"{path}: @type with @language or @direction");
            var type = result.GetValueOrDefault("@type");
            if (type as string == "@json") return result;
            if (value is null || (value is List<object?> empty && empty.Count == 0)) return null;
            if (value is not string && result.ContainsKey("@language"))
                throw new JsonLdException("invalid language-tagged value", path);
            if (type is not null && (type is not string t || !Iri.IsWellFormed(t) || Iri.IsBlankNode(t)))
                throw new JsonLdException("invalid typed value", path);
            if (value is List<object?> or Dictionary<string, object?>) throw new JsonLdException("invalid value object value", path);
        }
        else if (result.TryGetValue("@type", out var typeValue) && typeValue is not List<object?>)
        {
            result["@type"] = new List<object?> { typeValue };
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
                throw new JsonLdException("invalid set or list object", path);
            if (result.TryGetValue("@set", out var set)) return set;
        }

        if (result.Count == 1 && result.ContainsKey("@language")) return null;
        if (result.TryGetValue("@id", out var id) && id is null)
        {
            if (result.Count == 1) return null;
            result.Remove("@id");
        }
        if (activeProperty is null or "@graph")
        {
            if (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list")) return null;
            if (result.Count == 1 && result.ContainsKey("@id")) return null;
        }
        return result;
    }

    /// <summary>Value Expansion (§5.3.2).</summary>
    public object ExpandValue(ActiveContext active, string activeProperty, object value)
    {
        var definition = active.Term(activeProperty);
        if (definition?.TypeMapping == "@id" && value is string id)
            return new Dictionary<string, object?> { ["@id"] = contexts.ExpandIri(active, id, documentRelative: true) };
        if (definition?.TypeMapping == "@vocab" && value is string vocabId)
            return new Dictionary<string, object?> { ["@id"] = contexts.ExpandIri(active, vocabId, documentRelative: true, vocab: true) };

        var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = value };
        if (definition?.TypeMapping is { } type && type is not ("@id" or "@vocab" or "@none"))
            result["@type"] = type;
        else if (value is string)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.Direction : active.DefaultDirection;
            if (language is not null) result["@language"] = language;
            if (direction is not null) result["@direction"] = direction;
        }
        return result;
    }
}
