using System.Text.Json;
using CredentialSite.Rdf;

namespace CredentialSite.Tests.Rdf;

/// <summary>Every RDFC-1.0 test of the W3C rdf-canon suite (manifest.jsonld): eval, map and the poison graph.</summary>
public class RdfCanonSuiteTests
{
    private const string Suite = "rdf-canon";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var folder = ConformanceSuites.Folder(Suite);
        if (folder is null) { data.Add("(suite missing)"); return data; }
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.jsonld")));
        foreach (var entry in manifest.RootElement.GetProperty("entries").EnumerateArray())
            data.Add(entry.GetProperty("id").GetString()!);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case_passes(string id)
    {
        var folder = ConformanceSuites.Folder(Suite);
        Skip.If(folder is null, ConformanceSuites.MissingReason(Suite));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.jsonld")));
        var entry = manifest.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == id);
        var type = entry.GetProperty("type").GetString();
        var input = NQuadsParser.Parse(File.ReadAllText(Path.Combine(folder, entry.GetProperty("action").GetString()!)));
        var options = new Rdfc10Options(
            entry.TryGetProperty("hashAlgorithm", out var algorithm) && algorithm.GetString() == "SHA384"
                ? RdfcHashAlgorithm.Sha384 : RdfcHashAlgorithm.Sha256);

        if (type == "rdfc:RDFC10NegativeEvalTest")
        {
            var started = DateTime.UtcNow;
            Assert.Throws<Rdfc10LimitExceededException>(() => Rdfc10.Canonicalize(input, options));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the limit must stop it quickly");
            return;
        }

        var result = Rdfc10.Canonicalize(input, options);
        var expectedFile = Path.Combine(folder, entry.GetProperty("result").GetString()!);
        if (type == "rdfc:RDFC10EvalTest")
        {
            Assert.Equal(File.ReadAllText(expectedFile), result.CanonicalNQuads);
            return;
        }
        var expectedMap = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(expectedFile))!;
        Assert.Equal(expectedMap.OrderBy(p => p.Key), result.IssuedIdentifiers.OrderBy(p => p.Key));
    }
}
