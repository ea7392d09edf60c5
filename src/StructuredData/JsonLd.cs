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

    public static string ToFile<T>(T document) => JsonSerializer.Serialize(document, Indented) + "\n";

    /// <summary>OB JSON binding: omit empty arrays rather than writing [].</summary>
    public static IReadOnlyList<T>? NonEmpty<T>(IEnumerable<T>? items)
    {
        var list = items?.ToList();
        return list is { Count: > 0 } ? list : null;
    }

    public static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
