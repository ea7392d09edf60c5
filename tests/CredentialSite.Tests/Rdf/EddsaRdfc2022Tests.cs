using System.Text.Json.Nodes;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.Rdf.JsonLd;

namespace CredentialSite.Tests.Rdf;

/// <summary>eddsa-rdfc-2022 over an Open Badges credential with the pinned contexts, without the W3C vectors.</summary>
public class EddsaRdfc2022Tests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static JsonObject Credential() => (JsonObject)JsonNode.Parse("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "https://example.org/credentials/1",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "Kubernetes",
          "issuer": {"id": "did:web:example.org", "type": ["Profile"], "name": "Example"},
          "validFrom": "2025-01-01T00:00:00Z",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.org/badges/k8s", "type": ["Achievement"], "name": "Kubernetes",
              "description": "Runs clusters.", "criteria": {"narrative": "Pass the exam."}}
          }
        }
        """)!;

    private static JsonObject ProofOptions() => new()
    {
        ["type"] = "DataIntegrityProof",
        ["cryptosuite"] = "eddsa-rdfc-2022",
        ["created"] = "2025-01-01T00:00:00Z",
        ["verificationMethod"] = "did:web:example.org#key-1",
        ["proofPurpose"] = "assertionMethod",
    };

    private static byte[] PublicKey() => new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(Seed).GeneratePublicKey().GetEncoded();

    [Fact]
    public void A_signed_credential_verifies_and_signing_is_deterministic()
    {
        var signed = EddsaRdfc2022.Sign(Credential(), ProofOptions(), Seed);

        Assert.True(EddsaRdfc2022.Verify(signed, PublicKey()));
        Assert.StartsWith("z", signed["proof"]!["proofValue"]!.GetValue<string>());
        Assert.Equal(signed.ToJsonString(), EddsaRdfc2022.Sign(Credential(), ProofOptions(), Seed).ToJsonString());
    }

    [Fact]
    public void A_one_character_change_to_the_credential_or_the_proof_fails_verification()
    {
        var signed = EddsaRdfc2022.Sign(Credential(), ProofOptions(), Seed);
        var changedName = (JsonObject)signed.DeepClone();
        changedName["name"] = "Kubernetez";
        var changedProof = (JsonObject)signed.DeepClone();
        changedProof["proof"]!["created"] = "2025-01-01T00:00:01Z";

        Assert.False(EddsaRdfc2022.Verify(changedName, PublicKey()));
        Assert.False(EddsaRdfc2022.Verify(changedProof, PublicKey()));
    }

    [Fact]
    public void Anything_JSON_LD_drops_is_never_signed_and_never_verifies()
    {
        // eddsa-rdfc-2022 processes JSON-LD in safe mode: a term the contexts do not define, or a node id that is no IRI,
        // would be dropped from the RDF and so not be covered by the signature.
        var undefinedTerm = Credential();
        undefinedTerm["favouriteColour"] = "green";
        Assert.Throws<JsonLdException>(() => EddsaRdfc2022.Sign(undefinedTerm, ProofOptions(), Seed));
        var relativeId = Credential();
        relativeId["credentialSubject"]!["id"] = "not-an-iri";
        Assert.Throws<JsonLdException>(() => EddsaRdfc2022.Sign(relativeId, ProofOptions(), Seed));

        var signed = EddsaRdfc2022.Sign(Credential(), ProofOptions(), Seed);
        signed["favouriteColour"] = "green"; // added after signing: unsigned data must not ride along
        Assert.False(EddsaRdfc2022.Verify(signed, PublicKey()));

        // A term only an @vocab defines (here the VC examples context's) is kept in the RDF: it is signed, and changing it fails.
        var vocab = Credential();
        ((JsonArray)vocab["@context"]!).Add("https://www.w3.org/ns/credentials/examples/v2");
        vocab["favouriteColour"] = "green";
        var withVocab = EddsaRdfc2022.Sign(vocab, ProofOptions(), Seed);
        Assert.True(EddsaRdfc2022.Verify(withVocab, PublicKey()));
        withVocab["favouriteColour"] = "greem";
        Assert.False(EddsaRdfc2022.Verify(withVocab, PublicKey()));
    }

    [Fact]
    public void Key_order_and_white_space_do_not_change_the_signature()
    {
        var signed = EddsaRdfc2022.Sign(Credential(), ProofOptions(), Seed);
        var reordered = new JsonObject(signed.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        Assert.True(EddsaRdfc2022.Verify(reordered, PublicKey()));
    }

    [Fact]
    public void Multikey_and_multibase_round_trip()
    {
        var multikey = Ed25519Multikey.EncodePublic(PublicKey());
        Assert.StartsWith("z6Mk", multikey);
        Assert.Equal(PublicKey(), Ed25519Multikey.DecodePublic(multikey));
        Assert.Equal(Seed, Ed25519Multikey.DecodeSecret(Ed25519Multikey.EncodeSecret(Seed)));
        Assert.Equal([0, 0, 1, 2, 255], Base58Btc.DecodeMultibase(Base58Btc.EncodeMultibase([0, 0, 1, 2, 255])));
    }

    [Fact]
    public void Json_literal_numbers_follow_ecmascript()
    {
        Assert.Equal("1e+21", JsonCanonicalizer.EcmaScriptNumber(1e21));
        Assert.Equal("123456789012345680000", JsonCanonicalizer.EcmaScriptNumber(123456789012345678901.0));
        Assert.Equal("0.000001", JsonCanonicalizer.EcmaScriptNumber(0.000001));
        Assert.Equal("1e-7", JsonCanonicalizer.EcmaScriptNumber(1e-7));
        Assert.Equal("-1.5", JsonCanonicalizer.EcmaScriptNumber(-1.5));
        Assert.Equal("{\"a\":[1,true,null],\"b\":\"\\u0001\"}",
            JsonCanonicalizer.Serialize(JsonTree.Parse("{\"b\": \"\\u0001\", \"a\": [1.0, true, null]}")));
    }
}
