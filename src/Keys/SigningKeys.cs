using System.Security.Cryptography;

namespace CredentialSite.Keys;

/// <summary>An issuer's private keys for one build: the ids are those of the matching published keys.</summary>
public sealed record SigningKeys(string Ed25519KeyId, byte[] Ed25519Seed, string RsaKeyId, RSAParameters Rsa);
