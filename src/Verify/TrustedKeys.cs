using System.Text.Json;
using System.Text.Json.Nodes;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.Signing;

namespace CredentialSite.Verify;

/// <summary>A public key found for a verification method: Ed25519 bytes (Data Integrity, EdDSA) and/or a JWK (VC-JWT).</summary>
public sealed record VerificationKey(byte[]? Ed25519, JsonObject? Jwk, string From);

/// <summary>Why no key was returned: none offline, one that is not a usable key, or one its issuer does not control.</summary>
public enum KeyProblem { None, Unknown, Invalid, NotIssuers }

/// <summary>
/// Where the build finds issuers' public keys, offline: in the credential itself (did:key, the 1EdTech issuer URL with
/// the key as fragment), this site's own issuers (their did:web DIDs and <c>keys:</c>), and the documents pinned in
/// <c>trust/</c> at the source root (DID documents, single keys, JWKS files <c>{ issuer, keys }</c>, status list
/// credentials), plus what <c>build --online</c> fetched. A key counts only when its controller is the credential's issuer.
/// </summary>
public sealed class TrustedKeys
{
    public const string Folder = "trust";
    private readonly Dictionary<string, (Issuer Issuer, string Did)> _site = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pinnedFor = new(StringComparer.Ordinal);

    public TrustedKeys(IEnumerable<Issuer> issuers, Uri baseUrl)
    {
        foreach (var issuer in issuers.Where(i => i.Keys.Count > 0))
        {
            var did = DidWeb.Did(baseUrl, issuer.Id);
            _site[did] = (issuer, did);
        }
    }

    /// <summary>Reads <c>trust/*.json</c> (the folder is optional); a file that is not a document of a known kind is CS0509.</summary>
    public static TrustedKeys Load(Catalog catalog, SourceFolder source, DiagnosticBag diags)
    {
        var keys = new TrustedKeys(catalog.Issuers, catalog.Site.BaseUrl);
        var folder = Path.Combine(source.Root, Folder);
        if (!Directory.Exists(folder) || !source.MayRead(folder, diags)) return keys;
        foreach (var file in source.FilesUnder(folder, diags, "*.json").Order(StringComparer.Ordinal))
        {
            var rel = source.Relative(file);
            JsonObject? doc = null;
            try { doc = JsonNode.Parse(File.ReadAllBytes(file)) as JsonObject; }
            catch (JsonException) { }
            var id = doc is null ? null : Str(doc, "id") ?? Str(doc, "issuer");
            if (doc is null || id is null)
            {
                diags.Error(DiagnosticCodes.TrustFileInvalid, SourceLocation.File(rel), "not a DID document, key, JWKS or status list credential",
                    "trust/ holds JSON documents with an id (DID documents, keys, status list credentials) or { \"issuer\": …, \"keys\": [JWK…] }");
                continue;
            }
            keys.Add(doc);
            // trust/<catalog issuer id>.json pins that catalog issuer's identity: its credentials may carry this id.
            var name = Path.GetFileNameWithoutExtension(file);
            if (catalog.Issuers.Any(i => i.Id == name)) keys._pinnedFor[name] = id;
        }
        return keys;
    }

    public void Add(JsonObject doc)
    {
        if ((Str(doc, "id") ?? Str(doc, "issuer")) is { } id) _documents[id] = doc;
    }

    public bool Has(string id) => _documents.ContainsKey(id) || _site.ContainsKey(id);

    /// <summary>A pinned or fetched document (a status list credential, say) by its id.</summary>
    public JsonObject? Document(string id) => _documents.GetValueOrDefault(id);

    /// <summary>The id pinned for a catalog issuer by <c>trust/&lt;issuer&gt;.json</c>, if any.</summary>
    public string? PinnedId(string catalogIssuerId) => _pinnedFor.GetValueOrDefault(catalogIssuerId);

    /// <summary>This site's issuer whose DID is <paramref name="did"/>.</summary>
    public Issuer? SiteIssuer(string did) => _site.TryGetValue(did, out var s) ? s.Issuer : null;

    /// <summary>
    /// The key of <paramref name="verificationMethod"/> (a DID URL or an HTTPS key URL) and the problem when there is
    /// none, when it is not a usable key, or when its controller is not <paramref name="issuerId"/>.
    /// </summary>
    public (VerificationKey? Key, string? Problem, KeyProblem Kind) Resolve(string verificationMethod, string? issuerId)
    {
        var hash = verificationMethod.IndexOf('#');
        var baseId = hash < 0 ? verificationMethod : verificationMethod[..hash];
        var fragment = hash < 0 ? null : verificationMethod[(hash + 1)..];
        string controller;
        VerificationKey? key;
        if (baseId.StartsWith("did:key:", StringComparison.Ordinal))
        {
            var multibase = baseId["did:key:".Length..];
            key = Ed25519(multibase, "the did:key in the credential");
            if (key is null) return (null, $"'{baseId}' is not an Ed25519 did:key", KeyProblem.Invalid);
            controller = baseId;
        }
        else if (fragment is not null && fragment.StartsWith("z6Mk", StringComparison.Ordinal) && baseId == issuerId)
        {
            key = Ed25519(fragment, "the issuer's URL (1EdTech convention: the key is its fragment)");
            if (key is null) return (null, $"the fragment of '{verificationMethod}' is not an Ed25519 Multikey", KeyProblem.Invalid);
            controller = baseId;
        }
        else if (_site.TryGetValue(baseId, out var site))
        {
            var published = site.Issuer.Keys.FirstOrDefault(k => k.Id == fragment);
            if (published is null) return (null, $"this site's issuer '{site.Issuer.Id}' publishes no key '{fragment}'", KeyProblem.Invalid);
            key = published.PublicKeyMultibase is { } mb ? Ed25519(mb, "this site's DID document")
                : published.PublicKeyJwk is { } jwk ? new VerificationKey(null, new JsonObject { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E }, "this site's DID document")
                : null;
            if (key is null) return (null, $"this site's key '{verificationMethod}' is not usable", KeyProblem.Invalid);
            controller = baseId;
        }
        else if (FromDocuments(verificationMethod, baseId, fragment, issuerId) is { } found)
            (key, controller) = found;
        else
            return (null, $"the key '{verificationMethod}' is not in the credential, this site or trust/", KeyProblem.Unknown);
        if (issuerId is not null && controller != issuerId)
            return (null, $"the key '{verificationMethod}' is controlled by '{controller}', not by the credential's issuer '{issuerId}'", KeyProblem.NotIssuers);
        return (key, null, KeyProblem.None);
    }

    /// <summary>Every key a pinned JWKS or DID document lists for the issuer (a VC-JWT without a kid).</summary>
    public IEnumerable<VerificationKey> KeysOf(string issuerId)
    {
        if (!_documents.TryGetValue(issuerId, out var doc)) yield break;
        foreach (var item in (doc["keys"] as JsonArray ?? doc["verificationMethod"] as JsonArray ?? []).OfType<JsonObject>())
            if (FromMethod(item, "trust/") is { } key) yield return key;
    }

    private (VerificationKey, string)? FromDocuments(string vm, string baseId, string? fragment, string? issuerId)
    {
        // A single key document (HTTPS key URL): { id, controller, publicKeyMultibase | publicKeyJwk }.
        if (_documents.TryGetValue(vm, out var single) && single["verificationMethod"] is null && FromMethod(single, "trust/") is { } k1)
            return (k1, Str(single, "controller") ?? baseId);
        if (_documents.TryGetValue(baseId, out var doc))
        {
            // A DID document: the method must be listed and be an assertion method.
            foreach (var m in (doc["verificationMethod"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = Str(m, "id");
                if (id != vm && !(id is not null && fragment is not null && id == "#" + fragment)) continue;
                if (doc["assertionMethod"] is JsonArray am && !am.Any(a => a is JsonValue v && (Equals(v, vm) || Equals(v, "#" + fragment))
                        || a is JsonObject o && Str(o, "id") == vm))
                    return null;
                return FromMethod(m, "trust/") is { } k2 ? (k2, Str(m, "controller") is { } c && c != baseId ? c : baseId) : null;
            }
            // A JWKS file pinned for an issuer: { issuer, keys: [JWK with kid] }.
            foreach (var jwk in (doc["keys"] as JsonArray ?? []).OfType<JsonObject>())
                if (Str(jwk, "kid") is { } kid && (kid == vm || kid == fragment))
                    return FromMethod(jwk, "trust/") is { } k3 ? (k3, baseId) : null;
        }
        return null;

        static bool Equals(JsonValue v, string s) => v.TryGetValue<string>(out var t) && t == s;
    }

    private static VerificationKey? FromMethod(JsonObject m, string from)
    {
        if (Str(m, "publicKeyMultibase") is { } mb) return Ed25519(mb, from);
        var jwk = m["publicKeyJwk"] as JsonObject ?? (Str(m, "kty") is not null ? m : null);
        if (jwk is null) return null;
        byte[]? ed = null;
        if (Str(jwk, "kty") == "OKP" && Str(jwk, "crv") == "Ed25519" && Str(jwk, "x") is { } x)
            try { ed = System.Buffers.Text.Base64Url.DecodeFromChars(x); }
            catch (FormatException) { return null; }
        return new VerificationKey(ed, (JsonObject)jwk.DeepClone(), from);
    }

    private static VerificationKey? Ed25519(string multibase, string from)
    {
        try { return new VerificationKey(Ed25519Multikey.DecodePublic(multibase), null, from); }
        catch (Exception e) when (e is FormatException or ArgumentException) { return null; }
    }

    internal static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
