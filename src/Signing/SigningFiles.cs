using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredentialSite.Analyze;
using CredentialSite.Model;
using CredentialSite.Render;
using CredentialSite.StructuredData;
using CredentialSite.Write;

namespace CredentialSite.Signing;

/// <summary>The files signing adds to the site: each keyed issuer's did.json and profile.json, and signed credentials.</summary>
public static class SigningFiles
{
    /// <summary>did.json and profile.json of every issuer with <c>keys:</c>, signed build or not (a verifier of older credentials needs them).</summary>
    public static IEnumerable<OutputFile> Identities(SiteIndex ix) =>
        ix.Issuers.Where(i => i.Keys.Count > 0).SelectMany(issuer => new[]
        {
            new OutputFile(DidWeb.DocumentPath(issuer.Id), JsonLd.FileBytes(IssuerIdentity.DidDocument(ix, issuer))),
            new OutputFile(DidWeb.ProfilePath(issuer.Id), JsonLd.FileBytes(IssuerIdentity.Profile(ix, issuer))),
        });

    /// <summary>An earned badge's credential JSON, signed with its VC-JWT beside it when the build signs for its issuer.</summary>
    public static IEnumerable<OutputFile> Credential(SiteIndex ix, CredentialSigner? signer, Portfolio person, EarnedBadge earned)
    {
        var path = ViewBuilder.CredentialPath(person.Id, earned.Badge);
        var issuer = ix.BadgesById[earned.Badge].Issuer;
        if (signer is null || !signer.Signs(issuer))
        {
            yield return OutputFile.Later(path, () => JsonLd.FileBytes(Credentials.Credential(ix, person, earned)!));
            yield break;
        }
        // The credential is made once for both files (an immutable record); each file serializes its own JSON tree.
        var credential = new Lazy<ObCredential>(() => Credentials.Credential(ix, person, earned, signer.Did(issuer))!);
        JsonObject Unsigned() => JsonSerializer.SerializeToNode(credential.Value, JsonLd.Compact)!.AsObject();
        yield return OutputFile.Later(path, () => JsonLd.FileBytes(signer.SignDocument(Unsigned(), issuer)));
        yield return OutputFile.Later(ViewBuilder.CredentialJwtPath(person.Id, earned.Badge), () => Encoding.ASCII.GetBytes(signer.Jwt(Unsigned(), issuer)));
    }

    /// <summary>Each issuer's revocation list, signed like its credentials when the build signs for it.</summary>
    public static IEnumerable<OutputFile> StatusLists(SiteIndex ix, CredentialSigner? signer)
    {
        var lists = Status.RevocationLists.Of(ix);
        foreach (var issuer in lists.Issuers)
        {
            var path = Status.RevocationLists.ListPath(issuer);
            if (signer is null || !signer.Signs(issuer))
            {
                yield return OutputFile.Later(path, () => JsonLd.FileBytes(lists.Credential(issuer)));
                continue;
            }
            yield return OutputFile.Later(path, () => JsonLd.FileBytes(
                signer.SignDocument(JsonSerializer.SerializeToNode(lists.Credential(issuer, signer.Did(issuer)), JsonLd.Compact)!.AsObject(), issuer)));
        }
    }
}
