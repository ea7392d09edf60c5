using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CredentialSite.Verify;

/// <summary>JWS signature checks for VC-JWTs: RS256 (RSA PKCS#1 v1.5), ES256 (P-256, r||s) and EdDSA (Ed25519), keys as JWKs.</summary>
public static class JwtSignature
{
    public static readonly IReadOnlyList<string> Algorithms = ["RS256", "ES256", "EdDSA"];

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="signingInput"/> with the JWK; false for a key that does not fit the algorithm.</summary>
    public static bool Verify(string alg, JsonObject jwk, byte[] signingInput, byte[] signature)
    {
        try
        {
            switch (alg, Text(jwk, "kty"))
            {
                case ("RS256", "RSA"):
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportParameters(new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") });
                        return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    }
                case ("ES256", "EC") when Text(jwk, "crv") == "P-256":
                    using (var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = ECCurve.NamedCurves.nistP256,
                        Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") },
                    }))
                        return signature.Length == 64 && ec.VerifyData(signingInput, signature, HashAlgorithmName.SHA256);
                case ("EdDSA", "OKP") when Text(jwk, "crv") == "Ed25519":
                    return VerifyEd25519(Bytes(jwk, "x"), signingInput, signature);
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    public static bool VerifyEd25519(byte[] publicKey, byte[] data, byte[] signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64) return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature);
    }

    private static string? Text(JsonObject jwk, string name) => jwk[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static byte[] Bytes(JsonObject jwk, string name) =>
        Text(jwk, name) is { } s ? Base64Url.DecodeFromChars(s) : throw new FormatException($"the JWK has no '{name}'");
}
