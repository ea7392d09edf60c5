namespace CredentialSite.Schemas;

/// <summary>
/// What a value of the catalog format may be: a text, a number, a date, a list, a mapping with named fields, and so
/// on, with a description and examples. <see cref="FormatSpec"/> describes every file kind with shapes, and
/// <see cref="SchemaWriter"/> turns them into JSON Schemas for editors.
/// </summary>
public sealed record Shape
{
    public required string Kind { get; init; } // text, id, date, duration, url, email, enum, bool, integer, number, list, object, map
    public string? Description { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public string? Pattern { get; init; }
    public double? Minimum { get; init; }
    public double? ExclusiveMinimum { get; init; }
    public Shape? Items { get; init; }
    public IReadOnlyList<Field>? Fields { get; init; }
    /// <summary>For a map: what each value is (the keys are names the author chooses, e.g. rubric level ids).</summary>
    public Shape? MapValues { get; init; }
    public IReadOnlyList<object>? Examples { get; init; }

    public Shape Example(params object[] examples) => this with { Examples = examples };
}

/// <summary>A named field of a mapping.</summary>
public sealed record Field(string Name, Shape Shape, bool Required = false);

/// <summary>Short ways to write shapes, so the format reads like its documentation.</summary>
public static class Shapes
{
    public const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    public const string DurationPattern = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$";

    public static Shape Text(string description) => new() { Kind = "text", Description = description };
    public static Shape MarkdownText(string description) => Text(description + " (Markdown)");
    public static Shape Id(string description) => new() { Kind = "id", Description = description, Pattern = IdPattern };
    public static Shape Date(string description) => new() { Kind = "date", Description = description + " (YYYY-MM-DD)", Pattern = DatePattern, Examples = ["2026-05-01"] };
    public static Shape Duration(string description) =>
        new() { Kind = "duration", Description = description + " (ISO 8601 duration)", Pattern = DurationPattern, Examples = ["P2Y", "P90D"] };
    public static Shape Url(string description) => new() { Kind = "url", Description = description + " (absolute http(s) URL)", Pattern = "^https?://", Examples = ["https://example.org"] };
    public static Shape Email(string description) => new() { Kind = "email", Description = description };
    public static Shape OneOf(string description, IReadOnlyList<string> values) => new() { Kind = "enum", Description = description, Values = values };
    public static Shape Bool(string description) => new() { Kind = "bool", Description = description };
    public static Shape Integer(string description, double? minimum = null) => new() { Kind = "integer", Description = description, Minimum = minimum };
    public static Shape Number(string description, double? minimum = null, double? above = null) =>
        new() { Kind = "number", Description = description, Minimum = minimum, ExclusiveMinimum = above };
    public static Shape ListOf(Shape items, string description) => new() { Kind = "list", Description = description, Items = items };
    public static Shape Object(string description, params Field[] fields) => new() { Kind = "object", Description = description, Fields = fields };
    public static Shape MapOf(Shape values, string description) => new() { Kind = "map", Description = description, MapValues = values };
    public static Field F(string name, Shape shape, bool required = false) => new(name, shape, required);
}
