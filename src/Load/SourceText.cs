using System.Text;
using System.Text.Unicode;
using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

/// <summary>
/// Reads a source file (YAML, a page's Markdown) as strict UTF-8: a byte sequence that is not UTF-8 is an error at its
/// line and column (<c>CS0001</c>), never silently replaced. A UTF-8 byte order mark is skipped.
/// </summary>
public static class SourceText
{
    /// <summary>The file's text, or null when it cannot be read or is not UTF-8 (reported).</summary>
    public static string? Read(string fullPath, string relPath, DiagnosticBag diags)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error(DiagnosticCodes.MissingFile, SourceLocation.File(relPath), $"cannot read the file: {e.Message}");
            return null;
        }
        return Decode(bytes, relPath, diags);
    }

    /// <summary>The text of <paramref name="bytes"/>, or null when they are not UTF-8 (reported at the first bad byte).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string relPath, DiagnosticBag diags)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        // UTF-8 never has fewer bytes than UTF-16 code units, so the buffer is large enough: only the bad data stops it.
        Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        // The first byte that is not UTF-8: its line counted in bytes, its column in characters.
        var lineStart = bytes[..read].LastIndexOf((byte)'\n') + 1;
        var line = bytes[..lineStart].Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..read]) + 1;
        diags.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(relPath, line, column),
            $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(read, bytes.Length - 1)]:X2} here)",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')");
        return null;
    }
}
