using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredentialSite.Rdf.JsonLd;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CredentialSite.Rdf.DataIntegrity;

/// <summary>
/// The eddsa-rdfc-2022 cryptosuite (W3C VC-DI-EdDSA §3.3): transform = RDFC-1.0 canonical N-Quads of the JSON-LD,
/// hash = SHA-256(canonical proof configuration) || SHA-256(canonical document), Ed25519 signature as base58btc
/// multibase proofValue. Contexts come only from the given loader (the pinned set by default). Deterministic.
/// </summary>
public static class EddsaRdfc2022
{
    /// <summary>
    /// Signs a document: <paramref name="proofOptions"/> is the proof without proofValue (type, cryptosuite, created,
    /// verificationMethod, proofPurpose); returns the document with the proof (proofValue added) as its "proof".
    /// </summary>
    public static JsonObject Sign(JsonObject document, JsonObject proofOptions, ReadOnlySpan<byte> secretSeed, JsonLdOptions? options = null)
    {
        var unsigned = (JsonObject)document.DeepClone();
        unsigned.Remove("proof");
        var proof = (JsonObject)proofOptions.DeepClone();
        proof.Remove("proofValue");
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(secretSeed.ToArray()));
        var data = HashData(unsigned, proof, options);
        signer.BlockUpdate(data, 0, data.Length);
        proof["proofValue"] = Base58Btc.EncodeMultibase(signer.GenerateSignature());
        unsigned["proof"] = proof;
        return unsigned;
    }

    /// <summary>
    /// Verifies the document's single eddsa-rdfc-2022 proof against an Ed25519 public key. The proof may be an object or
    /// a list of one (Open Badges 3.0's JSON Schema wants a list; the signed data is the same).
    /// </summary>
    public static bool Verify(JsonObject securedDocument, ReadOnlySpan<byte> publicKey, JsonLdOptions? options = null)
    {
        var unsigned = (JsonObject)securedDocument.DeepClone();
        var single = unsigned["proof"] is JsonArray { Count: 1 } list ? list[0] : unsigned["proof"];
        if (single is not JsonObject proof || proof["proofValue"]?.GetValue<string>() is not { } proofValue) return false;
        if (proof["type"]?.GetValue<string>() != "DataIntegrityProof" || proof["cryptosuite"]?.GetValue<string>() != "eddsa-rdfc-2022")
            return false;
        unsigned.Remove("proof");
        proof.Remove("proofValue");
        byte[] signature;
        try { signature = Base58Btc.DecodeMultibase(proofValue); }
        catch (FormatException) { return false; }
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey.ToArray()));
        byte[] data;
        try { data = HashData(unsigned, proof, options); }
        catch (JsonLdException) { return false; } // not valid JSON-LD, or not fully covered by its contexts
        verifier.BlockUpdate(data, 0, data.Length);
        return signature.Length == 64 && verifier.VerifySignature(signature);
    }

    /// <summary>
    /// SHA-256(canonical proof configuration) followed by SHA-256(canonical document): the 64 bytes signed. Both are
    /// processed in safe mode, as the cryptosuite requires: a term, type or value that expansion drops would not be covered
    /// by the signature, so it throws a <see cref="JsonLdException"/> (code <c>safe mode</c>) instead. Terms expanded
    /// through an <c>@vocab</c> (VC 2.0's issuer-dependent terms) are kept, and signed.
    /// </summary>
    public static byte[] HashData(JsonObject unsignedDocument, JsonObject proofConfiguration, JsonLdOptions? options = null)
    {
        var config = (JsonObject)proofConfiguration.DeepClone();
        config.Remove("proofValue");
        if (unsignedDocument["@context"] is { } context) config["@context"] = context.DeepClone();
        var proofHash = SHA256.HashData(Encoding.UTF8.GetBytes(SafeCanonical(config, options)));
        var documentHash = SHA256.HashData(Encoding.UTF8.GetBytes(SafeCanonical(unsignedDocument, options)));
        return [.. proofHash, .. documentHash];
    }

    private static string SafeCanonical(JsonObject document, JsonLdOptions? options)
    {
        var rdf = JsonLdToRdf.ToRdf(document.ToJsonString(), options);
        // A term caught by @vocab is in the RDF (and so signed); anything dropped would not be.
        var lost = rdf.Issues.Where(i => i.Kind != JsonLdIssueKind.VocabProperty).ToList();
        if (lost.Count > 0)
            throw new JsonLdException("safe mode", "the document has terms, types or values that JSON-LD processing drops: " + string.Join("; ", lost.Take(5)));
        return Rdfc10.Canonicalize(rdf.Quads).CanonicalNQuads;
    }
}
