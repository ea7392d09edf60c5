using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.StructuredData;

/// <summary>
/// The JSON-LD contexts the site names by URL have copies in Vendor/ (with their sources and licences), so that
/// checks of the site's terms never need the network. A context the site starts to use must be vendored too.
/// </summary>
public class VendoredContextsTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    /// <summary>Context URL -> vendored copy (under Vendor/).</summary>
    private static readonly Dictionary<string, string> Vendored = new()
    {
        ["https://www.w3.org/ns/credentials/v2"] = "ob3/context/w3c-credentials-v2.jsonld",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] = "ob3/context/context-3.0.3.json",
        ["https://purl.imsglobal.org/spec/ob-assessment/v2p0/context"] = "ob3/extensions/assessmentExtension_v2p0_context.json",
        ["https://credreg.net/ctdl/schema/context/json"] = "ctdl/ctdl-context.json",
    };

    /// <summary>schema.org's context only sets its vocabulary (@vocab); its terms are the schema.org vocabulary itself.</summary>
    private const string SchemaOrg = "https://schema.org";

    [Fact]
    public void EveryContextTheSiteEmits_HasAVendoredCopy()
    {
        var emitted = EmittedContexts();

        Assert.Contains(SchemaOrg, emitted.Keys);
        var missing = emitted.Where(c => c.Key != SchemaOrg && !Vendored.ContainsKey(c.Key)).Select(c => $"{c.Key} (in {c.Value})").ToList();
        Assert.True(missing.Count == 0, "contexts with no copy in Vendor/:\n" + string.Join("\n", missing));
        var unused = Vendored.Keys.Where(url => !emitted.ContainsKey(url)).ToList();
        Assert.True(unused.Count == 0, "vendored contexts the sample site does not use:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void EveryVendoredContext_IsAJsonLdContextDocument()
    {
        foreach (var (url, file) in Vendored)
        {
            var path = Path.Combine(TestPaths.Vendor, file);
            Assert.True(File.Exists(path), $"{url}: {path} is missing");
            var context = JsonNode.Parse(File.ReadAllText(path))!["@context"];
            Assert.True(context is JsonObject { Count: > 0 }, $"{file} has no @context object");
        }
    }

    /// <summary>Each context URL named in the site's JSON files and JSON-LD blocks, with one file that names it.</summary>
    private Dictionary<string, string> EmittedContexts()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        foreach (var file in sample.Files(".", "*.*", recursive: true))
        {
            IEnumerable<string> documents = Path.GetExtension(file) switch
            {
                ".json" => [sample.Read(file)],
                ".html" => parser.ParseDocument(sample.Read(file))
                    .QuerySelectorAll("script[type=\"application/ld+json\"]").Select(s => s.TextContent),
                _ => [],
            };
            foreach (var json in documents)
            {
                if (JsonNode.Parse(json) is not JsonObject { } doc || doc["@context"] is not { } context) continue;
                var urls = context is JsonArray array ? array.OfType<JsonValue>() : context is JsonValue value ? [value] : [];
                foreach (var url in urls) found.TryAdd((string)url!, file);
            }
        }
        return found;
    }
}
