namespace CredentialSite.Rdf.JsonLd;

/// <summary>Node Map Generation (JSON-LD 1.1 API §7.2.2): graph name to subject to node, blank nodes relabelled _:b0, _:b1, ….</summary>
public sealed class NodeMapBuilder
{
    private readonly IdentifierIssuer _blankNodes = new("_:b");

    public Dictionary<string, Dictionary<string, Dictionary<string, object?>>> NodeMap { get; } =
        new(StringComparer.Ordinal) { ["@default"] = new(StringComparer.Ordinal) };

    public void Add(object? element, string activeGraph = "@default", object? activeSubject = null,
        string? activeProperty = null, Dictionary<string, object?>? list = null)
    {
        if (element is List<object?> array)
        {
            foreach (var item in array) Add(item, activeGraph, activeSubject, activeProperty, list);
            return;
        }
        if (element is not Dictionary<string, object?> map) return;
        if (!NodeMap.TryGetValue(activeGraph, out var graph)) NodeMap[activeGraph] = graph = new(StringComparer.Ordinal);
        var subjectNode = activeSubject is string subjectId ? graph[subjectId] : null;

        if (!map.ContainsKey("@value") && map.TryGetValue("@type", out var types))
            map["@type"] = JsonTree.AsList(types).Select(t => t is string s && Iri.IsBlankNode(s) ? _blankNodes.Issue(s) : t).ToList();

        if (map.ContainsKey("@value"))
        {
            if (list is null) JsonTree.Append(subjectNode!, activeProperty!, map, unique: true);
            else JsonTree.Append(list, "@list", map);
            return;
        }
        if (map.TryGetValue("@list", out var items))
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@list"] = new List<object?>() };
            Add(items, activeGraph, activeSubject, activeProperty, result);
            if (list is null) JsonTree.Append(subjectNode!, activeProperty!, result);
            else JsonTree.Append(list, "@list", result);
            return;
        }

        var id = map.Remove("@id", out var idValue) && idValue is string existing
            ? Iri.IsBlankNode(existing) ? _blankNodes.Issue(existing) : existing
            : _blankNodes.Issue("\u0000fresh" + _fresh++);
        if (!graph.TryGetValue(id, out var node)) graph[id] = node = new(StringComparer.Ordinal) { ["@id"] = id };

        if (activeSubject is Dictionary<string, object?> reverseSubject)
            JsonTree.Append(node, activeProperty!, reverseSubject, unique: true);
        else if (activeProperty is not null)
        {
            var reference = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            if (list is null) JsonTree.Append(subjectNode!, activeProperty, reference, unique: true);
            else JsonTree.Append(list, "@list", reference);
        }
        if (map.Remove("@type", out var nodeTypes)) JsonTree.Append(node, "@type", nodeTypes, unique: true);
        if (map.Remove("@index", out var index))
        {
            if (node.TryGetValue("@index", out var other) && !Equals(other, index))
                throw new JsonLdException("conflicting indexes", id);
            node["@index"] = index;
        }
        if (map.Remove("@reverse", out var reverse) && reverse is Dictionary<string, object?> reverseMap)
        {
            var referenced = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@id"] = id };
            foreach (var (property, values) in reverseMap)
                foreach (var value in JsonTree.AsList(values)) Add(value, activeGraph, referenced, property);
        }
        if (map.Remove("@graph", out var graphValue)) Add(graphValue, id);
        if (map.Remove("@included", out var included)) Add(included, activeGraph);
        foreach (var property in JsonTree.SortedKeys(map).ToList())
        {
            var value = map[property];
            var name = Iri.IsBlankNode(property) ? _blankNodes.Issue(property) : property;
            if (!node.ContainsKey(name)) node[name] = new List<object?>();
            Add(value, activeGraph, id, name);
        }
    }

    private int _fresh;
}
