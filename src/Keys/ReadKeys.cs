using System.Buffers.Text;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Rdf.DataIntegrity;

namespace CredentialSite.Keys;

/// <summary>Reads and checks an issuer's published <c>keys:</c> (public keys only; see docs/signing.md).</summary>
public static class ReadKeys
{
    /// <summary>RSA keys below this size are refused (RS256 with less is not considered safe).</summary>
    public const int MinRsaBits = 2048;

    public static IReadOnlyList<IssuerKey> Run(YamlFields issuer, DiagnosticBag diags)
    {
        var located = new List<(IssuerKey Key, SourceLocation At)>();
        var keys = issuer.List("keys", k =>
        {
            var key = Read(k, diags);
            if (key is not null) located.Add((key, k.LocationOf("id")));
            return key;
        });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var publics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, at) in located)
        {
            if (!ids.Add(key.Id))
                diags.Error(DiagnosticCodes.KeyDuplicate, at, $"the key id '{key.Id}' is used twice in this issuer's keys",
                    "give each key its own id; keys new makes ids such as ed25519-2026-12-08");
            else if (!publics.Add(PublicText(key)))
                diags.Error(DiagnosticCodes.KeyDuplicate, at, $"the key '{key.Id}' publishes the same public key as an earlier key",
                    "publish each key once; to retire a key set 'retired:' on it");
        }
        return keys;
    }

    /// <summary>A key's public material as one comparable text (the same key always gives the same text).</summary>
    public static string PublicText(IssuerKey key) => key.PublicKeyJwk is { } j
        ? $"RSA {Convert.ToHexString(Trim(Base64Url.DecodeFromChars(j.N)))} {Convert.ToHexString(Trim(Base64Url.DecodeFromChars(j.E)))}"
        : "Ed25519 " + key.PublicKeyMultibase;

    private static byte[] Trim(byte[] bytes) => bytes.SkipWhile(b => b == 0).ToArray();

    private static IssuerKey? Read(YamlFields k, DiagnosticBag diags)
    {
        var id = k.Text("id", required: true);
        var type = k.Text("type", required: true);
        var created = k.Date("created", required: true);
        var retired = k.Date("retired");
        if (id is not null && !Ids.IsValid(id))
            diags.Error(DiagnosticCodes.KeyInvalid, k.LocationOf("id"), $"the key id '{id}' is not a valid id",
                "use lowercase letters, digits and single dashes, e.g. ed25519-2026-12-08");
        if (created is { } c && retired is { } r && r < c)
            diags.Error(DiagnosticCodes.KeyInvalid, k.LocationOf("retired"), $"the key '{id}' is retired ({r:yyyy-MM-dd}) before it was created ({c:yyyy-MM-dd})");
        string? multibase = null;
        RsaJwk? jwk = null;
        var ok = id is not null && Ids.IsValid(id) && created is not null;
        switch (type)
        {
            case IssuerKey.Multikey:
                multibase = k.Text("publicKeyMultibase", required: true);
                if (multibase is not null && !IsEd25519(multibase))
                {
                    diags.Error(DiagnosticCodes.KeyInvalid, k.LocationOf("publicKeyMultibase"), $"publicKeyMultibase of key '{id}' is not an Ed25519 Multikey",
                        "an Ed25519 public key in Multikey form starts with z6Mk (keys new writes it)");
                    multibase = null;
                }
                ok &= multibase is not null;
                break;
            case IssuerKey.JsonWebKey:
                jwk = ReadJwk(k, id, diags);
                ok &= jwk is not null;
                break;
            case null:
                ok = false;
                break;
            default:
                k.Skip("publicKeyMultibase"); // the type is the error; its key is not a second one
                k.Skip("publicKeyJwk");
                diags.Error(DiagnosticCodes.KeyInvalid, k.LocationOf("type"), $"'{type}' is not a key type",
                    (Suggest.Closest(type, IssuerKey.Types) is { } close ? $"did you mean '{close}'? " : "") + "allowed: Multikey (Ed25519), JsonWebKey (RSA)");
                ok = false;
                break;
        }
        return ok ? new IssuerKey(id!, type!, created!.Value, retired, multibase, jwk) : null;
    }

    private static bool IsEd25519(string multibase)
    {
        // An Ed25519 Multikey is 48 characters; a long text is refused before base58 decoding (quadratic) reads it.
        if (multibase.Length > 64) return false;
        try
        {
            Ed25519Multikey.DecodePublic(multibase);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static RsaJwk? ReadJwk(YamlFields k, string? id, DiagnosticBag diags)
    {
        if (k.Map("publicKeyJwk", required: true) is not { } j) return null;
        var kty = j.Text("kty", required: true);
        var n = j.Text("n", required: true);
        var e = j.Text("e", required: true);
        j.Finish();
        if (kty is null || n is null || e is null) return null;
        string? problem = null;
        if (kty != "RSA") problem = $"kty is '{kty}', not RSA";
        else if (Decode(n) is not { } modulus || Decode(e) is not { } exponent) problem = "n and e must be base64url (no padding)";
        else if (modulus.SkipWhile(b => b == 0).Count() * 8 < MinRsaBits) problem = $"the modulus is shorter than {MinRsaBits} bits";
        else if (exponent.All(b => b == 0)) problem = "the exponent is zero";
        if (problem is null) return new RsaJwk(n, e);
        diags.Error(DiagnosticCodes.KeyInvalid, k.LocationOf("publicKeyJwk"), $"publicKeyJwk of key '{id}' is not an RSA public key: {problem}",
            "keys new writes it: { kty: RSA, n: <modulus>, e: AQAB }");
        return null;
    }

    private static byte[]? Decode(string text)
    {
        try
        {
            return text.Length > 0 && !text.Contains('=') ? Base64Url.DecodeFromChars(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
