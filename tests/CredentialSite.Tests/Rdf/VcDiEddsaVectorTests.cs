using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.Rdf.JsonLd;

namespace CredentialSite.Tests.Rdf;

/// <summary>
/// The eddsa-rdfc-2022 test vectors of the W3C VC-DI-EdDSA spec (TestVectors/): our JSON-LD to RDF and RDFC-1.0 must give
/// exactly its canonical document and proof configuration, and the same SHA-256 hashes, with the pinned contexts only.
/// </summary>
public class VcDiEddsaVectorTests
{
    private const string Suite = "vc-di-eddsa";

    private static string Vector(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));

    [SkippableFact]
    public void Canonical_document_and_its_hash_are_the_vectors()
    {
        var folder = ConformanceSuites.Folder(Suite);
        Skip.If(folder is null, ConformanceSuites.MissingReason(Suite));
        var canonical = JsonLdToRdf.Canonicalize(Vector(folder, "unsigned.json"));
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/canonDocDataInt.txt"), canonical);
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/docHashDataInt.txt").Trim(), Sha256Hex(canonical));
    }

    [SkippableFact]
    public void Canonical_proof_configuration_and_combined_hash_are_the_vectors()
    {
        var folder = ConformanceSuites.Folder(Suite);
        Skip.If(folder is null, ConformanceSuites.MissingReason(Suite));
        var canonicalProof = JsonLdToRdf.Canonicalize(Vector(folder, "eddsa-rdfc-2022/proofConfigDataInt.json"));
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/proofCanonDataInt.txt"), canonicalProof);
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/proofHashDataInt.txt").Trim(), Sha256Hex(canonicalProof));
        var combined = Sha256Hex(canonicalProof) + Sha256Hex(JsonLdToRdf.Canonicalize(Vector(folder, "unsigned.json")));
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/combinedHashDataInt.txt").Trim(), combined);
    }

    [SkippableFact]
    public void Signing_gives_the_vector_proof_value_and_it_verifies_with_the_vector_key()
    {
        var folder = ConformanceSuites.Folder(Suite);
        Skip.If(folder is null, ConformanceSuites.MissingReason(Suite));
        var keys = JsonNode.Parse(Vector(folder, "keyPair.json"))!;
        var publicKey = Ed25519Multikey.DecodePublic(keys["publicKeyMultibase"]!.GetValue<string>());
        var seed = Ed25519Multikey.DecodeSecret(keys["privateKeyMultibase"]!.GetValue<string>());
        var signed = (JsonObject)JsonNode.Parse(Vector(folder, "eddsa-rdfc-2022/signedDataInt.json"))!;
        var proofOptions = (JsonObject)JsonNode.Parse(Vector(folder, "eddsa-rdfc-2022/proofConfigDataInt.json"))!;
        proofOptions.Remove("@context");

        var ours = EddsaRdfc2022.Sign((JsonObject)JsonNode.Parse(Vector(folder, "unsigned.json"))!, proofOptions, seed);

        Assert.Equal(signed["proof"]!["proofValue"]!.GetValue<string>(), ours["proof"]!["proofValue"]!.GetValue<string>());
        Assert.Equal(Vector(folder, "eddsa-rdfc-2022/sigBTC58DataInt.txt").Trim(), ours["proof"]!["proofValue"]!.GetValue<string>());
        Assert.True(EddsaRdfc2022.Verify(signed, publicKey));
        signed["credentialSubject"]!["alumniOf"] = "The School of Examplez";
        Assert.False(EddsaRdfc2022.Verify(signed, publicKey));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
