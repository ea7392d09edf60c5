using System.Text.Json;
using CredentialSite.Rdf;
using CredentialSite.Rdf.JsonLd;

namespace CredentialSite.Tests.Rdf;

/// <summary>
/// The W3C JSON-LD 1.1 toRdf tests (toRdf-manifest.jsonld) for the features the module supports; the others are
/// listed in <see cref="JsonLdToRdfSkips"/> with the reason. Expected and produced quads are compared after RDFC-1.0
/// canonicalization (an isomorphism test).
/// </summary>
public class JsonLdToRdfSuiteTests
{
    private const string Suite = "json-ld-api";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var folder = ConformanceSuites.Folder(Suite);
        if (folder is null) { data.Add("(suite missing)"); return data; }
        foreach (var entry in Manifest(folder).GetProperty("sequence").EnumerateArray())
            data.Add(entry.GetProperty("@id").GetString()!);
        return data;
    }

    private static JsonElement Manifest(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "toRdf-manifest.jsonld"))).RootElement;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case_passes(string id)
    {
        var folder = ConformanceSuites.Folder(Suite);
        Skip.If(folder is null, ConformanceSuites.MissingReason(Suite));
        var manifest = Manifest(folder);
        var entry = manifest.GetProperty("sequence").EnumerateArray().Single(e => e.GetProperty("@id").GetString() == id);
        Skip.If(JsonLdToRdfSkips.Reason(id, entry) is { } reason, JsonLdToRdfSkips.Reason(id, entry));

        var baseIri = manifest.GetProperty("baseIri").GetString()!;
        var input = entry.GetProperty("input").GetString()!;
        var documentBase = entry.TryGetProperty("option", out var option) && option.TryGetProperty("base", out var b)
            ? b.GetString()! : baseIri + input;
        var options = new JsonLdOptions(new SuiteFileLoader(folder, baseIri), documentBase);
        var types = entry.GetProperty("@type").EnumerateArray().Select(t => t.GetString()).ToList();
        var json = File.ReadAllText(Path.Combine(folder, input));

        if (types.Contains("jld:NegativeEvaluationTest"))
        {
            var error = Assert.Throws<JsonLdException>(() => JsonLdToRdf.ToRdf(json, options));
            Assert.Equal(entry.GetProperty("expectErrorCode").GetString(), error.Code);
            return;
        }
        var quads = JsonLdToRdf.ToRdf(json, options).Quads;
        if (types.Contains("jld:PositiveSyntaxTest")) return;
        var expected = NQuadsParser.Parse(File.ReadAllText(Path.Combine(folder, entry.GetProperty("expect").GetString()!)));
        Assert.Equal(Rdfc10.Canonicalize(expected).CanonicalNQuads, Rdfc10.Canonicalize(quads).CanonicalNQuads);
    }

    /// <summary>Serves the suite's own context files for URLs under its base IRI; nothing else.</summary>
    private sealed class SuiteFileLoader(string folder, string baseIri) : IContextLoader
    {
        public object? Load(string url)
        {
            if (!url.StartsWith(baseIri, StringComparison.Ordinal))
                throw new JsonLdException("loading remote context failed", url);
            var path = Path.Combine(folder, url[baseIri.Length..]);
            if (!File.Exists(path)) throw new JsonLdException("loading remote context failed", url);
            var document = JsonTree.Parse(File.ReadAllText(path)) as Dictionary<string, object?>;
            return document is not null && document.TryGetValue("@context", out var context)
                ? context : throw new JsonLdException("invalid remote context", url);
        }
    }
}
