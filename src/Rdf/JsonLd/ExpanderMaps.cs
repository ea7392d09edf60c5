namespace CredentialSite.Rdf.JsonLd;

public sealed partial class Expander
{
    private List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition definition,
        Dictionary<string, object?> languageMap, string path)
    {
        var result = new List<object?>();
        var direction = definition.HasDirection ? definition.Direction : active.DefaultDirection;
        foreach (var language in JsonTree.SortedKeys(languageMap))
        {
            foreach (var item in JsonTree.AsList(languageMap[language]))
            {
                if (item is null) continue;
                if (item is not string text) throw new JsonLdException("invalid language map value", $"{path}.{language}");
                var value = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@value"] = text };
                if (language != "@none" && contexts.ExpandIri(active, language, vocab: true) != "@none")
                    value["@language"] = language.ToLowerInvariant();
                if (direction is not null) value["@direction"] = direction;
                result.Add(value);
            }
        }
        return result;
    }

    private List<object?> ExpandIndexMap(ActiveContext active, string key, TermDefinition definition,
        Dictionary<string, object?> indexMap, string? baseUrl, string path)
    {
        var result = new List<object?>();
        var container = definition.Container;
        var indexKey = definition.Index ?? "@index";
        foreach (var index in JsonTree.SortedKeys(indexMap))
        {
            var mapContext = container.Contains("@id") || container.Contains("@type") ? active.Previous ?? active : active;
            if (container.Contains("@type") && mapContext.Term(index) is { HasLocalContext: true } indexDefinition)
                mapContext = contexts.Process(mapContext, indexDefinition.LocalContext, indexDefinition.BaseUrl);
            var expandedIndex = contexts.ExpandIri(active, index, vocab: true);
            var items = JsonTree.AsList(Expand(mapContext, key, indexMap[index], baseUrl, $"{path}.{index}", fromMap: true));
            foreach (var entry in items)
            {
                var item = entry;
                if (container.Contains("@graph") && !JsonTree.IsGraphObject(item))
                    item = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@graph"] = JsonTree.AsList(item) };
                var node = (Dictionary<string, object?>)item!;
                if (container.Contains("@index") && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reExpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = contexts.ExpandIri(active, indexKey, vocab: true)!;
                    var values = new List<object?> { reExpanded };
                    values.AddRange(JsonTree.AsList(node.GetValueOrDefault(expandedIndexKey)));
                    node[expandedIndexKey] = values;
                    if (node.ContainsKey("@value")) throw new JsonLdException("invalid value object", path);
                }
                else if (container.Contains("@index") && !node.ContainsKey("@index") && expandedIndex != "@none")
                    node["@index"] = index;
                else if (container.Contains("@id") && !node.ContainsKey("@id") && expandedIndex != "@none")
                    node["@id"] = contexts.ExpandIri(active, index, documentRelative: true);
                else if (container.Contains("@type") && expandedIndex != "@none")
                {
                    var types = new List<object?> { expandedIndex };
                    types.AddRange(JsonTree.AsList(node.GetValueOrDefault("@type")));
                    node["@type"] = types;
                }
                result.Add(node);
            }
        }
        return result;
    }
}
