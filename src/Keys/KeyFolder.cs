using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using CredentialSite.Diagnostics;
using CredentialSite.Model;
using CredentialSite.Rdf.DataIntegrity;
using Org.BouncyCastle.Crypto.Parameters;

namespace CredentialSite.Keys;

/// <summary>
/// The private key folder (<c>--keys</c>, <c>CREDENTIALSITE_KEYS</c>): <c>&lt;issuer&gt;/&lt;keyId&gt;.ed25519.json</c>
/// and <c>&lt;issuer&gt;/&lt;keyId&gt;.rsa.pem</c>. It never lies in the source or the output, and every key in it must
/// match a published, non-retired key of its issuer. Subfolders (keys new moves retired keys to <c>retired/</c>) are not read.
/// </summary>
public static class KeyFolder
{
    public const string Ed25519Suffix = ".ed25519.json";
    public const string RsaSuffix = ".rsa.pem";
    public const string EnvironmentVariable = "CREDENTIALSITE_KEYS";

    /// <summary>Why <paramref name="keys"/> may not hold private keys (it is or lies in one of <paramref name="folders"/>), or null.</summary>
    public static string? Refuse(string keys, params (string What, string? Path)[] folders)
    {
        if (string.IsNullOrWhiteSpace(keys) || keys.IndexOfAny(Path.GetInvalidPathChars()) >= 0) return $"'{keys}' is not a folder name";
        var full = Full(keys);
        foreach (var (what, path) in folders)
        {
            if (string.IsNullOrEmpty(path)) continue;
            var folder = Full(path);
            // Without regard to case, as on macOS and Windows (refusing a folder that differs only in case costs nothing).
            if (string.Equals(full, folder, StringComparison.OrdinalIgnoreCase)) return $"the key folder '{keys}' is the {what}";
            if (full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase))
                return $"the key folder '{keys}' lies inside the {what} ('{path}')";
        }
        return null;
    }

    /// <summary>Where a refused key folder is reported: the folder, or the option when it names none.</summary>
    public static SourceLocation Location(string keys) => SourceLocation.File(string.IsNullOrWhiteSpace(keys) ? "--keys" : keys);

    public const string RefuseHint =
        "keep private keys outside the site: e.g. ~/.credentialsite-keys locally, $RUNNER_TEMP/keys in GitHub Actions (docs/signing.md)";

    private static string Full(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        // A folder reached through a link is where the link leads.
        try
        {
            if (Directory.Exists(full) && Directory.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
                return Path.TrimEndingDirectorySeparator(target.FullName);
        }
        catch (IOException)
        {
        }
        return full;
    }

    /// <summary>
    /// Reads the folder and matches each private key to a published key. Returns the keys of each signing issuer: one with a
    /// non-retired Multikey and a non-retired JsonWebKey whose private keys are both present (the newest of each).
    /// </summary>
    public static IReadOnlyDictionary<string, SigningKeys> Load(string folder, IReadOnlyDictionary<string, Issuer> issuers, DiagnosticBag diags)
    {
        var result = new SortedDictionary<string, SigningKeys>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            diags.Error(DiagnosticCodes.PrivateKeyUnreadable, SourceLocation.File(folder), "the key folder does not exist",
                "give the folder keys new wrote (--keys DIR or CREDENTIALSITE_KEYS)");
            return result;
        }
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var issuerId = Path.GetFileName(dir);
            var files = Directory.EnumerateFiles(dir).Where(f => f.EndsWith(Ed25519Suffix, StringComparison.Ordinal) || f.EndsWith(RsaSuffix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) continue;
            var issuer = issuers.GetValueOrDefault(issuerId);
            if (issuer is null || issuer.Keys.Count == 0)
            {
                diags.Error(DiagnosticCodes.PrivateKeyUnpublished, SourceLocation.File(dir),
                    issuer is null ? $"the key folder names no issuer '{issuerId}'" : $"the issuer '{issuerId}' publishes no keys",
                    $"a folder of private keys is named after an issuer with keys: in catalog/issuers/<id>.yml (keys new writes both)");
                continue;
            }
            (IssuerKey Key, byte[] Seed)? ed = null;
            (IssuerKey Key, RSAParameters Rsa)? rsa = null;
            var refused = false; // a file was reported: the pair is not what its folder means to hold
            foreach (var file in files)
            {
                var at = SourceLocation.File(file);
                if (file.EndsWith(Ed25519Suffix, StringComparison.Ordinal))
                {
                    if (ReadEd25519(file, at, diags) is not { } seed) { refused = true; continue; }
                    var multibase = Ed25519Multikey.EncodePublic(new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded());
                    var key = Match(issuer, IssuerKey.Multikey, "Ed25519 " + multibase, at, diags);
                    refused |= key is null;
                    if (key is not null && (ed is null || Newer(key, ed.Value.Key))) ed = (key, seed);
                }
                else
                {
                    if (ReadRsa(file, at, diags) is not { } parameters) { refused = true; continue; }
                    var text = ReadKeys.PublicText(new IssuerKey("", IssuerKey.JsonWebKey, default, null, null, Jwk(parameters)));
                    var key = Match(issuer, IssuerKey.JsonWebKey, text, at, diags);
                    refused |= key is null;
                    if (key is not null && (rsa is null || Newer(key, rsa.Value.Key))) rsa = (key, parameters);
                }
            }
            if (ed is { } e && rsa is { } r) result[issuerId] = new SigningKeys(e.Key.Id, e.Seed, r.Key.Id, r.Rsa);
            else if (!refused && (ed is not null || rsa is not null))
                diags.Warning(DiagnosticCodes.KeyPairIncomplete, SourceLocation.File(dir),
                    $"only the {(ed is null ? "RSA (JWT)" : "Ed25519 (Data Integrity)")} private key of issuer '{issuerId}' is here: its credentials are not signed",
                    $"every credential gets both proofs or none: put the issuer's {(ed is null ? "<keyId>" + Ed25519Suffix : "<keyId>" + RsaSuffix)} file beside it");
        }
        return result;
    }

    private static bool Newer(IssuerKey a, IssuerKey b) => a.Created > b.Created || (a.Created == b.Created && string.CompareOrdinal(a.Id, b.Id) > 0);

    /// <summary>The JWK of an RSA key's public part (base64url, no padding).</summary>
    public static RsaJwk Jwk(RSAParameters p) => new(Base64Url.EncodeToString(p.Modulus!), Base64Url.EncodeToString(p.Exponent!));

    private static IssuerKey? Match(Issuer issuer, string type, string publicText, SourceLocation at, DiagnosticBag diags)
    {
        var published = issuer.Keys.FirstOrDefault(k => k.Type == type && ReadKeys.PublicText(k) == publicText);
        if (published is { IsRetired: false }) return published;
        diags.Error(DiagnosticCodes.PrivateKeyUnpublished, at, published is null
                ? $"this private key's public key is not among the keys issuer '{issuer.Id}' publishes"
                : $"this private key belongs to the retired key '{published.Id}' of issuer '{issuer.Id}'",
            published is null
                ? $"publish it in {issuer.Spans.Path} (keys new does), or remove the file from the key folder"
                : "a retired key signs nothing new: move its file out of the key folder (keys new moves it to retired/)");
        return null;
    }

    private static byte[]? ReadEd25519(string file, SourceLocation at, DiagnosticBag diags)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("secretKeyMultibase", out var secret)
                && secret.ValueKind == JsonValueKind.String)
                return Ed25519Multikey.DecodeSecret(secret.GetString()!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
        }
        diags.Error(DiagnosticCodes.PrivateKeyUnreadable, at, "not an Ed25519 private key file",
            "keys new writes { \"secretKeyMultibase\": \"z…\" } (an Ed25519 seed as a Multikey)");
        return null;
    }

    private static RSAParameters? ReadRsa(string file, SourceLocation at, DiagnosticBag diags)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(file));
            if (rsa.KeySize >= ReadKeys.MinRsaBits) return rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
        }
        diags.Error(DiagnosticCodes.PrivateKeyUnreadable, at, $"not an RSA private key of at least {ReadKeys.MinRsaBits} bits in PEM",
            "keys new writes a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
        return null;
    }
}
