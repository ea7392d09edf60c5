using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CredentialSite.StructuredData;

/// <summary>Serialization rules for every JSON document the site emits.</summary>
public static class JsonLd
{
    // Escapes <, >, &, ' and " as \uXXXX, so a serialized document can never close its <script> element.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static readonly JsonSerializerOptions Compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
        WriteIndented = false,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    public static string ToScript<T>(T document) => JsonSerializer.Serialize(document, Compact);

    /// <summary>
    /// The JSON of a script element made by <see cref="ToScriptElement{T}"/>, as <see cref="FileBytes{T}"/> writes that
    /// document (indented, same escaping, newline at the end): a page's companion file without building its document again.
    /// </summary>
    public static byte[] IndentedFile(string scriptElement)
    {
        var json = scriptElement.AsMemory(ScriptOpen.Length, scriptElement.Length - ScriptOpen.Length - ScriptClose.Length);
        using var document = JsonDocument.Parse(json);
        var buffer = _indented ??= new ArrayBufferWriter<byte>(32 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = true }))
            document.WriteTo(writer);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer, _indented;

    private const string ScriptOpen = "<script type=\"application/ld+json\">";
    private const string ScriptClose = "</script>";

    /// <summary>
    /// The document as a JSON-LD <c>script</c> element, made as one string: every page has a few, a badge's are
    /// 15 KB, and building the JSON and then the element copied each twice.
    /// </summary>
    public static string ToScriptElement<T>(T document)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = false }))
            JsonSerializer.Serialize(writer, document, Compact);
        var length = ScriptOpen.Length + Encoding.UTF8.GetCharCount(buffer.WrittenSpan) + ScriptClose.Length;
        return string.Create(length, buffer, static (span, json) =>
        {
            ScriptOpen.CopyTo(span);
            Encoding.UTF8.GetChars(json.WrittenSpan, span[ScriptOpen.Length..]);
            ScriptClose.CopyTo(span[^ScriptClose.Length..]);
        });
    }

    /// <summary>A JSON file: the document indented, with a newline at the end, as UTF-8 (never held as a string).</summary>
    public static byte[] FileBytes<T>(T document)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(document, Indented);
        var file = new byte[json.Length + 1];
        json.CopyTo(file, 0);
        file[^1] = (byte)'\n';
        return file;
    }

    /// <summary>A data file read by the site's scripts: the document compact, as UTF-8.</summary>
    public static byte[] CompactBytes<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, Compact);

    /// <summary>OB JSON binding: omit empty arrays rather than writing [].</summary>
    public static IReadOnlyList<T>? NonEmpty<T>(IEnumerable<T>? items)
    {
        var list = items?.ToList();
        return list is { Count: > 0 } ? list : null;
    }

    public static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
