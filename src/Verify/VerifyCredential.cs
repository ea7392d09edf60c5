using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredentialSite.Diagnostics;
using CredentialSite.Rdf.DataIntegrity;
using static CredentialSite.Verify.TrustedKeys;

namespace CredentialSite.Verify;

/// <summary>
/// Verifies one credential, offline, with the same rules as the site's verify page (docs/verify.md): a JSON credential
/// with Data Integrity proofs (eddsa-rdfc-2022; every supported proof of a proof set must verify), or a compact VC-JWT
/// (RS256, ES256, EdDSA; the credential is the payload or its <c>vc</c> claim); the key's controller must be the
/// issuer; validity dates against asOf; revocation from a status list this site or trust/ holds. Open Badges 2.0 JSON
/// is recognised and reported as hosted (its verification needs the issuer's server).
/// </summary>
public sealed partial class VerifyCredential(TrustedKeys keys, DateOnly asOf, Func<string, string, bool?>? siteRevoked = null)
{
    /// <summary>The result, the problems (each a diagnostic) and the credential's JSON (null when unreadable).</summary>
    public sealed record Result(CredentialCheck Check, IReadOnlyList<CredentialProblem> Problems, JsonObject? Credential);

    public Result Run(byte[] bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes).Trim().TrimStart('\uFEFF'); }
        catch (DecoderFallbackException) { return Unreadable("the file is not UTF-8 text"); }
        if (CompactJws().IsMatch(text)) return Jwt(text);
        JsonObject? json = null;
        try { json = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { }
        if (json is null) return Unreadable("the file is neither a JSON credential nor a compact VC-JWT");
        if (IsOb2(json))
            return new(new CredentialCheck(CredentialCheck.Hosted, "Open Badges 2.0", Ob2Issuer(json), null, null, [],
                ["Open Badges 2.0: hosted verification; cannot be checked offline"]), [], json);
        return DataIntegrity(json);
    }

    private Result DataIntegrity(JsonObject credential)
    {
        var problems = new List<CredentialProblem>();
        var (checkedList, notChecked) = (new List<string>(), new List<string>());
        var issuerId = IssuerId(credential);
        if (issuerId is null) return Unreadable("the credential has no issuer");
        var proofs = credential["proof"] switch
        {
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => [o],
            _ => [],
        };
        if (proofs.Count == 0) return Unreadable("the credential has no proof: it is an unsigned copy", "ask the issuer for the signed credential (JSON with a proof, or a VC-JWT)");
        var outcome = CredentialCheck.Verified;
        var verifiedAny = false;
        foreach (var proof in proofs)
        {
            var suite = Str(proof, "cryptosuite") ?? Str(proof, "type") ?? "?";
            if (Str(proof, "type") != "DataIntegrityProof" || suite != "eddsa-rdfc-2022")
            {
                notChecked.Add($"a {suite} proof (not supported; the other proofs were checked)");
                continue;
            }
            var vm = Str(proof, "verificationMethod");
            if (vm is null || Str(proof, "proofPurpose") != "assertionMethod")
            {
                problems.Add(new(DiagnosticCodes.CredentialProofInvalid, false, "the proof has no verificationMethod or its purpose is not assertionMethod",
                    "the file was changed, or it is not an issued credential"));
                outcome = CredentialCheck.Failed;
                continue;
            }
            var (key, why, kind) = keys.Resolve(vm, issuerId);
            if (key?.Ed25519 is not { } ed)
            {
                Key(problems, why ?? $"the key '{vm}' is not an Ed25519 key", key is null ? kind : KeyProblem.Invalid, ref outcome);
                notChecked.Add($"the eddsa-rdfc-2022 proof (no key for {vm})");
                continue;
            }
            var single = (JsonObject)credential.DeepClone();
            single["proof"] = proof.DeepClone();
            if (!VerifiesSafely(single, ed))
            {
                problems.Add(new(DiagnosticCodes.CredentialProofInvalid, false,
                    $"the eddsa-rdfc-2022 proof does not verify with {vm}: the credential was changed after signing, or signed with another key",
                    "use the file exactly as the issuer sent it"));
                outcome = CredentialCheck.Failed;
                continue;
            }
            verifiedAny = true;
            checkedList.Add($"eddsa-rdfc-2022 proof, key from {key.From}");
        }
        if (!verifiedAny && outcome == CredentialCheck.Verified)
        {
            outcome = CredentialCheck.Unverifiable;
            if (problems.Count == 0)
                problems.Add(new(DiagnosticCodes.CredentialKeyUnknown, true, "none of the credential's proofs is of a kind the build can check (eddsa-rdfc-2022)",
                    "ask the issuer for the credential as a VC-JWT or with an eddsa-rdfc-2022 proof"));
        }
        return Finish(credential, "JSON with Data Integrity proof", issuerId, outcome, checkedList, notChecked, problems);
    }

    private Result Jwt(string compact)
    {
        var parts = compact.Split('.');
        JsonObject? header, payload;
        byte[] signature;
        try
        {
            header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Unreadable("the file looks like a JWT but its parts are not base64url JSON");
        }
        if (header is null || payload is null) return Unreadable("the JWT's header or payload is not a JSON object");
        var credential = payload["vc"] as JsonObject ?? payload;
        var issuerId = IssuerId(credential) ?? Str(payload, "iss");
        if (issuerId is null || credential["credentialSubject"] is null) return Unreadable("the JWT does not carry a credential (no issuer or credentialSubject)");
        var problems = new List<CredentialProblem>();
        var (checkedList, notChecked) = (new List<string>(), new List<string>());
        var outcome = CredentialCheck.Verified;
        var alg = Str(header, "alg") ?? "none";
        if (Str(payload, "iss") is { } iss && iss != issuerId)
            problems.Add(new(DiagnosticCodes.CredentialKeyNotIssuers, false, $"the JWT's iss '{iss}' is not the credential's issuer '{issuerId}'", "the JWT was not made by the credential's issuer"));
        if (!JwtSignature.Algorithms.Contains(alg))
            return Finish(credential, "VC-JWT", issuerId, CredentialCheck.Failed, checkedList, notChecked,
                [.. problems, new(DiagnosticCodes.CredentialProofInvalid, false, $"the JWT's algorithm '{alg}' is not one the build checks (RS256, ES256, EdDSA)", "ask the issuer for a credential signed with one of them")]);
        List<VerificationKey> candidates = [];
        if (header["jwk"] is JsonObject embedded)
        {
            candidates.Add(new VerificationKey(null, embedded, "the JWT's header (an embedded JWK: proves the credential is intact, not who made it)"));
        }
        else if (Str(header, "kid") is { } kid)
        {
            var (key, why, kind) = keys.Resolve(kid.StartsWith('#') ? issuerId + kid : kid, issuerId);
            if (key is not null) candidates.Add(key);
            else Key(problems, why!, kind, ref outcome);
        }
        else
        {
            candidates.AddRange(keys.KeysOf(issuerId));
            if (candidates.Count == 0) Key(problems, $"the JWT names no key (kid) and trust/ pins none for '{issuerId}'", KeyProblem.Unknown, ref outcome);
        }
        var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var good = candidates.FirstOrDefault(k => k.Jwk is { } jwk ? JwtSignature.Verify(alg, jwk, input, signature)
            : alg == "EdDSA" && k.Ed25519 is { } ed && JwtSignature.VerifyEd25519(ed, input, signature));
        if (good is not null)
            checkedList.Add($"{alg} JWT signature, key from {good.From}");
        else if (candidates.Count > 0)
        {
            problems.Add(new(DiagnosticCodes.CredentialProofInvalid, false,
                $"the {alg} signature of the JWT does not verify: the credential was changed after signing, or signed with another key", "use the file exactly as the issuer sent it"));
            outcome = CredentialCheck.Failed;
        }
        else notChecked.Add("the JWT signature (no key)");
        // A VC-JWT's nbf/exp bound the credential like validFrom/validUntil.
        var copy = (JsonObject)credential.DeepClone();
        if (payload["exp"] is JsonValue exp && exp.TryGetValue<long>(out var e) && Str(copy, "validUntil") is null && Str(copy, "expirationDate") is null)
            copy["validUntil"] = DateTimeOffset.FromUnixTimeSeconds(e).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (payload["nbf"] is JsonValue nbf && nbf.TryGetValue<long>(out var n) && Str(copy, "validFrom") is null && Str(copy, "issuanceDate") is null)
            copy["validFrom"] = DateTimeOffset.FromUnixTimeSeconds(n).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return Finish(copy, "VC-JWT", issuerId, outcome, checkedList, notChecked, problems);
    }

    /// <summary>A hostile document (a value of the wrong JSON type, a "poison" graph past RDFC-1.0's work limit) fails, never throws.</summary>
    private static bool VerifiesSafely(JsonObject document, byte[] publicKey)
    {
        try { return EddsaRdfc2022.Verify(document, publicKey); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or Rdf.JsonLd.JsonLdException
                                      or Rdf.Rdfc10LimitExceededException or InvalidCastException)
        {
            return false;
        }
    }

    private static void Key(List<CredentialProblem> problems, string why, KeyProblem kind, ref string outcome)
    {
        if (kind == KeyProblem.Unknown)
        {
            problems.Add(new(DiagnosticCodes.CredentialKeyUnknown, true, why + ": it cannot be checked offline",
                "pin the issuer's DID document or JWKS in trust/ (build --online fetches it; see docs/verify.md)"));
            if (outcome == CredentialCheck.Verified) outcome = CredentialCheck.Unverifiable;
        }
        else
        {
            problems.Add(kind == KeyProblem.NotIssuers
                ? new(DiagnosticCodes.CredentialKeyNotIssuers, false, why, "only a key its issuer controls can sign a credential")
                : new(DiagnosticCodes.CredentialProofInvalid, false, why, "the credential names a key that cannot have signed it"));
            outcome = CredentialCheck.Failed;
        }
    }

    /// <summary>Validity dates and revocation, then the summary.</summary>
    private Result Finish(JsonObject credential, string format, string issuerId, string outcome, List<string> checkedList, List<string> notChecked, List<CredentialProblem> problems)
    {
        var from = Date(credential, "validFrom") ?? Date(credential, "issuanceDate");
        var until = Date(credential, "validUntil") ?? Date(credential, "expirationDate");
        var day = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (from is { } f && f >= day.AddDays(1))
        {
            problems.Add(new(DiagnosticCodes.CredentialNotYetValid, false, $"the credential is not valid yet: valid from {Iso(f)}, asOf is {Iso(day)}", "attach it once it is valid"));
            outcome = CredentialCheck.Failed;
        }
        else if (until is { } u && u < day)
            problems.Add(new(DiagnosticCodes.CredentialExpired, true, $"the credential expired on {Iso(u)}", "renew it, or remove it from the portfolio"));
        else checkedList.Add(until is null ? "dates: valid from " + (from is { } f2 ? Iso(f2) : "(no date)") + ", no expiry" : $"dates: valid until {Iso(until.Value)}");
        Revocation(credential, issuerId, checkedList, notChecked, problems, ref outcome);
        if (outcome == CredentialCheck.Verified && problems.Any(p => !p.IsWarning)) outcome = CredentialCheck.Failed;
        var name = credential["issuer"] is JsonObject io ? Str(io, "name") : null;
        var subject = credential["credentialSubject"] is JsonArray { Count: > 0 } arr ? arr[0] as JsonObject : credential["credentialSubject"] as JsonObject;
        var achievement = subject?["achievement"] is JsonObject a ? Str(a, "name") ?? Str(a, "id") : null;
        return new(new CredentialCheck(outcome, format, issuerId, name, achievement, checkedList, notChecked), problems, credential);
    }

    private void Revocation(JsonObject credential, string issuerId, List<string> checkedList, List<string> notChecked, List<CredentialProblem> problems, ref string outcome)
    {
        var entries = credential["credentialStatus"] switch { JsonArray a => a.OfType<JsonObject>().ToList(), JsonObject o => [o], _ => [] };
        foreach (var entry in entries.Where(e => Str(e, "type") == "BitstringStatusListEntry" && Str(e, "statusPurpose") == "revocation"))
        {
            var list = Str(entry, "statusListCredential");
            if (list is null || !int.TryParse(Str(entry, "statusListIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                notChecked.Add("revocation (the status entry is incomplete)");
                continue;
            }
            bool? revoked = null;
            if (siteRevoked?.Invoke(list, Str(credential, "id") ?? "") is { } own) revoked = own;
            else if (keys.Document(list) is { } doc)
            {
                if (!IsGenuineList(doc, issuerId))
                {
                    notChecked.Add($"revocation (the status list {list} in trust/ is not the issuer's: its proof does not verify, or another issuer signed it)");
                    continue;
                }
                if (doc["credentialSubject"] is JsonObject subject && Str(subject, "encodedList") is { } encoded)
                {
                    try
                    {
                        var bits = CredentialSite.Status.Bitstring.Decode(encoded);
                        if (index < bits.Length * 8) revoked = CredentialSite.Status.Bitstring.Get(bits, index);
                    }
                    catch (Exception e) when (e is FormatException or InvalidDataException) { }
                }
            }
            if (revoked is null)
            {
                notChecked.Add($"revocation (the status list {list} is not available offline)");
                continue;
            }
            if (revoked == true)
            {
                problems.Add(new(DiagnosticCodes.CredentialRevoked, false, $"the credential is revoked in its issuer's status list {list}", "remove it from the portfolio"));
                outcome = CredentialCheck.Failed;
            }
            else checkedList.Add("not revoked (status list)");
        }
    }

    /// <summary>
    /// Whether a pinned status list may speak for the credential's issuer: one without a proof is taken as pinned (the
    /// catalog team put it in trust/); one with proofs must be issued by the same issuer, and every eddsa-rdfc-2022 proof
    /// must verify with that issuer's key, else a changed list could hide a revocation.
    /// </summary>
    private bool IsGenuineList(JsonObject list, string issuerId)
    {
        var proofs = list["proof"] switch { JsonArray a => a.OfType<JsonObject>().ToList(), JsonObject o => [o], _ => [] };
        if (proofs.Count == 0) return true;
        if (IssuerId(list) != issuerId) return false;
        foreach (var proof in proofs.Where(p => Str(p, "cryptosuite") == "eddsa-rdfc-2022"))
        {
            if (Str(proof, "verificationMethod") is not { } vm || keys.Resolve(vm, issuerId).Key?.Ed25519 is not { } ed) return false;
            var single = (JsonObject)list.DeepClone();
            single["proof"] = proof.DeepClone();
            if (!VerifiesSafely(single, ed)) return false;
        }
        return true;
    }

    private static Result Unreadable(string why, string hint = "use the credential file as the issuer sent it: JSON with a proof, or a VC-JWT") =>
        new(new CredentialCheck(CredentialCheck.Failed, "unknown", null, null, null, [], [why]), [new(DiagnosticCodes.CredentialUnreadable, false, why, hint)], null);

    internal static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonObject o => Str(o, "id"),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    private static bool IsOb2(JsonObject json)
    {
        var context = json["@context"]?.ToJsonString() ?? "";
        return context.Contains("w3id.org/openbadges/v2", StringComparison.Ordinal) || Str(json, "type") == "Assertion";
    }

    private static string? Ob2Issuer(JsonObject json) =>
        json["badge"] is JsonObject b ? (b["issuer"] is JsonObject i ? Str(i, "id") : Str(b, "issuer")) : null;

    private static DateTimeOffset? Date(JsonObject o, string name) =>
        Str(o, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")]
    private static partial Regex CompactJws();
}
