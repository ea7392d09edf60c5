namespace CredentialSite.Model;

/// <summary>
/// A public key an issuer publishes (<c>keys:</c> of its YAML): an Ed25519 <c>Multikey</c> for Data Integrity proofs or
/// an RSA <c>JsonWebKey</c> for RS256 VC-JWTs. A retired key signs nothing new and stays published, so that what it
/// signed still verifies.
/// </summary>
public sealed record IssuerKey(string Id, string Type, DateOnly Created, DateOnly? Retired, string? PublicKeyMultibase, RsaJwk? PublicKeyJwk)
{
    public const string Multikey = "Multikey";
    public const string JsonWebKey = "JsonWebKey";
    public static readonly IReadOnlyList<string> Types = [Multikey, JsonWebKey];

    public bool IsRetired => Retired is not null;
}

/// <summary>An RSA public key as a JWK: modulus and exponent, base64url without padding.</summary>
public sealed record RsaJwk(string N, string E);
