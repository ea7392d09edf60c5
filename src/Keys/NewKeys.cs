using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Rdf.DataIntegrity;
using Org.BouncyCastle.Crypto.Parameters;

namespace CredentialSite.Keys;

/// <summary>
/// <c>credentialsite keys new</c>: makes an Ed25519 key (Data Integrity) and an RSA 2048 key (RS256 JWTs) for an issuer,
/// writes the private keys into the key folder (mode 0600) and appends the public keys to the issuer's YAML, keeping the
/// rest of the file as it is. Run again, it rotates: the keys in use get <c>retired:</c> (they stay published) and their
/// private files move to <c>&lt;issuer&gt;/retired/</c>, which builds do not read.
/// </summary>
public static class NewKeys
{
    public sealed record Result(string IssuerFile, string Ed25519Id, string RsaId, IReadOnlyList<string> PrivateFiles, IReadOnlyList<string> Retired);

    public static Result? Run(string source, string issuerId, string keys, string? output, DateOnly today, DiagnosticBag diags)
    {
        if (KeyFolder.Refuse(keys, ("source folder", source), ("output folder", output)) is { } why)
        {
            diags.Error(DiagnosticCodes.KeysFolderRefused, KeyFolder.Location(keys), why, KeyFolder.RefuseHint);
            return null;
        }
        var folder = new SourceFolder(source);
        var file = new[] { ".yml", ".yaml" }.Select(ext => Path.Combine(folder.Issuers, issuerId + ext)).FirstOrDefault(File.Exists);
        if (!Ids.IsValid(issuerId) || file is null)
        {
            var known = Directory.Exists(folder.Issuers) ? Directory.EnumerateFiles(folder.Issuers).Select(Path.GetFileNameWithoutExtension).OfType<string>() : [];
            diags.Error(DiagnosticCodes.UnknownReference, SourceLocation.File("--issuer"), $"no issuer '{issuerId}' in {folder.Issuers}",
                Suggest.Closest(issuerId, known) is { } close ? $"did you mean '{close}'?" : "give the id of a file in catalog/issuers/");
            return null;
        }
        var rel = Path.GetRelativePath(source, file).Replace('\\', '/');
        var text = File.ReadAllText(file);
        var fileDiags = new DiagnosticBag();
        var issuer = YamlFile.Parse(text, rel, fileDiags) is { } f ? ReadCatalog.Issuer(f, issuerId, fileDiags) : null;
        if (issuer is null || fileDiags.HasErrors)
        {
            foreach (var d in fileDiags.All) diags.Add(d);
            diags.Error(DiagnosticCodes.KeyInvalid, SourceLocation.File(rel), "keys new edits only an issuer file without errors", "fix the errors above, then run keys new again");
            return null;
        }

        var created = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var edId = FreeId(issuer, "ed25519-" + created);
        var rsaId = FreeId(issuer, "rsa-" + created);
        var seed = RandomNumberGenerator.GetBytes(32);
        var edPublic = Ed25519Multikey.EncodePublic(new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded());
        using var rsa = RSA.Create(2048);
        var jwk = KeyFolder.Jwk(rsa.ExportParameters(false));

        var edited = YamlKeysText.Edit(text, issuer, created, [
            new IssuerKey(edId, IssuerKey.Multikey, today, null, edPublic, null),
            new IssuerKey(rsaId, IssuerKey.JsonWebKey, today, null, null, jwk),
        ], diags, rel);
        if (edited is null) return null;

        var dir = Path.Combine(keys, issuerId);
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else
        {
            // Folders it makes are the owner's only (0700); a folder that exists keeps its mode, the issuer's is set.
            const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Directory.CreateDirectory(keys, owner);
            Directory.CreateDirectory(dir, owner);
            File.SetUnixFileMode(dir, owner);
        }
        var retired = MoveRetired(dir);
        var edFile = Path.Combine(dir, edId + KeyFolder.Ed25519Suffix);
        var secret = new JsonObject
        {
            ["id"] = edId, ["type"] = IssuerKey.Multikey, ["publicKeyMultibase"] = edPublic, ["secretKeyMultibase"] = Ed25519Multikey.EncodeSecret(seed),
        };
        WritePrivate(edFile, secret.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        var rsaFile = Path.Combine(dir, rsaId + KeyFolder.RsaSuffix);
        WritePrivate(rsaFile, rsa.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(file, edited);
        return new Result(rel, edId, rsaId, [edFile, rsaFile], retired);
    }

    private static string FreeId(Issuer issuer, string id)
    {
        var candidate = id;
        for (var n = 2; issuer.Keys.Any(k => k.Id == candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    /// <summary>Moves the private files in use to retired/ (their public keys are retired now); returns their new paths.</summary>
    private static IReadOnlyList<string> MoveRetired(string dir)
    {
        var files = Directory.EnumerateFiles(dir).Where(f => f.EndsWith(KeyFolder.Ed25519Suffix, StringComparison.Ordinal) || f.EndsWith(KeyFolder.RsaSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) return [];
        var retired = Path.Combine(dir, "retired");
        Directory.CreateDirectory(retired);
        var moved = new List<string>();
        foreach (var f in files)
        {
            var to = Path.Combine(retired, Path.GetFileName(f));
            File.Move(f, to, overwrite: false);
            moved.Add(to);
        }
        return moved;
    }

    /// <summary>A new file only its owner can read (0600 on Unix), created with that mode so it is never readable by others.</summary>
    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
