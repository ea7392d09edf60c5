using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Verify;

/// <summary>
/// <c>build --online</c>: for each imported credential whose key is neither in it, on this site nor in trust/, fetch the
/// did:web DID document or HTTPS key document (10 s timeout, 1 MB at most) and save it as trust/&lt;name&gt;.json, so
/// that later builds verify offline. A failed fetch is a warning (CS0510); nothing is fetched without --online.
/// </summary>
public static class FetchKeys
{
    public static void Run(Catalog catalog, SourceFolder source, TrustedKeys trust, DiagnosticBag diags, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10), MaxResponseContentBufferSize = 1 << 20 };
        foreach (var p in catalog.Portfolios)
            foreach (var (file, path) in p.Badges.Where(b => b.Credential is not null).Select(b => (b.Credential!, b.SpanPath))
                         .Concat(p.External.Select(e => (e.Credential, e.SpanPath))))
            {
                var full = Path.Combine(source.Root, p.Folder, file);
                if (file.Contains("..", StringComparison.Ordinal) || !SourceFolder.IsInside(full, Path.Combine(source.Root, p.Folder)) || !File.Exists(full)) continue;
                foreach (var id in KeyDocuments(File.ReadAllText(full)).Where(id => !trust.Has(id)).Distinct())
                {
                    if (Address(id) is not { } url) continue;
                    try
                    {
                        var text = http.GetStringAsync(url, cancel).GetAwaiter().GetResult();
                        if (JsonNode.Parse(text) is not JsonObject doc) throw new JsonException("not a JSON object");
                        trust.Add(doc);
                        var folder = Path.Combine(source.Root, TrustedKeys.Folder);
                        Directory.CreateDirectory(folder);
                        File.WriteAllText(Path.Combine(folder, FileName(id)), doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
                    {
                        diags.Warning(DiagnosticCodes.OnlineFetchFailed, p.Spans.At(path + ".credential"), $"could not fetch the keys of '{id}' from {url}: {e.Message}",
                            "check the address, or pin the issuer's DID document in trust/ by hand");
                    }
                }
            }
    }

    /// <summary>The DID or key URL (without fragment) of every proof's verificationMethod and of a JWT's kid.</summary>
    private static IEnumerable<string> KeyDocuments(string text)
    {
        text = text.Trim();
        var methods = new List<string>();
        try
        {
            if (text.StartsWith('{'))
            {
                var json = JsonNode.Parse(text) as JsonObject;
                var proofs = json?["proof"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] };
                methods.AddRange(proofs.Select(pr => TrustedKeys.Str(pr, "verificationMethod")).OfType<string>());
            }
            else if (text.Split('.') is [var header, _, _] && JsonNode.Parse(Base64Url.DecodeFromChars(header)) is JsonObject h && TrustedKeys.Str(h, "kid") is { } kid)
                methods.Add(kid);
        }
        catch (Exception e) when (e is JsonException or FormatException) { }
        return methods.Select(m => m.Split('#')[0]).Where(m => m.StartsWith("did:web:", StringComparison.Ordinal) || m.StartsWith("https://", StringComparison.Ordinal));
    }

    /// <summary>did:web:host[:path…] → https://host/path…/did.json (https://host/.well-known/did.json without a path).</summary>
    public static Uri? Address(string id)
    {
        if (id.StartsWith("https://", StringComparison.Ordinal)) return Uri.TryCreate(id, UriKind.Absolute, out var u) ? u : null;
        var parts = id["did:web:".Length..].Split(':').Select(Uri.UnescapeDataString).ToList();
        if (parts.Count == 0 || parts[0].Length == 0) return null;
        var path = parts.Count == 1 ? ".well-known" : string.Join('/', parts.Skip(1));
        return Uri.TryCreate($"https://{parts[0]}/{path}/did.json", UriKind.Absolute, out var url) ? url : null;
    }

    private static string FileName(string id)
    {
        var name = new StringBuilder();
        foreach (var c in id) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        return name.ToString().Trim('.') + ".json";
    }
}
