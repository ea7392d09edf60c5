using System.Text.Json;

namespace CredentialSite.Tests.Rdf;

/// <summary>The toRdf tests the module does not run, and why (features our credentials and contexts do not use).</summary>
public static class JsonLdToRdfSkips
{
    /// <summary>Individual tests, by id, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tests = new Dictionary<string, string>
    {
    };

    public static string? Reason(string id, JsonElement entry)
    {
        if (Tests.TryGetValue(id, out var reason)) return reason;
        if (entry.TryGetProperty("option", out var option))
        {
            if (option.TryGetProperty("specVersion", out var version) && version.GetString() == "json-ld-1.0")
                return "JSON-LD 1.0 only: the module implements JSON-LD 1.1 processing mode";
            if (option.TryGetProperty("processingMode", out var mode) && mode.GetString() == "json-ld-1.0")
                return "processingMode json-ld-1.0: not supported";
            if (option.TryGetProperty("produceGeneralizedRdf", out _)) return "generalized RDF: not produced";
            if (option.TryGetProperty("rdfDirection", out _)) return "rdfDirection (i18n-datatype / compound-literal): not supported";
            if (option.TryGetProperty("expandContext", out _)) return "expandContext option: not supported";
        }
        if (entry.GetProperty("input").GetString()!.EndsWith(".html", StringComparison.Ordinal)) return "HTML input: not supported";
        return null;
    }
}
