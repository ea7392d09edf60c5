namespace CredentialSite.Rdf.JsonLd;

/// <summary>Options of a JSON-LD run: where contexts come from, and the document's base IRI.</summary>
public sealed record JsonLdOptions(IContextLoader? Loader = null, string? Base = null)
{
    public IContextLoader ContextLoader => Loader ?? PinnedContexts.Loader;
}

/// <summary>A document's RDF (quads; blank nodes labelled b0, b1, … and l0, l1, … for lists) and safe-mode findings.</summary>
public sealed record JsonLdRdf(IReadOnlyList<Quad> Quads, IReadOnlyList<JsonLdIssue> Issues);

/// <summary>
/// JSON-LD 1.1 to RDF for the documents this site signs and publishes: expansion (with safe-mode findings), node
/// map generation, deserialization to quads. Contexts come only from the options' loader (the pinned set by default).
/// </summary>
public static class JsonLdToRdf
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IContextLoader, ContextProcessor> Processors = new();

    /// <summary>The expanded form of a document, and what safe mode found.</summary>
    public static (List<object?> Expanded, IReadOnlyList<JsonLdIssue> Issues) Expand(string json, JsonLdOptions? options = null) =>
        Expand(JsonTree.Parse(json), options);

    public static (List<object?> Expanded, IReadOnlyList<JsonLdIssue> Issues) Expand(object? document, JsonLdOptions? options = null)
    {
        options ??= new JsonLdOptions();
        var processor = Processors.GetValue(options.ContextLoader, loader => new ContextProcessor(loader));
        var expander = new Expander(processor);
        var expanded = expander.Expand(processor.Initial(options.Base), null, document, options.Base, "$");
        if (expanded is Dictionary<string, object?> map && map.Count == 1 && map.TryGetValue("@graph", out var graph))
            expanded = graph;
        return (JsonTree.AsList(expanded), expander.Issues);
    }

    public static JsonLdRdf ToRdf(string json, JsonLdOptions? options = null) => ToRdf(JsonTree.Parse(json), options);

    public static JsonLdRdf ToRdf(object? document, JsonLdOptions? options = null)
    {
        var (expanded, issues) = Expand(document, options);
        var nodeMap = new NodeMapBuilder();
        nodeMap.Add(expanded);
        return new JsonLdRdf(new RdfFromNodeMap().ToQuads(nodeMap.NodeMap), issues);
    }

    /// <summary>RDFC-1.0 canonical N-Quads of a JSON-LD document (the transformation of eddsa-rdfc-2022).</summary>
    public static string Canonicalize(string json, JsonLdOptions? options = null) =>
        Rdfc10.Canonicalize(ToRdf(json, options).Quads).CanonicalNQuads;
}
