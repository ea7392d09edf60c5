namespace CredentialSite.Rdf.DataIntegrity;

/// <summary>
/// Ed25519 keys as Multikey strings: publicKeyMultibase is 'z' + base58btc(0xed 0x01 + 32-byte key) ("z6Mk…"),
/// secretKeyMultibase is 'z' + base58btc(0x80 0x26 + 32-byte seed).
/// </summary>
public static class Ed25519Multikey
{
    private static readonly byte[] PublicPrefix = [0xed, 0x01];
    private static readonly byte[] SecretPrefix = [0x80, 0x26];

    public static string EncodePublic(ReadOnlySpan<byte> publicKey) => Base58Btc.EncodeMultibase([.. PublicPrefix, .. publicKey]);
    public static string EncodeSecret(ReadOnlySpan<byte> seed) => Base58Btc.EncodeMultibase([.. SecretPrefix, .. seed]);

    public static byte[] DecodePublic(string multibase) => Decode(multibase, PublicPrefix, "Ed25519 public key");
    public static byte[] DecodeSecret(string multibase) => Decode(multibase, SecretPrefix, "Ed25519 secret key");

    private static byte[] Decode(string multibase, byte[] prefix, string what)
    {
        var bytes = Base58Btc.DecodeMultibase(multibase);
        if (bytes.Length != 34 || bytes[0] != prefix[0] || bytes[1] != prefix[1])
            throw new FormatException($"not a Multikey {what} (multicodec 0x{prefix[0]:x2}{prefix[1]:x2} + 32 bytes)");
        return bytes[2..];
    }
}
