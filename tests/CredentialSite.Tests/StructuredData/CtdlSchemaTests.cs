using System.Text.Json;
using AngleSharp.Html.Parser;
using CredentialSite.Rdf.JsonLd;
using CredentialSite.StructuredData;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.StructuredData;

/// <summary>
/// Every CTDL property the sample site uses, checked against Credential Engine's schema (Vendor/ctdl/ctdl-schema.json):
/// the property and every class exist, the node's class is in the property's domain, each value is in its range
/// (a literal of the range's datatype, a node or a reference to a node of a range class), and a concept named by a
/// CredentialAlignmentObject belongs to the concept scheme the property targets.
/// </summary>
public sealed class CtdlSchemaTests : IClassFixture<SampleSiteFixture>
{
    private readonly SampleSiteFixture _sample;

    public CtdlSchemaTests(SampleSiteFixture sample) => _sample = sample;

    private sealed record Term(string Type, IReadOnlyList<string> Domain, IReadOnlyList<string> Range, IReadOnlyList<string> TargetScheme,
        IReadOnlyList<string> SubClassOf, IReadOnlyList<string> InScheme);

    private static readonly Lazy<(Dictionary<string, Term> Terms, List<(string Prefix, string Iri)> Prefixes)> Schema = new(() =>
    {
        static IReadOnlyList<string> Strings(JsonElement e, string name) =>
            !e.TryGetProperty(name, out var v) ? [] : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [v.GetString()!];
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Vendor, "ctdl", "ctdl-schema.json")));
        var terms = schema.RootElement.GetProperty("@graph").EnumerateArray().ToDictionary(t => t.GetProperty("@id").GetString()!, t =>
            new Term(t.GetProperty("@type").GetString()!, Strings(t, "schema:domainIncludes"), Strings(t, "schema:rangeIncludes"),
                Strings(t, "meta:targetScheme"), Strings(t, "rdfs:subClassOf"), Strings(t, "skos:inScheme")), StringComparer.Ordinal);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Vendor, "ctdl", "ctdl-context.json")));
        var prefixes = context.RootElement.GetProperty("@context").EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!))
            .OrderByDescending(p => p.Item2.Length).ToList();
        return (terms, prefixes);
    });

    private static string Compact(string iri) =>
        Schema.Value.Prefixes.FirstOrDefault(p => iri.StartsWith(p.Iri, StringComparison.Ordinal)) is { Prefix: not null } p
            ? p.Prefix + ":" + iri[p.Iri.Length..] : iri;

    /// <summary>The class and its superclasses.</summary>
    private static IEnumerable<string> Lineage(string type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([type]);
        while (todo.TryPop(out var t))
        {
            if (!seen.Add(t)) continue;
            yield return t;
            if (Schema.Value.Terms.TryGetValue(t, out var term)) foreach (var s in term.SubClassOf) todo.Push(s);
        }
    }

    private static bool InAny(IEnumerable<string> types, IReadOnlyList<string> allowed) => types.SelectMany(Lineage).Any(allowed.Contains);

    private static List<string> Types(Dictionary<string, object?> node) =>
        JsonTree.AsList(node.GetValueOrDefault("@type")).OfType<string>().Select(Compact).ToList();

    private IReadOnlyList<(string Where, List<object?> Expanded)> CtdlDocuments()
    {
        var parser = new HtmlParser();
        var docs = new List<(string, List<object?>)>();
        foreach (var page in _sample.Files("", "*.html", recursive: true))
            foreach (var script in parser.ParseDocument(_sample.Read(page)).QuerySelectorAll("script[type='application/ld+json']"))
            {
                using var json = JsonDocument.Parse(script.TextContent);
                if (json.RootElement.TryGetProperty("@context", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == Ctdl.Context)
                    docs.Add((page, JsonLdToRdf.Expand(script.TextContent).Expanded));
            }
        return docs;
    }

    [Fact]
    public void EveryCtdlPropertyUsed_IsInItsDomain_WithValuesInItsRange()
    {
        var terms = Schema.Value.Terms;
        var docs = CtdlDocuments();
        Assert.True(docs.Count > 30, $"expected the badges' and issuers' CTDL, found {docs.Count}");
        // Nodes are referenced across pages (a credential's ownedBy names the issuer page's organization).
        var typesById = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Collect(object? value)
        {
            foreach (var item in JsonTree.AsList(value))
                if (item is Dictionary<string, object?> node && !node.ContainsKey("@value"))
                {
                    if (node.GetValueOrDefault("@id") is string id && node.ContainsKey("@type")) typesById[id] = Types(node);
                    foreach (var (key, v) in node) if (!key.StartsWith('@')) Collect(v);
                }
        }
        foreach (var (_, expanded) in docs) Collect(expanded);

        var violations = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Check(string where, string path, Dictionary<string, object?> node)
        {
            var types = Types(node);
            if (types.Count == 0) violations.Add($"{where}: {path}: a node without @type");
            foreach (var t in types.Where(t => !terms.TryGetValue(t, out var c) || c.Type != "rdfs:Class"))
                violations.Add($"{where}: {path}: '{t}' is not a CTDL class");
            foreach (var (key, value) in node)
            {
                if (key.StartsWith('@')) continue;
                var name = Compact(key);
                used.Add(name);
                var at = $"{path}.{name}";
                if (!terms.TryGetValue(name, out var p) || p.Type != "rdf:Property")
                {
                    violations.Add($"{where}: {at}: not a CTDL property");
                    continue;
                }
                if (!InAny(types, p.Domain)) violations.Add($"{where}: {at}: not in the domain of [{string.Join(", ", types)}]");
                foreach (var item in JsonTree.AsList(value))
                    CheckValue(where, at, p, item);
            }
        }
        void CheckValue(string where, string at, Term p, object? item)
        {
            if (item is not Dictionary<string, object?> v) { violations.Add($"{where}: {at}: unexpected value {item}"); return; }
            if (v.TryGetValue("@value", out var literal))
            {
                var datatype = v.ContainsKey("@language") ? "rdf:langString"
                    : v.GetValueOrDefault("@type") is string dt ? Compact(dt)
                    : literal is bool ? "xsd:boolean" : literal is double ? "xsd:decimal" : "xsd:string";
                if (!p.Range.Contains(datatype)) violations.Add($"{where}: {at}: a {datatype} literal, the range is [{string.Join(", ", p.Range)}]");
                return;
            }
            var referenced = v.Count == 1 && v.ContainsKey("@id");
            if (referenced && p.Range.Contains("xsd:anyURI")) return;
            var types = referenced ? typesById.GetValueOrDefault((string)v["@id"]!) : Types(v);
            if (types is null) violations.Add($"{where}: {at}: refers to {v["@id"]}, a node no CTDL document of the site describes");
            else if (!InAny(types, p.Range)) violations.Add($"{where}: {at}: a [{string.Join(", ", types)}], the range is [{string.Join(", ", p.Range)}]");
            if (referenced) return;
            // A concept must belong to the scheme the property targets (when CTDL defines that scheme's concepts).
            if (p.TargetScheme.Count > 0 && v.GetValueOrDefault("https://purl.org/ctdl/terms/targetNode") is { } target
                && p.TargetScheme.Any(s => terms.Values.Any(t => t.InScheme.Contains(s))))
            {
                var concept = Compact((string)((Dictionary<string, object?>)JsonTree.AsList(target)[0]!)["@id"]!);
                if (!terms.TryGetValue(concept, out var c) || !c.InScheme.Any(p.TargetScheme.Contains))
                    violations.Add($"{where}: {at}: '{concept}' is not a concept of {string.Join(", ", p.TargetScheme)}");
            }
            Check(where, at, v);
        }
        foreach (var (where, expanded) in docs)
            foreach (var node in expanded.OfType<Dictionary<string, object?>>())
                Check(where, "$", node);

        Assert.True(violations.Count == 0, $"{violations.Distinct().Count()} CTDL violations:\n" + string.Join("\n", violations.Distinct().Take(100)));
        // The checks reached what Credential Engine's minimum data asks for.
        Assert.Superset(new HashSet<string>(["ceterms:targetAssessment", "ceterms:identifier", "ceterms:condition", "ceterms:agentSectorType",
            "ceterms:lifeCycleStatusType", "ceterms:availableOnlineAt", "ceterms:agentType"]), used);
    }
}
