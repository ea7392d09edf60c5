// Minimal JSON Schema (draft 2019-09 subset) validator for the 1EdTech Open Badges 3.0 schemas
// (achievementcredential.json, profile.json, endorsementcredential.json). System.Text.Json only.
//
// Supported keywords (the complete set those files use, plus anyOf/const/boolean schemas):
//   $ref (same-document JSON pointers only, evaluated alongside sibling keywords as in 2019-09),
//   type (string or array; "integer" = number without fraction), properties, required,
//   additionalProperties (bool or schema), items (schema or tuple array), additionalItems,
//   minItems, allOf, anyOf, oneOf, contains, enum, const, pattern (unanchored, like ECMA-262),
//   format ("date-time" / "date" asserted when assertFormat is true; others are annotations).
// Annotation keywords ignored: $schema, $id, $comment, $defs, title, description.
// Any other keyword, or a $ref that does not resolve, makes the constructor throw
// NotSupportedException / InvalidOperationException, so a schema update can never be half-checked silently.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CredentialSite.Tests.Support;

public sealed class Ob3SchemaValidator
{
    private static readonly HashSet<string> AnnotationKeywords =
        ["$schema", "$id", "$comment", "$defs", "title", "description"];

    private static readonly HashSet<string> AssertionKeywords =
    [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "additionalItems",
        "minItems", "allOf", "anyOf", "oneOf", "contains", "enum", "const", "pattern", "format",
    ];

    private static readonly Regex DateTimeRegex = new(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private static readonly Regex DateRegex = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

    private static readonly JsonSerializerOptions CompactJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonElement _root;
    private readonly bool _assertFormat;
    private readonly ConcurrentDictionary<string, Regex> _regexCache = new();

    public Ob3SchemaValidator(string schemaJson, bool assertFormat = true)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        _root = doc.RootElement.Clone();
        _assertFormat = assertFormat;
        CheckSchema(_root, "#");
    }

    public static Ob3SchemaValidator FromFile(string path, bool assertFormat = true) =>
        new(File.ReadAllText(path), assertFormat);

    /// <summary>Validates a JSON text against the whole schema ("#") or a sub-schema such as "#/$defs/Achievement".</summary>
    public IReadOnlyList<string> Validate(string instanceJson, string schemaPointer = "#")
    {
        using var doc = JsonDocument.Parse(instanceJson);
        return Validate(doc.RootElement, schemaPointer);
    }

    /// <summary>Returns one "instancePointer: message [schemaPointer]" string per violation; empty = valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, string schemaPointer = "#")
    {
        var errors = new List<string>();
        Check(instance, Resolve(schemaPointer), "", schemaPointer, errors);
        return errors;
    }

    public bool IsValid(string instanceJson, string schemaPointer = "#") => Validate(instanceJson, schemaPointer).Count == 0;

    // ---------------------------------------------------------------- validation

    private void Check(JsonElement inst, JsonElement schema, string ip, string sp, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True) return;
        if (schema.ValueKind == JsonValueKind.False) { Add(errors, ip, "no value is allowed here", sp); return; }

        foreach (var kw in schema.EnumerateObject())
        {
            var v = kw.Value;
            var ksp = sp + "/" + Escape(kw.Name);
            switch (kw.Name)
            {
                case "$ref":
                    Check(inst, Resolve(v.GetString()!), ip, v.GetString()!, errors);
                    break;

                case "type":
                    var types = v.ValueKind == JsonValueKind.Array
                        ? v.EnumerateArray().Select(t => t.GetString()!).ToList()
                        : [v.GetString()!];
                    if (!types.Any(t => HasType(inst, t)))
                        Add(errors, ip, $"expected type {string.Join(" or ", types)} but found {Describe(inst)}", ksp);
                    break;

                case "enum":
                    if (!v.EnumerateArray().Any(e => JsonElement.DeepEquals(e, inst)))
                        Add(errors, ip, $"value {Short(inst)} is not one of {Short(v)}", ksp);
                    break;

                case "const":
                    if (!JsonElement.DeepEquals(v, inst)) Add(errors, ip, $"value {Short(inst)} must equal {Short(v)}", ksp);
                    break;

                case "pattern":
                    if (inst.ValueKind == JsonValueKind.String && !GetRegex(v.GetString()!).IsMatch(inst.GetString()!))
                        Add(errors, ip, $"string {Short(inst)} does not match pattern {v.GetString()}", ksp);
                    break;

                case "format":
                    if (_assertFormat && inst.ValueKind == JsonValueKind.String && !FormatOk(v.GetString()!, inst.GetString()!))
                        Add(errors, ip, $"string {Short(inst)} is not a valid {v.GetString()}", ksp);
                    break;

                case "required":
                    if (inst.ValueKind != JsonValueKind.Object) break;
                    foreach (var name in v.EnumerateArray().Select(n => n.GetString()!))
                        if (!inst.TryGetProperty(name, out _))
                            Add(errors, ip, $"required property '{name}' is missing", ksp);
                    break;

                case "properties":
                    if (inst.ValueKind != JsonValueKind.Object) break;
                    foreach (var p in inst.EnumerateObject())
                        if (v.TryGetProperty(p.Name, out var ps))
                            Check(p.Value, ps, ip + "/" + Escape(p.Name), ksp + "/" + Escape(p.Name), errors);
                    break;

                case "additionalProperties":
                    if (inst.ValueKind != JsonValueKind.Object) break;
                    var declared = schema.TryGetProperty("properties", out var props) ? props : default;
                    foreach (var p in inst.EnumerateObject())
                    {
                        if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(p.Name, out _)) continue;
                        if (v.ValueKind == JsonValueKind.False)
                            Add(errors, ip, $"additional property '{p.Name}' is not allowed", ksp);
                        else
                            Check(p.Value, v, ip + "/" + Escape(p.Name), ksp, errors);
                    }
                    break;

                case "items":
                    if (inst.ValueKind != JsonValueKind.Array) break;
                    var i = 0;
                    foreach (var item in inst.EnumerateArray())
                    {
                        if (v.ValueKind == JsonValueKind.Array)
                        {
                            if (i < v.GetArrayLength()) Check(item, v[i], ip + "/" + i, ksp + "/" + i, errors);
                            else if (schema.TryGetProperty("additionalItems", out var ai))
                            {
                                if (ai.ValueKind == JsonValueKind.False) Add(errors, ip + "/" + i, "additional array item is not allowed", sp + "/additionalItems");
                                else Check(item, ai, ip + "/" + i, sp + "/additionalItems", errors);
                            }
                        }
                        else Check(item, v, ip + "/" + i, ksp, errors);
                        i++;
                    }
                    break;

                case "additionalItems":
                    break; // handled by "items" (it has no effect when "items" is absent or a single schema)

                case "minItems":
                    if (inst.ValueKind == JsonValueKind.Array && inst.GetArrayLength() < v.GetInt32())
                        Add(errors, ip, $"array has {inst.GetArrayLength()} items, at least {v.GetInt32()} required", ksp);
                    break;

                case "contains":
                    if (inst.ValueKind == JsonValueKind.Array && !inst.EnumerateArray().Any(e => Passes(e, v, ip, ksp)))
                        Add(errors, ip, $"array contains no item matching {Short(v)}", ksp);
                    break;

                case "allOf":
                    var k = 0;
                    foreach (var sub in v.EnumerateArray()) Check(inst, sub, ip, ksp + "/" + k++, errors);
                    break;

                case "anyOf":
                case "oneOf":
                    var branchErrors = v.EnumerateArray().Select((sub, n) => Collect(inst, sub, ip, ksp + "/" + n)).ToList();
                    var matches = branchErrors.Count(b => b.Count == 0);
                    if (matches == 0)
                        Add(errors, ip, $"value matches none of the {kw.Name} alternatives ("
                            + string.Join(" | ", branchErrors.Select(b => string.Join("; ", b))) + ")", ksp);
                    else if (kw.Name == "oneOf" && matches > 1)
                        Add(errors, ip, $"value matches {matches} oneOf alternatives, exactly one required", ksp);
                    break;

                default:
                    break; // annotations; unknown keywords were rejected by CheckSchema
            }
        }
    }

    private List<string> Collect(JsonElement inst, JsonElement schema, string ip, string sp)
    {
        var list = new List<string>();
        Check(inst, schema, ip, sp, list);
        return list;
    }

    private bool Passes(JsonElement inst, JsonElement schema, string ip, string sp) => Collect(inst, schema, ip, sp).Count == 0;

    private static bool HasType(JsonElement e, string type) => type switch
    {
        "object" => e.ValueKind == JsonValueKind.Object,
        "array" => e.ValueKind == JsonValueKind.Array,
        "string" => e.ValueKind == JsonValueKind.String,
        "number" => e.ValueKind == JsonValueKind.Number,
        "integer" => e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) && d == decimal.Truncate(d),
        "boolean" => e.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => e.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"Unknown JSON Schema type '{type}'"),
    };

    private static bool FormatOk(string format, string s) => format switch
    {
        "date-time" => DateTimeRegex.IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateRegex.IsMatch(s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true, // other formats are annotations only
    };

    private Regex GetRegex(string pattern) =>
        _regexCache.GetOrAdd(pattern, p => new Regex(p, RegexOptions.ECMAScript));

    // ---------------------------------------------------------------- schema loading / $ref

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
            throw new NotSupportedException($"Only same-document $ref values are supported, got '{reference}'");
        var cur = _root;
        var pointer = Uri.UnescapeDataString(reference[1..]);
        if (pointer.Length == 0) return cur;
        if (pointer[0] != '/') throw new NotSupportedException($"Anchor references are not supported: '{reference}'");
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            if (cur.ValueKind == JsonValueKind.Object && cur.TryGetProperty(token, out var next)) cur = next;
            else if (cur.ValueKind == JsonValueKind.Array && int.TryParse(token, out var idx) && idx < cur.GetArrayLength()) cur = cur[idx];
            else throw new InvalidOperationException($"$ref '{reference}' does not resolve");
        }
        return cur;
    }

    /// <summary>Walks the schema once: every keyword must be known and every $ref must resolve.</summary>
    private void CheckSchema(JsonElement schema, string sp)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False) return;
        if (schema.ValueKind != JsonValueKind.Object) throw new NotSupportedException($"{sp}: schema must be an object or boolean");
        foreach (var kw in schema.EnumerateObject())
        {
            var ksp = sp + "/" + Escape(kw.Name);
            if (!AssertionKeywords.Contains(kw.Name) && !AnnotationKeywords.Contains(kw.Name))
                throw new NotSupportedException($"{ksp}: keyword '{kw.Name}' is not supported by Ob3SchemaValidator");
            switch (kw.Name)
            {
                case "$ref": Resolve(kw.Value.GetString()!); break;
                case "$defs" or "properties":
                    foreach (var p in kw.Value.EnumerateObject()) CheckSchema(p.Value, ksp + "/" + Escape(p.Name));
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var n = 0;
                    foreach (var s in kw.Value.EnumerateArray()) CheckSchema(s, ksp + "/" + n++);
                    break;
                case "items" when kw.Value.ValueKind == JsonValueKind.Array:
                    var m = 0;
                    foreach (var s in kw.Value.EnumerateArray()) CheckSchema(s, ksp + "/" + m++);
                    break;
                case "items" or "additionalItems" or "additionalProperties" or "contains":
                    CheckSchema(kw.Value, ksp);
                    break;
                case "type":
                    foreach (var t in kw.Value.ValueKind == JsonValueKind.Array ? kw.Value.EnumerateArray().ToList() : [kw.Value])
                        HasType(default, t.GetString()!); // throws on unknown type names
                    break;
                case "pattern": GetRegex(kw.Value.GetString()!); break;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void Add(List<string> errors, string ip, string message, string sp) =>
        errors.Add($"{(ip.Length == 0 ? "(root)" : ip)}: {message} [{sp}]");

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Short(JsonElement e)
    {
        var text = JsonSerializer.Serialize(e, CompactJson);
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
