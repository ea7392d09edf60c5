using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredentialSite.Keys;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.StructuredData;

namespace CredentialSite.Signing;

/// <summary>
/// Signs documents for the build's signing issuers (see <see cref="KeyFolder.Load"/>): an embedded eddsa-rdfc-2022
/// Data Integrity proof, and an RS256 VC-JWT (Open Badges 3.0 §8.2). Both are deterministic: the proof's <c>created</c> is
/// the build's as-of date, Ed25519 and RSA PKCS#1 v1.5 signatures depend only on key and data. Thread-safe.
/// </summary>
public sealed class CredentialSigner
{
    private readonly Uri _baseUrl;
    private readonly string _created;
    private readonly IReadOnlyDictionary<string, SigningKeys> _keys;

    public CredentialSigner(Uri baseUrl, DateOnly asOf, IReadOnlyDictionary<string, SigningKeys> keys)
    {
        _baseUrl = baseUrl;
        _created = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        _keys = keys;
    }

    /// <summary>The issuers this build signs for, in id order.</summary>
    public IReadOnlyCollection<string> Issuers => _keys.Keys.ToList();

    public bool Signs(string issuerId) => _keys.ContainsKey(issuerId);

    public string Did(string issuerId) => DidWeb.Did(_baseUrl, issuerId);

    /// <summary>
    /// The document with an eddsa-rdfc-2022 DataIntegrityProof of the issuer's Ed25519 key as its <c>proof</c> (a list of
    /// one, as the Open Badges JSON Schema wants). Any proof it had is replaced. The document's <c>@context</c> must define
    /// DataIntegrityProof (the VC 2.0 context does).
    /// </summary>
    public JsonObject SignDocument(JsonObject document, string issuerId)
    {
        var keys = _keys[issuerId];
        var options = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["created"] = _created,
            ["verificationMethod"] = $"{Did(issuerId)}#{keys.Ed25519KeyId}",
            ["proofPurpose"] = "assertionMethod",
        };
        var signed = EddsaRdfc2022.Sign(document, options, keys.Ed25519Seed);
        signed["proof"] = new JsonArray(signed["proof"]!.DeepClone());
        return signed;
    }

    /// <summary>
    /// The credential as a VC-JWT (compact JWS, RS256): header { alg, typ, kid = &lt;did&gt;#&lt;rsaKeyId&gt; }, payload the
    /// credential without its proof plus iss, jti, sub, nbf and (when it expires) exp. No iat: a rebuild gives the same bytes.
    /// </summary>
    public string Jwt(JsonObject credential, string issuerId)
    {
        var keys = _keys[issuerId];
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = $"{Did(issuerId)}#{keys.RsaKeyId}" };
        var payload = (JsonObject)credential.DeepClone();
        payload.Remove("proof");
        payload["iss"] = (credential["issuer"] is JsonObject o ? o["id"] : credential["issuer"])?.DeepClone();
        payload["jti"] = credential["id"]?.DeepClone();
        if (credential["credentialSubject"] is JsonObject { } subject && subject["id"] is { } sub) payload["sub"] = sub.DeepClone();
        if (Seconds(credential["validFrom"]) is { } nbf) payload["nbf"] = nbf;
        if (Seconds(credential["validUntil"]) is { } exp) payload["exp"] = exp;
        var signingInput = Part(header) + "." + Part(payload);
        using var rsa = RSA.Create(keys.Rsa);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static string Part(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString(JsonLd.Compact)));

    private static long? Seconds(JsonNode? dateTime) =>
        dateTime?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUnixTimeSeconds() : null;
}
