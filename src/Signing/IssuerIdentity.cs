using System.Text.Json.Nodes;
using CredentialSite.Analyze;
using CredentialSite.Model;
using CredentialSite.StructuredData;

namespace CredentialSite.Signing;

/// <summary>An issuer with <c>keys:</c>: its DID document (did.json) and its Open Badges Profile (profile.json), whose id is the DID.</summary>
public static class IssuerIdentity
{
    public const string DidContext = "https://www.w3.org/ns/did/v1";
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>
    /// The two terms of https://w3id.org/security/jwk/v1 the document uses, inline: that context is not pinned
    /// (src/Rdf/Contexts), and so the document stays fully defined for a JSON-LD processor that has only the pinned set.
    /// </summary>
    private static JsonObject JwkTerms() => new()
    {
        ["JsonWebKey"] = "https://w3id.org/security#JsonWebKey",
        ["publicKeyJwk"] = new JsonObject { ["@id"] = "https://w3id.org/security#publicKeyJwk", ["@type"] = "@json" },
    };

    /// <summary>
    /// Every key, retired ones too, is a verification method and an assertion method: what a retired key signed stays
    /// verifiable. Removing a key from keys: is how a compromised key is revoked.
    /// </summary>
    public static JsonObject DidDocument(SiteIndex ix, Issuer issuer)
    {
        var did = DidWeb.Did(ix.Site.BaseUrl, issuer.Id);
        var methods = new JsonArray();
        foreach (var key in issuer.Keys)
        {
            var method = new JsonObject { ["id"] = $"{did}#{key.Id}", ["type"] = key.Type, ["controller"] = did };
            if (key.PublicKeyMultibase is { } multibase) method["publicKeyMultibase"] = multibase;
            if (key.PublicKeyJwk is { } jwk) method["publicKeyJwk"] = new JsonObject { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E };
            methods.Add(method);
        }
        var context = new JsonArray(DidContext, MultikeyContext);
        if (issuer.Keys.Any(k => k.PublicKeyJwk is not null)) context.Add(JwkTerms());
        return new JsonObject
        {
            ["@context"] = context,
            ["id"] = did,
            ["alsoKnownAs"] = new JsonArray(OpenBadges.ProfileId(ix, issuer.Id)),
            ["verificationMethod"] = methods,
            ["assertionMethod"] = new JsonArray(issuer.Keys.Select(k => (JsonNode)$"{did}#{k.Id}").ToArray()),
        };
    }

    /// <summary>The issuer's OB 3.0 Profile with the DID as its id (its page, issuers/&lt;id&gt;/, is its url when it has none).</summary>
    public static ObProfile Profile(SiteIndex ix, Issuer issuer) =>
        OpenBadges.Profile(ix, issuer, standalone: true) with
        {
            Id = DidWeb.Did(ix.Site.BaseUrl, issuer.Id),
            Url = issuer.Url ?? OpenBadges.ProfileId(ix, issuer.Id),
        };
}
