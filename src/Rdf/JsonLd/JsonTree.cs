using System.Text.Json;

namespace CredentialSite.Rdf.JsonLd;

/// <summary>
/// JSON as the JSON-LD algorithms handle it: a map is Dictionary&lt;string, object?&gt; (insertion order kept),
/// an array List&lt;object?&gt;, numbers double, plus string, bool and null.
/// </summary>
public static class JsonTree
{
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, property) => { map[property.Name] = FromElement(property.Value); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static bool IsMap(object? value) => value is Dictionary<string, object?>;
    public static bool IsScalar(object? value) => value is string or double or bool;

    public static List<object?> AsList(object? value) => value switch
    {
        List<object?> list => list,
        null => [],
        _ => [value],
    };

    public static bool IsValueObject(object? value) => value is Dictionary<string, object?> map && map.ContainsKey("@value");
    public static bool IsListObject(object? value) => value is Dictionary<string, object?> map && map.ContainsKey("@list");

    public static bool IsGraphObject(object? value) =>
        value is Dictionary<string, object?> map && map.ContainsKey("@graph") &&
        map.Keys.All(k => k is "@graph" or "@id" or "@index" or "@context");

    /// <summary>Adds value (or each value of an array) to map[key], as an array.</summary>
    public static void Append(Dictionary<string, object?> map, string key, object? value, bool unique = false)
    {
        if (map.GetValueOrDefault(key) is not List<object?> list)
        {
            list = map.TryGetValue(key, out var existing) ? [existing] : [];
            map[key] = list;
        }
        foreach (var item in value is List<object?> items ? items : [value])
            if (!unique || !list.Any(e => DeepEquals(e, item))) list.Add(item);
    }

    public static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && DeepEquals(p.Value, v)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second)),
        _ => Equals(a, b),
    };

    public static IEnumerable<string> SortedKeys(Dictionary<string, object?> map) => map.Keys.Order(StringComparer.Ordinal);
}
