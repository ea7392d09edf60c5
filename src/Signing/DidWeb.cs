namespace CredentialSite.Signing;

/// <summary>
/// did:web identifiers of the site's issuers: <c>did:web:&lt;host&gt;[%3A&lt;port&gt;][:&lt;path segments&gt;]:issuers:&lt;id&gt;</c>,
/// which the did:web method resolves to <c>&lt;base&gt;/issuers/&lt;id&gt;/did.json</c>, where the site writes its document.
/// </summary>
public static class DidWeb
{
    public static string Did(Uri baseUrl, string issuerId)
    {
        var did = "did:web:" + baseUrl.IdnHost.ToLowerInvariant();
        if (!baseUrl.IsDefaultPort) did += "%3A" + baseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Path segments are already percent-encoded in AbsolutePath; a ':' inside one would split it, so it is encoded too.
        foreach (var segment in baseUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            did += ":" + segment.Replace(":", "%3A", StringComparison.Ordinal);
        return did + ":issuers:" + issuerId;
    }

    /// <summary>The output path of an issuer's DID document.</summary>
    public static string DocumentPath(string issuerId) => $"issuers/{issuerId}/did.json";

    /// <summary>The output path of an issuer's Open Badges Profile.</summary>
    public static string ProfilePath(string issuerId) => $"issuers/{issuerId}/profile.json";
}
