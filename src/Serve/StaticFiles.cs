using System.Net;

namespace CredentialSite.Serve;

/// <summary>How <c>serve</c> maps URL paths under the site's base path to files in the output folder, and sends them.</summary>
internal static class StaticFiles
{
    /// <summary>The output path of the HTML page at a URL path (<c>/base/badges/x/</c> is <c>badges/x/index.html</c>), or null.</summary>
    public static string? OutputPath(string basePath, string? urlPath)
    {
        if (urlPath is null || !urlPath.StartsWith(basePath, StringComparison.Ordinal)) return null;
        var rel = urlPath[basePath.Length..];
        if (rel.Length == 0 || rel.EndsWith('/')) return rel + "index.html";
        return rel.EndsWith(".html", StringComparison.Ordinal) ? rel : null;
    }

    public static string? Resolve(string output, string basePath, string path)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal)) return null;
        var full = Path.GetFullPath(Path.Combine(output, path[basePath.Length..]));
        if (!full.StartsWith(output, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
        return File.Exists(full) ? full : null;
    }

    public static void Send(HttpListenerResponse response, int status, string type, byte[] bytes)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".xml" => "application/xml",
        ".txt" or ".md" => "text/plain; charset=utf-8",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
