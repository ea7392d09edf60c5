using System.Text;

namespace CredentialSite.Privacy;

/// <summary>
/// The files a portfolio may publish (photos and evidence; portfolios are untrusted): an allow-list of types, each
/// checked by its bytes, so a file cannot become a page of the site's origin (HTML, or SVG with a script) by its name
/// or by its content. SVG files are published only as <see cref="SafeSvg"/> writes them again.
/// </summary>
public static class UntrustedFiles
{
    public static readonly IReadOnlyList<string> PhotoTypes = ["png", "jpg", "jpeg", "gif", "webp", "svg"];

    public static readonly IReadOnlyList<string> EvidenceTypes = ["pdf", "png", "jpg", "jpeg", "gif", "webp", "svg", "txt", "csv", "md"];

    /// <summary>Why a file may not be published (a message and a hint), or null when it may.</summary>
    public static (string Message, string Hint)? Refusal(string fullPath, string shownAs, IReadOnlyList<string> allowed)
    {
        var type = Path.GetExtension(fullPath).TrimStart('.').ToLowerInvariant();
        var alternatives = $"allowed here: {string.Join(", ", allowed)}; anything else can be linked with url:";
        if (type is "html" or "htm" or "xhtml" or "shtml" or "xht" or "mht" or "mhtml")
            return ($"'{shownAs}' is an HTML file, which the site would publish as a page of its own",
                "save it as PDF (or Markdown), or publish it elsewhere and link it with url:");
        if (!allowed.Contains(type))
            return ($"'{shownAs}' is not a file type portfolios may publish", alternatives);
        if (type == "svg")
            return SafeSvg.Sanitize(File.ReadAllBytes(fullPath)) is null
                ? ($"'{shownAs}' is not a well-formed SVG image", "export it again as plain SVG, or as PNG") : null;
        var head = Head(fullPath);
        var (ok, what) = type switch
        {
            "pdf" => (Starts(head, "%PDF-"u8), "a PDF document"),
            "png" => (Starts(head, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG image"),
            "jpg" or "jpeg" => (Starts(head, [0xFF, 0xD8, 0xFF]), "a JPEG image"),
            "gif" => (Starts(head, "GIF87a"u8) || Starts(head, "GIF89a"u8), "a GIF image"),
            "webp" => (Starts(head, "RIFF"u8) && head.Length >= 12 && head.AsSpan(8, 4).SequenceEqual("WEBP"u8), "a WebP image"),
            _ => (IsPlainText(head), "plain text"),
        };
        return ok ? null : ($"'{shownAs}' is not {what}, as its name says", "save the file in the format its name says, or rename it to what it is");
    }

    private static byte[] Head(string fullPath)
    {
        using var stream = File.OpenRead(fullPath);
        var buffer = new byte[8192];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static bool Starts(byte[] head, ReadOnlySpan<byte> signature) => head.AsSpan().StartsWith(signature);

    /// <summary>Text with no NUL byte that does not start like markup (a browser could take "&lt;html" or "&lt;svg" for a page).</summary>
    private static bool IsPlainText(byte[] head)
    {
        if (head.AsSpan().Contains((byte)0)) return false;
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        return !(text.Length > 1 && text[0] == '<' && (char.IsAsciiLetter(text[1]) || text[1] is '!' or '?' or '/'));
    }
}
