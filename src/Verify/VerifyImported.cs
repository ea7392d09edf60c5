using System.Text.Json.Nodes;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Signing;

namespace CredentialSite.Verify;

/// <summary>
/// The build's check of the credentials people bring (docs/verify.md): every earned badge's <c>credential:</c> file and
/// every <c>external:</c> file of every portfolio is verified offline (<see cref="VerifyCredential"/>); a failed proof,
/// a key not the issuer's, a revocation, a not-yet-valid credential, and for an earned badge an issuer or achievement
/// that is not the catalog badge's, are located errors; an expired credential or a key not available offline, warnings.
/// The results, keyed by portfolio id and field path, are what person pages show.
/// </summary>
public static class VerifyImported
{
    public static ImportedChecks Run(Catalog catalog, SourceFolder source, DiagnosticBag diags, DateOnly asOf, TrustedKeys keys)
    {
        var results = new Dictionary<(string, string), CredentialCheck>();
        var badges = catalog.Badges.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var issuers = catalog.Issuers.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var verifier = new VerifyCredential(keys, asOf, (list, id) => SiteRevoked(catalog, list, id, asOf));
        foreach (var p in catalog.Portfolios)
        {
            var files = p.Badges.Where(b => b.Credential is not null).Select(b => (b.Credential!, b.SpanPath, (EarnedBadge?)b))
                .Concat(p.External.Select(e => (e.Credential, e.SpanPath, (EarnedBadge?)null)));
            foreach (var (file, path, earned) in files)
            {
                if (Read(source, p, file) is not { } bytes) continue; // ValidatePortfolios reports why
                var at = p.Spans.At(path + ".credential");
                var result = verifier.Run(bytes);
                var problems = result.Problems.ToList();
                if (earned is not null && result.Credential is { } credential && badges.TryGetValue(earned.Badge, out var badge)
                    && issuers.TryGetValue(badge.Issuer, out var issuer))
                    problems.AddRange(Match(credential, badge, issuer, catalog.Site, keys));
                foreach (var problem in problems)
                {
                    var message = $"'{file}': {problem.Message}";
                    if (problem.IsWarning) diags.Warning(problem.Code, at, message, problem.Hint);
                    else diags.Error(problem.Code, at, message, problem.Hint);
                }
                var check = result.Check;
                if (problems.Any(x => !x.IsWarning) && check.Outcome != CredentialCheck.Failed) check = check with { Outcome = CredentialCheck.Failed };
                results[(p.Id, path)] = check;
            }
        }
        return new ImportedChecks(results);
    }

    /// <summary>The credential attached to a catalog badge must come from that badge's issuer and be for that badge.</summary>
    private static IEnumerable<CredentialProblem> Match(JsonObject credential, Badge badge, Issuer issuer, SiteConfig site, TrustedKeys keys)
    {
        string Url(string rel) => site.AbsoluteUrl(rel);
        var issuerId = VerifyCredential.IssuerId(credential);
        string?[] issuerIds = [DidWeb.Did(site.BaseUrl, issuer.Id), Url($"issuers/{issuer.Id}/"), Url(DidWeb.ProfilePath(issuer.Id)), issuer.Url, keys.PinnedId(issuer.Id)];
        if (issuerId is null || !issuerIds.Contains(issuerId))
            yield return new(DiagnosticCodes.CredentialMismatch, false, $"the credential's issuer '{issuerId}' is not '{issuer.Id}', the issuer of '{badge.Id}'",
                $"attach the credential to the badge it is for; if {issuer.Name} issues under that id, pin it in trust/{issuer.Id}.json (see docs/verify.md)");
        var subject = credential["credentialSubject"] is JsonArray { Count: > 0 } a ? a[0] as JsonObject : credential["credentialSubject"] as JsonObject;
        var achievement = subject?["achievement"] as JsonObject;
        var id = achievement is null ? null : TrustedKeys.Str(achievement, "id");
        var name = achievement is null ? null : TrustedKeys.Str(achievement, "name");
        string[] ids = [Url($"badges/{badge.Id}.json"), Url($"badges/{badge.Id}/")];
        if (!(id is not null && ids.Contains(id)) && !string.Equals(name?.Trim(), badge.Name, StringComparison.OrdinalIgnoreCase))
            yield return new(DiagnosticCodes.CredentialMismatch, false, $"the credential's achievement '{name ?? id}' is not the badge '{badge.Name}'",
                "attach the credential to the badge it is for, or list it under external:");
    }

    /// <summary>This site's own status list: the credential's bit is the portfolio's revoked: (docs/revocation.md).</summary>
    private static bool? SiteRevoked(Catalog catalog, string list, string credentialId, DateOnly asOf)
    {
        var site = catalog.Site;
        if (!list.StartsWith(site.AbsoluteUrl("issuers/"), StringComparison.Ordinal)) return null;
        var people = site.AbsoluteUrl("people/");
        if (!credentialId.StartsWith(people, StringComparison.Ordinal)) return null;
        var parts = credentialId[people.Length..].Split('/');
        if (parts is not [var person, "credentials", var file] || !file.EndsWith(".json", StringComparison.Ordinal)) return null;
        var badge = file[..^5];
        return catalog.Portfolios.FirstOrDefault(p => p.Id == person)?.Badges.FirstOrDefault(b => b.Badge == badge)?.IsRevoked(asOf) ?? false;
    }

    /// <summary>The file's bytes when it is a real file inside the portfolio folder (else ValidatePortfolios reports it).</summary>
    private static byte[]? Read(SourceFolder source, Portfolio p, string file)
    {
        if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains("..") || file.Contains(':')) return null;
        var folder = Path.GetFullPath(Path.Combine(source.Root, p.Folder));
        var full = Path.GetFullPath(Path.Combine(folder, file));
        if (!SourceFolder.IsInside(full, folder) || SourceFolder.RealPath(full) is not { } real || !File.Exists(real)) return null;
        var info = new FileInfo(real);
        return info.Length > 4 << 20 ? [] : File.ReadAllBytes(real); // (a file this large is no credential: reported as unreadable)
    }
}

/// <summary>The build's verdicts on imported credentials, by (portfolio id, field path of the earned badge or external entry).</summary>
public sealed class ImportedChecks(IReadOnlyDictionary<(string, string), CredentialCheck> results)
{
    public static readonly ImportedChecks None = new(new Dictionary<(string, string), CredentialCheck>());
    public CredentialCheck? Get(string portfolioId, string path) => results.GetValueOrDefault((portfolioId, path));
}
