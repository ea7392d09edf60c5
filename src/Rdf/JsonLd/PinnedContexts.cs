using System.Reflection;

namespace CredentialSite.Rdf.JsonLd;

/// <summary>
/// The contexts this site's JSON-LD may use, pinned: copies shipped inside the tool (src/Rdf/Contexts, see
/// SOURCES.md there), looked up by URL. Nothing is ever fetched; any other context URL is an error.
/// </summary>
public static class PinnedContexts
{
    /// <summary>Context URL to the embedded file that holds it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["https://www.w3.org/ns/credentials/v2"] = "credentials-v2.jsonld",
        ["https://www.w3.org/2018/credentials/v1"] = "credentials-v1.jsonld",
        ["https://www.w3.org/ns/credentials/examples/v2"] = "credentials-examples-v2.jsonld",
        ["https://w3id.org/security/data-integrity/v2"] = "data-integrity-v2.jsonld",
        ["https://w3id.org/security/multikey/v1"] = "multikey-v1.jsonld",
        ["https://www.w3.org/ns/did/v1"] = "did-v1.jsonld",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] = "ob-context-3.0.3.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"] = "ob-context-3.0.2.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"] = "ob-context-3.0.1.json",
        ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"] = "ob-extensions.json",
        ["https://purl.imsglobal.org/spec/ob-assessment/v2p0/context"] = "ob-assessment-v2p0.json",
        ["https://credreg.net/ctdl/schema/context/json"] = "ctdl.json",
    };

    /// <summary>The loader over the pinned contexts (parsed once, shared).</summary>
    public static IContextLoader Loader { get; } = new InMemoryContextLoader(
        Files.ToDictionary(p => p.Key, p => (Func<object?>)(() => JsonTree.Parse(Read(p.Value))), StringComparer.Ordinal));

    /// <summary>The text of a pinned context file.</summary>
    public static string Read(string file)
    {
        var name = "CredentialSite.Rdf.Contexts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"pinned context {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
