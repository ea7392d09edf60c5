namespace CredentialSite.Rdf.JsonLd;

public sealed partial class Expander
{
    private void ExpandObject(ActiveContext active, ActiveContext typeScoped, string? activeProperty,
        Dictionary<string, object?> element, Dictionary<string, object?> result, string? baseUrl, string? inputType, string path)
    {
        var nests = new List<string>();
        foreach (var key in JsonTree.SortedKeys(element))
        {
            if (key == "@context") continue;
            var value = element[key];
            var keyPath = $"{path}.{key}";
            var expandedProperty = contexts.ExpandIri(active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':') && !Iri.IsKeyword(expandedProperty)))
            {
                Issues.Add(new JsonLdIssue(JsonLdIssueKind.DroppedProperty, key, keyPath));
                continue;
            }
            if (Iri.IsKeyword(expandedProperty))
            {
                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, baseUrl, inputType, keyPath, nests);
                continue;
            }
            if (active.Term(key) is null && !key.Contains(':') && active.Vocab is not null)
                Issues.Add(new JsonLdIssue(JsonLdIssueKind.VocabProperty, key, keyPath));

            var definition = active.Term(key);
            var container = definition?.Container ?? [];
            object? expandedValue;
            if (definition?.TypeMapping == "@json")
                expandedValue = new Dictionary<string, object?> { ["@value"] = value, ["@type"] = "@json" };
            else if (container.Contains("@language") && value is Dictionary<string, object?> languageMap)
                expandedValue = ExpandLanguageMap(active, definition!, languageMap, keyPath);
            else if ((container.Contains("@index") || container.Contains("@type") || container.Contains("@id")) &&
                     value is Dictionary<string, object?> indexMap)
                expandedValue = ExpandIndexMap(active, key, definition!, indexMap, baseUrl, keyPath);
            else
                expandedValue = Expand(active, key, value, baseUrl, keyPath);

            if (expandedValue is null) continue;
            if (container.Contains("@list") && !JsonTree.IsListObject(expandedValue))
                expandedValue = new Dictionary<string, object?> { ["@list"] = JsonTree.AsList(expandedValue) };
            if (container.Contains("@graph") && !container.Contains("@id") && !container.Contains("@index"))
                expandedValue = JsonTree.AsList(expandedValue)
                    .Select(ev => (object?)new Dictionary<string, object?> { ["@graph"] = JsonTree.AsList(ev) }).ToList();

            if (definition?.Reverse == true)
            {
                if (result.GetValueOrDefault("@reverse") is not Dictionary<string, object?> reverseMap)
                    result["@reverse"] = reverseMap = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var item in JsonTree.AsList(expandedValue))
                {
                    if (JsonTree.IsValueObject(item) || JsonTree.IsListObject(item))
                        throw new JsonLdException("invalid reverse property value", keyPath);
                    JsonTree.Append(reverseMap, expandedProperty, item);
                }
            }
            else JsonTree.Append(result, expandedProperty, expandedValue);
        }

        foreach (var nestKey in nests.Order(StringComparer.Ordinal))
        {
            var nestContext = active.Term(nestKey) is { HasLocalContext: true } nestDefinition
                ? contexts.Process(active, nestDefinition.LocalContext, nestDefinition.BaseUrl, overrideProtected: true)
                : active;
            foreach (var nested in JsonTree.AsList(element[nestKey]))
            {
                if (nested is not Dictionary<string, object?> nestedMap ||
                    nestedMap.Keys.Any(k => contexts.ExpandIri(active, k, vocab: true) == "@value"))
                    throw new JsonLdException("invalid @nest value", $"{path}.{nestKey}");
                ExpandObject(nestContext, typeScoped, activeProperty, nestedMap, result, baseUrl, inputType, $"{path}.{nestKey}");
            }
        }
    }

    private void ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? activeProperty, string key,
        string keyword, object? value, Dictionary<string, object?> result, string? baseUrl, string? inputType, string path,
        List<string> nests)
    {
        if (activeProperty == "@reverse") throw new JsonLdException("invalid reverse property map", path);
        if (result.ContainsKey(keyword) && keyword is not ("@included" or "@type"))
            throw new JsonLdException("colliding keywords", path);
        object? expanded;
        switch (keyword)
        {
            case "@id":
                if (value is not string id) throw new JsonLdException("invalid @id value", path);
                expanded = contexts.ExpandIri(active, id, documentRelative: true);
                // A node whose id is no IRI (relative, with no base to resolve it) is dropped from the RDF with its statements.
                if (expanded is string nodeId && !Iri.IsAbsolute(nodeId) && !Iri.IsBlankNode(nodeId))
                    Issues.Add(new JsonLdIssue(JsonLdIssueKind.DroppedValue, id, path));
                break;
            case "@type":
                if (value is not string && (value is not List<object?> typeList || typeList.Any(t => t is not string)))
                    throw new JsonLdException("invalid type value", path);
                var types = new List<object?>();
                foreach (var type in JsonTree.AsList(value).Cast<string>())
                {
                    var iri = contexts.ExpandIri(typeScoped, type, documentRelative: true, vocab: true);
                    if (typeScoped.Term(type) is null && (iri is null || !Iri.IsAbsolute(iri)))
                        Issues.Add(new JsonLdIssue(JsonLdIssueKind.UndefinedType, type, path));
                    types.Add(iri);
                }
                expanded = value is List<object?> ? types : types[0];
                if (result.ContainsKey("@type"))
                {
                    JsonTree.Append(result, "@type", expanded);
                    return;
                }
                break;
            case "@graph":
                expanded = JsonTree.AsList(Expand(active, "@graph", value, baseUrl, path));
                break;
            case "@included":
                var included = JsonTree.AsList(Expand(active, "@included", value, baseUrl, path));
                if (included.Any(i => i is not Dictionary<string, object?> m || m.ContainsKey("@value") || m.ContainsKey("@list")))
                    throw new JsonLdException("invalid @included value", path);
                JsonTree.Append(result, "@included", included);
                return;
            case "@value":
                if (inputType == "@json") { result["@value"] = value; return; }
                if (value is not null && !JsonTree.IsScalar(value)) throw new JsonLdException("invalid value object value", path);
                result["@value"] = value;
                return;
            case "@language":
                expanded = (value as string ?? throw new JsonLdException("invalid language-tagged string", path)).ToLowerInvariant();
                break;
            case "@direction":
                expanded = value is "ltr" or "rtl" ? value : throw new JsonLdException("invalid base direction", path);
                break;
            case "@index":
                expanded = value as string ?? throw new JsonLdException("invalid @index value", path);
                break;
            case "@list":
                if (activeProperty is null or "@graph") return;
                expanded = JsonTree.AsList(Expand(active, activeProperty, value, baseUrl, path));
                break;
            case "@set":
                expanded = Expand(active, activeProperty, value, baseUrl, path);
                break;
            case "@reverse":
                if (value is not Dictionary<string, object?>) throw new JsonLdException("invalid @reverse value", path);
                ExpandReverse(active, value, result, baseUrl, path);
                return;
            case "@nest":
                nests.Add(key);
                return;
            default:
                return;
        }
        result[keyword] = expanded;
    }

    private void ExpandReverse(ActiveContext active, object? value, Dictionary<string, object?> result, string? baseUrl, string path)
    {
        if (Expand(active, "@reverse", value, baseUrl, path) is not Dictionary<string, object?> expanded) return;
        if (expanded.TryGetValue("@reverse", out var doubleReversed) && doubleReversed is Dictionary<string, object?> forward)
            foreach (var (property, items) in forward) JsonTree.Append(result, property, items);
        foreach (var (property, items) in expanded)
        {
            if (property == "@reverse") continue;
            if (result.GetValueOrDefault("@reverse") is not Dictionary<string, object?> reverseMap)
                result["@reverse"] = reverseMap = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var item in JsonTree.AsList(items))
            {
                if (JsonTree.IsValueObject(item) || JsonTree.IsListObject(item))
                    throw new JsonLdException("invalid reverse property value", path);
                JsonTree.Append(reverseMap, property, item);
            }
        }
    }
}
