using System.Text.Json;
using AngleSharp.Html.Parser;
using CredentialSite.Rdf.JsonLd;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.StructuredData;

/// <summary>
/// Every JSON-LD document the sample site emits (each ld+json script of each page, each .json file with an @context)
/// expands in safe mode with the pinned contexts without losing anything: no dropped property, no property caught only
/// by @vocab, no undefined type, no dropped value.
/// </summary>
public sealed class JsonLdLosesNothingTests : IClassFixture<SampleSiteFixture>
{
    private readonly SampleSiteFixture _sample;

    public JsonLdLosesNothingTests(SampleSiteFixture sample) => _sample = sample;

    /// <summary>
    /// The pinned contexts, and schema.org's as what it amounts to: its published context maps every term through
    /// @vocab (it is not pinned in the tool, which never expands schema.org). So for schema.org blocks nothing can be
    /// dropped by a missing term; what is checked there is that no value is dropped and nothing else is used.
    /// </summary>
    private static readonly JsonLdOptions Options = new(new InMemoryContextLoader(
        PinnedContexts.Files.ToDictionary(p => p.Key, p => (Func<object?>)(() => JsonTree.Parse(PinnedContexts.Read(p.Value))))
            .Append(new("https://schema.org", () => JsonTree.Parse("""{"@context": {"@vocab": "https://schema.org/"}}""")))
            .ToDictionary(StringComparer.Ordinal)));

    private static bool IsSchemaOrg(JsonElement doc) =>
        doc.TryGetProperty("@context", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == "https://schema.org";

    /// <summary>Every emitted document: (where, JSON).</summary>
    private IEnumerable<(string Where, string Json)> Documents()
    {
        var parser = new HtmlParser();
        foreach (var page in _sample.Files("", "*.html", recursive: true))
        {
            var scripts = parser.ParseDocument(_sample.Read(page)).QuerySelectorAll("script[type='application/ld+json']");
            for (var i = 0; i < scripts.Length; i++) yield return ($"{page} (ld+json block {i + 1})", scripts[i].TextContent);
        }
        foreach (var file in _sample.Files("", "*.json", recursive: true))
        {
            var json = _sample.Read(file);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("@context", out _)) yield return (file, json);
        }
    }

    [Fact]
    public void EveryEmittedJsonLdDocument_ExpandsWithNothingDropped()
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var (where, json) in Documents())
        {
            count++;
            using var doc = JsonDocument.Parse(json);
            var schemaOrg = IsSchemaOrg(doc.RootElement);
            try
            {
                var issues = JsonLdToRdf.ToRdf(json, Options).Issues
                    .Where(i => !(schemaOrg && i.Kind == JsonLdIssueKind.VocabProperty));
                problems.AddRange(issues.Select(i => $"{where}: {i}"));
            }
            catch (JsonLdException e)
            {
                problems.Add($"{where}: {e.Message}");
            }
        }
        Assert.True(count > 100, $"expected the sample's pages and credentials, found {count} documents");
        Assert.True(problems.Count == 0, $"{problems.Count} terms lost:\n" + string.Join("\n", problems.Distinct().Take(200)));
    }
}
