using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Model;
using CredentialSite.StructuredData;

namespace CredentialSite.Status;

/// <summary>A credential's place in its issuer's status list (VC Bitstring Status List v1.0 BitstringStatusListEntry).</summary>
public sealed record StatusListEntry(string Id, string Type, string StatusPurpose, string StatusListIndex, string StatusListCredential);

public sealed record StatusListSubject(string Id, string Type, string StatusPurpose, string EncodedList);

/// <summary>
/// An issuer's revocation list as a BitstringStatusListCredential: a plain document (unsigned, as the credentials are), so
/// that whatever secures credentials can secure it the same way.
/// </summary>
public sealed record StatusListCredential(
    [property: JsonPropertyName("@context")] IReadOnlyList<string> Context,
    string Id, IReadOnlyList<string> Type, string Issuer, string Name, string ValidFrom, StatusListSubject CredentialSubject);

/// <summary>
/// One revocation list per issuer with published credentials, at issuers/&lt;id&gt;/status/revocation.json. A credential's
/// index is the SHA-256 of its id (read as a big-endian number) modulo the list's length, moved on to the next free
/// index when an earlier credential (by id, ordinal) took it: it stays the same from build to build, whoever else
/// holds a credential, except in that rare collision. The list is <see cref="Bitstring.MinimumBits"/> long, doubled
/// while it would be more than a quarter full. Computed once per build (per <see cref="SiteIndex"/>).
/// </summary>
public sealed class RevocationLists
{
    public const string Purpose = "revocation";

    private static readonly ConditionalWeakTable<SiteIndex, RevocationLists> Built = new();

    private readonly Dictionary<string, IssuerList> _byIssuer;
    private readonly SiteIndex _ix;

    private sealed record IssuerList(Dictionary<string, int> Index, byte[] Bits);

    private RevocationLists(SiteIndex ix)
    {
        _ix = ix;
        var published = ix.People.SelectMany(p => p.Badges.Where(e => Credentials.Publishes(ix, e)).Select(e =>
            (Issuer: ix.BadgesById[e.Badge].Issuer, Id: Credentials.CredentialId(ix, p.Id, e.Badge), Revoked: e.IsRevoked(ix.AsOf))));
        _byIssuer = published.GroupBy(c => c.Issuer, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var credentials = g.GroupBy(c => c.Id, StringComparer.Ordinal).Select(c => (Id: c.Key, Revoked: c.Any(x => x.Revoked)))
                .OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
            var length = Bitstring.MinimumBits;
            while (credentials.Count > length / 4) length *= 2;
            var bits = new byte[length / 8];
            var taken = new bool[length];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (id, revoked) in credentials)
            {
                var i = Start(id, length);
                while (taken[i]) i = (i + 1) % length;
                taken[i] = true;
                index[id] = i;
                if (revoked) Bitstring.Set(bits, i);
            }
            return new IssuerList(index, bits);
        }, StringComparer.Ordinal);
    }

    public static RevocationLists Of(SiteIndex ix) => Built.GetValue(ix, i => new RevocationLists(i));

    /// <summary>Where the list starts looking for a credential's index: SHA-256(id) mod length (a power of two).</summary>
    public static int Start(string credentialId, int length)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(credentialId), hash);
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash[28..]) % (uint)length);
    }

    public static string ListPath(string issuerId) => $"issuers/{issuerId}/status/{Purpose}.json";

    /// <summary>The issuers that have a list, by id (ordinal).</summary>
    public IEnumerable<string> Issuers => _byIssuer.Keys.Order(StringComparer.Ordinal);

    /// <summary>The credentialStatus of a published credential; null for one the list does not hold.</summary>
    public StatusListEntry? Entry(string issuerId, string credentialId)
    {
        if (!_byIssuer.TryGetValue(issuerId, out var list) || !list.Index.TryGetValue(credentialId, out var i)) return null;
        var url = _ix.Site.AbsoluteUrl(ListPath(issuerId));
        var index = i.ToString(CultureInfo.InvariantCulture);
        return new StatusListEntry($"{url}#{index}", "BitstringStatusListEntry", Purpose, index, url);
    }

    /// <summary>
    /// The issuer's list as a document, valid from asOf (the date the build judged revocations at). Its issuer is the
    /// issuer's DID when the build signs for it (<paramref name="issuerDid"/>), as on the credentials it speaks for.
    /// </summary>
    public StatusListCredential Credential(string issuerId, string? issuerDid = null)
    {
        var list = _byIssuer[issuerId];
        var url = _ix.Site.AbsoluteUrl(ListPath(issuerId));
        var issuer = _ix.IssuersById[issuerId];
        return new StatusListCredential([OpenBadges.VcContext], url, ["VerifiableCredential", "BitstringStatusListCredential"],
            issuerDid ?? OpenBadges.ProfileId(_ix, issuerId), $"{issuer.Name}: revoked credentials",
            Credentials.Stamp(_ix.AsOf),
            new StatusListSubject(url + "#list", "BitstringStatusList", Purpose, Bitstring.Encode(list.Bits)));
    }
}
