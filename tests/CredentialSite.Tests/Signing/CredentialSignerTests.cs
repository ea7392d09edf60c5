using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CredentialSite.Keys;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.Signing;

namespace CredentialSite.Tests.Signing;

/// <summary>The reusable signing API (status lists and other documents sign through it too).</summary>
public class CredentialSignerTests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static CredentialSigner Signer()
    {
        using var rsa = RSA.Create(2048);
        var keys = new Dictionary<string, SigningKeys> { ["academy"] = new("ed-1", Seed, "rsa-1", rsa.ExportParameters(true)) };
        return new CredentialSigner(new Uri("https://owner.github.io/repo/"), new DateOnly(2026, 12, 1), keys);
    }

    private static JsonObject Document() => (JsonObject)JsonNode.Parse("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "id": "https://owner.github.io/repo/issuers/academy/status/revocation.json",
          "type": ["VerifiableCredential"],
          "issuer": "did:web:owner.github.io:repo:issuers:academy",
          "validFrom": "2026-12-01T00:00:00Z",
          "credentialSubject": {"id": "https://owner.github.io/repo/issuers/academy/status/revocation.json#list"},
          "proof": {"type": "DataIntegrityProof", "proofValue": "zOld"}
        }
        """)!;

    [Fact]
    public void SignDocument_ReplacesAnyProof_WithOneThatVerifies_AndIsDeterministic()
    {
        var signer = Signer();
        var signed = signer.SignDocument(Document(), "academy");

        var proof = Assert.Single(signed["proof"]!.AsArray())!;
        Assert.Equal("did:web:owner.github.io:repo:issuers:academy#ed-1", proof["verificationMethod"]!.GetValue<string>());
        Assert.Equal("2026-12-01T00:00:00Z", proof["created"]!.GetValue<string>());
        var publicKey = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(Seed).GeneratePublicKey().GetEncoded();
        Assert.True(EddsaRdfc2022.Verify(signed, publicKey));
        Assert.Equal(signed.ToJsonString(), signer.SignDocument(Document(), "academy").ToJsonString());
        Assert.False(signer.Signs("university"));
    }

    [Fact]
    public void Jwt_IsDeterministic_AndOmitsClaimsItCannotFill()
    {
        var signer = Signer();
        var jwt = signer.Jwt(Document(), "academy");
        Assert.Equal(jwt, signer.Jwt(Document(), "academy"));
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))!;
        Assert.Equal("did:web:owner.github.io:repo:issuers:academy", payload["iss"]!.GetValue<string>());
        Assert.Null(payload["exp"]);
        Assert.Null(payload["proof"]);
    }
}
