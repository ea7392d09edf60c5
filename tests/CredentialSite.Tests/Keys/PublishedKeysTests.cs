using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Keys;

/// <summary>An issuer's published keys: read and checked by the loader, every problem located.</summary>
public class PublishedKeysTests
{
    private const string Ed = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

    private static TestSite BuildWithKeys(string keys) => TestSite.Build($$"""
        -- catalog/issuers/academy.yml --
        name: Test Academy
        type: internal
        keys:
        {{keys}}
        """);

    [Fact]
    public void ValidKeys_AreRead()
    {
        using var site = BuildWithKeys($"""
              - {"{"} id: ed-1, type: Multikey, created: 2026-01-01, retired: 2026-06-01, publicKeyMultibase: {Ed} {"}"}
            """).AssertOk();
        var key = site.LoadCatalog().Issuers.Single().Keys.Single();
        Assert.Equal(("ed-1", "Multikey", new DateOnly(2026, 6, 1)), (key.Id, key.Type, key.Retired!.Value));
        site.AssertFile("issuers/academy/did.json", "\"id\": \"did:web:example.org:issuers:academy\"", $"\"publicKeyMultibase\": \"{Ed}\"");
    }

    [Fact]
    public void ABadMultibase_IsLocated()
    {
        using var site = BuildWithKeys("""
              - id: ed-1
                type: Multikey
                created: 2026-01-01
                publicKeyMultibase: z6MkNotAKey0
            """);
        site.AssertDiagnostic("catalog/issuers/academy.yml:7:25: error CS0401: publicKeyMultibase of key 'ed-1' is not an Ed25519 Multikey");
    }

    [Fact]
    public void ABadJwk_IsLocated()
    {
        using var site = BuildWithKeys("""
              - id: rsa-1
                type: JsonWebKey
                created: 2026-01-01
                publicKeyJwk: { kty: RSA, n: AQAB, e: AQAB }
            """);
        site.AssertDiagnostic("catalog/issuers/academy.yml:7:19: error CS0401: publicKeyJwk of key 'rsa-1' is not an RSA public key: the modulus is shorter than 2048 bits");
    }

    [Fact]
    public void AnUnknownType_IsLocated_WithASuggestion()
    {
        using var site = BuildWithKeys($"""
              - {"{"} id: ed-1, type: MultiKey, created: 2026-01-01, publicKeyMultibase: {Ed} {"}"}
            """);
        var d = site.AssertDiagnostic("catalog/issuers/academy.yml:4:23: error CS0401: 'MultiKey' is not a key type");
        Assert.Contains("did you mean 'Multikey'?", d.Hint);
    }

    [Fact]
    public void ADuplicateId_IsLocated()
    {
        using var site = BuildWithKeys($"""
              - {"{"} id: ed-1, type: Multikey, created: 2026-01-01, publicKeyMultibase: {Ed} {"}"}
              - {"{"} id: ed-1, type: Multikey, created: 2026-01-02, publicKeyMultibase: z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG {"}"}
            """);
        site.AssertDiagnostic("catalog/issuers/academy.yml:5:11: error CS0402: the key id 'ed-1' is used twice");
    }
}
