using System.Globalization;

namespace CredentialSite.Rdf.JsonLd;

/// <summary>Deserialize JSON-LD to RDF (§8.1.2): the node map's nodes as quads, lists as rdf:first/rdf:rest chains.</summary>
public sealed class RdfFromNodeMap
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private int _listNodes;

    public List<Quad> ToQuads(Dictionary<string, Dictionary<string, Dictionary<string, object?>>> nodeMap)
    {
        var quads = new List<Quad>();
        foreach (var graphName in nodeMap.Keys.Order(StringComparer.Ordinal))
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                if (!Iri.IsBlankNode(graphName) && !Iri.IsWellFormed(graphName)) continue;
                graphTerm = Resource(graphName);
            }
            var graph = nodeMap[graphName];
            foreach (var subject in graph.Keys.Order(StringComparer.Ordinal))
            {
                if (!Iri.IsBlankNode(subject) && !Iri.IsWellFormed(subject)) continue;
                var subjectTerm = Resource(subject);
                var node = graph[subject];
                foreach (var property in node.Keys.Order(StringComparer.Ordinal))
                {
                    if (property == "@type")
                    {
                        foreach (var type in JsonTree.AsList(node[property]).OfType<string>())
                            if (Iri.IsBlankNode(type) || Iri.IsWellFormed(type))
                                quads.Add(new Quad(subjectTerm, RdfTerm.Iri(Rdf + "type"), Resource(type), graphTerm));
                        continue;
                    }
                    if (Iri.IsKeyword(property) || Iri.IsBlankNode(property) || !Iri.IsWellFormed(property)) continue;
                    var predicate = RdfTerm.Iri(property);
                    foreach (var item in JsonTree.AsList(node[property]))
                    {
                        var listQuads = new List<Quad>();
                        var obj = ObjectToRdf(item, listQuads, graphTerm);
                        if (obj is not null) quads.Add(new Quad(subjectTerm, predicate, obj, graphTerm));
                        quads.AddRange(listQuads);
                    }
                }
            }
        }
        return quads;
    }

    private static RdfTerm Resource(string id) => Iri.IsBlankNode(id) ? RdfTerm.Blank(id[2..]) : RdfTerm.Iri(id);

    private RdfTerm? ObjectToRdf(object? item, List<Quad> listQuads, RdfTerm? graph)
    {
        if (item is not Dictionary<string, object?> map) return null;
        if (map.TryGetValue("@list", out var list)) return ListToRdf(JsonTree.AsList(list), listQuads, graph);
        if (!map.TryGetValue("@value", out var value))
        {
            var id = map.GetValueOrDefault("@id") as string;
            return id is not null && (Iri.IsBlankNode(id) || Iri.IsWellFormed(id)) ? Resource(id) : null;
        }
        var datatype = map.GetValueOrDefault("@type") as string;
        if (datatype is not null && datatype != "@json" && !Iri.IsWellFormed(datatype)) return null;
        var language = map.GetValueOrDefault("@language") as string;
        if (language is not null && !IsWellFormedLanguage(language)) return null;
        string lexical;
        if (datatype == "@json")
        {
            lexical = JsonCanonicalizer.Serialize(value);
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double number && (number % 1 != 0 || Math.Abs(number) >= 1e21 || datatype == Xsd + "double"))
        {
            lexical = CanonicalDouble(number);
            datatype ??= Xsd + "double";
        }
        else if (value is double integer)
        {
            lexical = ((decimal)integer).ToString(CultureInfo.InvariantCulture);
            datatype ??= Xsd + "integer";
        }
        else lexical = (string)value!;
        return language is not null && datatype is null ? RdfTerm.Literal(lexical, language: language) : RdfTerm.Literal(lexical, datatype);
    }

    private RdfTerm ListToRdf(List<object?> list, List<Quad> listQuads, RdfTerm? graph)
    {
        if (list.Count == 0) return RdfTerm.Iri(Rdf + "nil");
        var nodes = list.Select(_ => RdfTerm.Blank("l" + _listNodes++)).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var embedded = new List<Quad>();
            var obj = ObjectToRdf(list[i], embedded, graph);
            if (obj is not null) listQuads.Add(new Quad(nodes[i], RdfTerm.Iri(Rdf + "first"), obj, graph));
            listQuads.Add(new Quad(nodes[i], RdfTerm.Iri(Rdf + "rest"), i + 1 < nodes.Count ? nodes[i + 1] : RdfTerm.Iri(Rdf + "nil"), graph));
            listQuads.AddRange(embedded);
        }
        return nodes[0];
    }

    private static bool IsWellFormedLanguage(string tag) =>
        tag.Length > 0 && tag.Split('-').All(part => part.Length is > 0 and <= 8 && part.All(char.IsAsciiLetterOrDigit)) &&
        tag.Split('-')[0].All(char.IsAsciiLetter);

    /// <summary>xsd:double in JSON-LD's canonical form: 1.1E0, 5.0E0, 1.23E-5 (like toExponential(15), zeros trimmed).</summary>
    public static string CanonicalDouble(double value)
    {
        var text = value.ToString("E15", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var mantissa = text[..e].TrimEnd('0');
        if (mantissa.EndsWith('.')) mantissa += "0";
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{mantissa}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
