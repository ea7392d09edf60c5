using System.Text;
using System.Text.Json;

namespace CredentialSite.Schemas;

/// <summary>
/// Writes <see cref="FormatSpec"/> as JSON Schemas (draft-07, which editors' YAML support reads): one file per file
/// kind, <c>&lt;kind&gt;.schema.json</c>, with descriptions, enums, patterns and examples. Unknown fields are allowed,
/// as the loader allows them with a warning, but editors still complete the known ones.
/// </summary>
public static class SchemaWriter
{
    public const string Dialect = "http://json-schema.org/draft-07/schema#";

    /// <summary>Every schema file: its name and its text, in a stable order.</summary>
    public static IEnumerable<(string File, string Json)> All() =>
        FormatSpec.Kinds.Select(k => ($"{k.Kind}.schema.json", Write(k.Title, k.Files, k.Shape)));

    public static string Write(string title, string files, Shape shape)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Dialect);
            w.WriteString("title", title);
            w.WriteString("$comment", $"For {files}. Written by credentialsite schema; regenerate it rather than editing it.");
            WriteBody(w, shape);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteShape(Utf8JsonWriter w, Shape shape)
    {
        w.WriteStartObject();
        WriteBody(w, shape);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, Shape s)
    {
        if (s.Description is { } d) w.WriteString("description", d);
        switch (s.Kind)
        {
            case "object":
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                foreach (var f in s.Fields!)
                {
                    w.WritePropertyName(f.Name);
                    WriteShape(w, f.Shape);
                }
                w.WriteEndObject();
                if (s.Fields!.Where(f => f.Required).Select(f => f.Name).ToList() is { Count: > 0 } required)
                {
                    w.WriteStartArray("required");
                    foreach (var r in required) w.WriteStringValue(r);
                    w.WriteEndArray();
                }
                break;
            case "map":
                w.WriteString("type", "object");
                w.WritePropertyName("additionalProperties");
                WriteShape(w, s.MapValues!);
                break;
            case "list":
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                WriteShape(w, s.Items!);
                break;
            case "enum":
                w.WriteString("type", "string");
                w.WriteStartArray("enum");
                foreach (var v in s.Values!) w.WriteStringValue(v);
                w.WriteEndArray();
                break;
            case "bool":
                w.WriteString("type", "boolean");
                break;
            case "integer" or "number":
                w.WriteString("type", s.Kind);
                if (s.Minimum is { } min) w.WriteNumber("minimum", min);
                if (s.ExclusiveMinimum is { } above) w.WriteNumber("exclusiveMinimum", above);
                break;
            case "any":
                break;
            case "text":
                // A YAML scalar the loader reads as text: `version: 2` or `name: true` are texts too.
                w.WriteStartArray("type");
                foreach (var t in new[] { "string", "number", "boolean" }) w.WriteStringValue(t);
                w.WriteEndArray();
                break;
            case "email":
                w.WriteString("type", "string");
                w.WriteString("format", "email");
                break;
            default: // id, date, duration, url: texts of a form
                w.WriteString("type", "string");
                if (s.Pattern is { } p) w.WriteString("pattern", p);
                break;
        }
        if (s.Examples is { Count: > 0 } examples)
        {
            w.WritePropertyName("examples");
            JsonSerializer.Serialize(w, examples.ToArray());
        }
    }
}
