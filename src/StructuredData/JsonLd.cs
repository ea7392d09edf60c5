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

    /// <summary>
    /// The JSON of a script element made by <see cref="ToScriptElement{T}"/>, as <see cref="FileBytes{T}"/> writes that
    /// document (indented, same escaping, newline at the end): a page's companion file without building its document again.
    /// </summary>
    public static byte[] IndentedFile(JsonLdScript script)
    {
        using var document = JsonDocument.Parse(script.Json());
        var buffer = _indented ??= new ArrayBufferWriter<byte>(32 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = true }))
            document.WriteTo(writer);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer, _indented;

    /// <summary>
    /// The document as a JSON-LD <c>script</c> element, in UTF-8: every page has a few, a badge's are 15 KB, and they
    /// go into the page (UTF-8), its key and its companion file without ever being a string.
    /// </summary>
    public static JsonLdScript ToScriptElement<T>(T document)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = false }))
            JsonSerializer.Serialize(writer, document, Compact);
        return JsonLdScript.Of(buffer.WrittenSpan);
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

/// <summary>
/// A JSON-LD <c>script</c> element as UTF-8 bytes. Templates print it as it is (see <c>HtmlTemplateContext</c>);
/// <see cref="Html"/> gives it as text for anything else.
/// </summary>
public sealed class JsonLdScript
{
    private static readonly byte[] Open = "<script type=\"application/ld+json\">"u8.ToArray();
    private static readonly byte[] Close = "</script>"u8.ToArray();

    private readonly byte[] _element;
    private string? _html;

    private JsonLdScript(byte[] element) => _element = element;

    /// <summary>The element around <paramref name="json"/> (a serialized document, escaped for a script element).</summary>
    public static JsonLdScript Of(ReadOnlySpan<byte> json)
    {
        var element = new byte[Open.Length + json.Length + Close.Length];
        Open.CopyTo(element, 0);
        json.CopyTo(element.AsSpan(Open.Length));
        Close.CopyTo(element, Open.Length + json.Length);
        return new JsonLdScript(element);
    }

    /// <summary>The whole element. (Methods, not properties: nothing to serialize or to show to templates.)</summary>
    internal ReadOnlySpan<byte> Utf8() => _element;

    /// <summary>The JSON inside the element.</summary>
    internal ReadOnlyMemory<byte> Json() => _element.AsMemory(Open.Length, _element.Length - Open.Length - Close.Length);

    /// <summary>The element as text.</summary>
    public string Html => _html ??= Encoding.UTF8.GetString(_element);

    public override string ToString() => Html;
}
