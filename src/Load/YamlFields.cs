using System.Globalization;
using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>
/// Typed, located reads of one YAML mapping. Every read records its location in the entity's
/// <see cref="LocationMap"/>; a wrong type, a missing required field or a bad enum, date or
/// duration becomes a diagnostic and the read returns null, so loading continues past bad input.
/// Call <see cref="Finish"/> to report the keys nobody asked for as unknown fields.
/// </summary>
public sealed partial class YamlFields
{
    private readonly YamlTreeMapping _node;
    private readonly DiagnosticBag _diags;
    private readonly string _prefix;
    private readonly Dictionary<string, (YamlTreeNode Key, YamlTreeNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly SharedStrings? _strings;

    /// <param name="strings">Texts read are shared with equal texts read from other files of the same load, if given.</param>
    public YamlFields(YamlTreeMapping node, LocationMap spans, DiagnosticBag diags, string prefix = "", SharedStrings? strings = null)
    {
        _node = node;
        _strings = strings;
        Spans = spans;
        _diags = diags;
        _prefix = prefix;
        // Keys are texts and appear once per mapping: YamlTree reports anything else as a syntax error.
        foreach (var (k, v) in node.Children) _entries.Add(k.Value, (k, v));
    }

    public LocationMap Spans { get; }

    private string? Shared(string? text) => _strings is null ? text : _strings.Share(text);

    /// <summary>This mapping's field path, e.g. <c>roles[2]</c> for an item of <c>roles</c> ("" for the file itself).</summary>
    public string Path => _prefix.TrimEnd('.');

    public string FilePath => Spans.Path;

    public SourceLocation Location => At(_node);

    public SourceLocation At(YamlTreeNode node) => At(Spans.Path, node);

    public static SourceLocation At(string path, YamlTreeNode node) =>
        new(path, Math.Max(1, node.Line), Math.Max(1, node.Column));

    /// <summary>Location of a key's value if present, else of this mapping.</summary>
    public SourceLocation LocationOf(string key) =>
        _entries.TryGetValue(key, out var e) ? At(e.Value) : Location;

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Whether the key's value is a list with no item (<c>[]</c>).</summary>
    public bool IsEmptyList(string key) => _entries.TryGetValue(key, out var e) && e.Value is YamlTreeSequence { Children.Count: 0 };

    /// <summary>
    /// Accepts a key without reading its value (for <c>private:</c>, which must never leave the loader):
    /// it is not reported as unknown, and nothing of it is kept.
    /// </summary>
    public void Skip(string key) => _read.Add(key);

    private string PathOf(string key) => _prefix + key;

    /// <summary>
    /// Told of every field a read asks for (file path, field path such as <c>roles[0].promotion.from</c>), in this
    /// asynchronous flow: the test that keeps the JSON Schemas (<c>Schemas/FormatSpec</c>) as complete as the loader listens.
    /// </summary>
    internal static readonly AsyncLocal<Action<string, string>?> Asked = new();

    private YamlTreeNode? Get(string key, bool required, string what)
    {
        Asked.Value?.Invoke(Spans.Path, PathOf(key));
        _read.Add(key);
        if (!_entries.TryGetValue(key, out var entry) || IsNull(entry.Value))
        {
            if (required)
                _diags.Error(DiagnosticCodes.MissingField, Location, $"missing required field '{key}'", $"add '{key}: <{what}>'");
            return null;
        }
        Spans.Set(PathOf(key), At(entry.Value));
        return entry.Value;
    }

    private static bool IsNull(YamlTreeNode node) =>
        node is YamlTreeScalar { Plain: true } s && s.Value is "" or "~" or "null";

    private void WrongType(YamlTreeNode node, string key, string expected, string? hint = null) =>
        _diags.Error(DiagnosticCodes.WrongType, At(node), $"'{key}' must be {expected}, found {Describe(node)}", hint);

    private static string Describe(YamlTreeNode node) => node switch
    {
        YamlTreeMapping => "a mapping",
        YamlTreeSequence => "a list",
        YamlTreeScalar s => $"'{s.Value}'",
        _ => "something else",
    };

    public string? Text(string key, bool required = false)
    {
        var node = Get(key, required, "text");
        if (node is null) return null;
        if (node is YamlTreeScalar s) return Shared(s.Value);
        WrongType(node, key, "a text");
        return null;
    }

    /// <summary>A Markdown text; one nested too deeply to render is an error here (<c>CS0018</c>) and read as absent.</summary>
    public string? Markdown(string key, bool required = false)
    {
        var text = Text(key, required);
        if (!CredentialSite.Markdown.MarkdownRenderer.Instance.IsTooDeep(text)) return text;
        _diags.Error(DiagnosticCodes.MarkdownTooDeep, LocationOf(key), $"the Markdown of '{key}' is nested too deeply to render",
            MarkdownTooDeepHint);
        return null;
    }

    public const string MarkdownTooDeepHint =
        "quotes ('>'), lists, links and emphasis may nest at most 128 levels: flatten the text";

    /// <summary>
    /// A link the site shows or embeds: an absolute http(s) URL, nothing else (a <c>javascript:</c> or <c>data:</c> URL
    /// would run in the reader's browser). Every URL field is read here; anything else is CS0014 and reads as null.
    /// </summary>
    public string? Url(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null || IsWebUrl(text)) return text;
        _diags.Error(DiagnosticCodes.InvalidUrl, LocationOf(key), $"'{key}' must be an absolute http(s) URL, found '{text}'",
            "write the whole address, e.g. https://example.org/page (other schemes such as javascript: or data:, and relative addresses, are not links the site makes)");
        return null;
    }

    public static bool IsWebUrl(string text) =>
        !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(text, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Host.Length > 0;

    /// <summary>An email address (the site links it as <c>mailto:</c>): one '@', no spaces, nothing that would change the link.</summary>
    public string? Email(string key)
    {
        var text = Text(key);
        if (text is null || EmailAddress().IsMatch(text)) return text;
        _diags.Error(DiagnosticCodes.InvalidUrl, LocationOf(key), $"'{key}' must be an email address, found '{text}'",
            "write the address only, e.g. credentials@example.org (the site makes the mailto: link)");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\s@<>""'\\?&#/:;,()\[\]]+@[^\s@<>""'\\?&#/:;,()\[\]]+\.[^\s@<>""'\\?&#/:;,()\[\].]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailAddress();

    public bool? Bool(string key)
    {
        var node = Get(key, false, "true|false");
        if (node is null) return null;
        if (node is YamlTreeScalar { Plain: true } s)
        {
            if (s.Value is "true" or "True" or "TRUE") return true;
            if (s.Value is "false" or "False" or "FALSE") return false;
        }
        WrongType(node, key, "true or false");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (outside them: <c>CS0015</c>).</summary>
    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Get(key, required, "number");
        if (node is null) return null;
        if (node is YamlTreeScalar s && long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            if (v >= min && v <= max) return (int)v;
            OutOfRange(node, key, v.ToString(CultureInfo.InvariantCulture), min, max);
            return null;
        }
        if (node is YamlTreeScalar big && System.Numerics.BigInteger.TryParse(big.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            OutOfRange(node, key, big.Value, min, max);
            return null;
        }
        WrongType(node, key, "a whole number");
        return null;
    }

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/> (outside them, or infinite: <c>CS0015</c>);
    /// with <paramref name="aboveMin"/>, <paramref name="min"/> itself is out of range too.</summary>
    public double? Number(string key, bool required = false, double min = -MaxMagnitude, double max = MaxMagnitude, bool aboveMin = false)
    {
        var node = Get(key, required, "number");
        if (node is null) return null;
        if (node is YamlTreeScalar s && ParseNumber(s.Value) is { } v)
        {
            if ((aboveMin ? v > min : v >= min) && v <= max) return v;
            OutOfRange(node, key, s.Value, min, max, aboveMin);
            return null;
        }
        WrongType(node, key, "a number");
        return null;
    }

    /// <summary>Numbers are at most this large (either sign), so that sums and differences of them stay finite.</summary>
    public const double MaxMagnitude = 1e15;

    // NaN and the infinities (also "1e400", which parses to infinity) are read, so that the range check reports them.
    private static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private void OutOfRange(YamlTreeNode node, string key, string found, double min, double max, bool aboveMin = false)
    {
        static string N(double v) => Math.Abs(v) == MaxMagnitude ? (v < 0 ? "-10^15" : "10^15") : v.ToString(CultureInfo.InvariantCulture);
        var from = aboveMin ? $"more than {N(min)}" : $"at least {N(min)}";
        var range = (min <= int.MinValue || min <= -MaxMagnitude, max >= int.MaxValue || max >= MaxMagnitude) switch
        {
            (false, true) => from,
            (true, false) => $"at most {N(max)}",
            _ when aboveMin => $"{from} and at most {N(max)}",
            _ => $"from {N(min)} to {N(max)}",
        };
        _diags.Error(DiagnosticCodes.InvalidValue, At(node), $"'{key}' must be {range}, found {found}");
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Get(key, required, "YYYY-MM-DD");
        if (node is null) return null;
        if (node is YamlTreeScalar s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        _diags.Error(DiagnosticCodes.InvalidDate, At(node), $"'{key}' must be an ISO 8601 date, found {Describe(node)}", "write dates as YYYY-MM-DD, e.g. 2026-05-01");
        return null;
    }

    public IsoDuration? Duration(string key, bool required = false)
    {
        var node = Get(key, required, "ISO 8601 duration");
        if (node is null) return null;
        var d = node is YamlTreeScalar s ? IsoDuration.TryParse(s.Value) : null;
        if (d is { IsTooLong: false }) return d;
        _diags.Error(DiagnosticCodes.InvalidDuration, At(node), d is null
                ? $"'{key}' must be an ISO 8601 duration, found {Describe(node)}"
                : $"'{key}' must be at most {IsoDuration.MaxYears} years long, found {Describe(node)}",
            "e.g. P2Y (2 years), P18M (18 months), P90D (90 days), PT3H (3 hours)");
        return null;
    }

    /// <summary>A text that must be one of <paramref name="allowed"/>.</summary>
    public string? Enum(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var node = Get(key, required, string.Join("|", allowed));
        if (node is null) return null;
        if (node is not YamlTreeScalar s)
        {
            WrongType(node, key, "one of " + string.Join(", ", allowed));
            return null;
        }
        return CheckEnum(s, key, allowed);
    }

    private string? CheckEnum(YamlTreeScalar s, string key, IReadOnlyCollection<string> allowed)
    {
        var value = s.Value;
        foreach (var known in allowed)
            if (string.Equals(known, value, StringComparison.Ordinal)) return known; // the vocabulary's own string
        var closest = Suggest.Closest(value, allowed);
        _diags.Error(DiagnosticCodes.InvalidEnum, At(s), $"'{value}' is not a valid {key}",
            (closest is null ? "" : $"did you mean '{closest}'? ") + "allowed: " + string.Join(", ", allowed));
        return null;
    }

    public IReadOnlyList<string> TextList(string key, bool required = false) =>
        ScalarList(key, required, (s, _) => Shared(s.Value));

    /// <summary>A list whose items must each be one of <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string> EnumList(string key, IReadOnlyCollection<string> allowed) =>
        ScalarList(key, false, (s, _) => CheckEnum(s, key, allowed));

    private IReadOnlyList<string> ScalarList(string key, bool required, Func<YamlTreeScalar, int, string?> read)
    {
        var node = Get(key, required, "list");
        if (node is null) return [];
        if (node is not YamlTreeSequence seq)
        {
            WrongType(node, key, "a list", node is YamlTreeScalar s ? $"write {key}: [{s.Value}]" : null);
            return [];
        }
        var result = new List<string>(seq.Children.Count);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            Spans.Set($"{PathOf(key)}[{i}]", At(item));
            if (item is YamlTreeScalar s)
            {
                if (read(s, i) is { } v) result.Add(v);
            }
            else WrongType(item, $"{key}[{i}]", "a text");
        }
        return result;
    }

    /// <summary>A nested mapping, or null when absent (or of the wrong type, reported).</summary>
    public YamlFields? Map(string key, bool required = false)
    {
        var node = Get(key, required, "mapping");
        if (node is null) return null;
        if (node is YamlTreeMapping m) return new YamlFields(m, Spans, _diags, PathOf(key) + ".", _strings);
        WrongType(node, key, "a mapping");
        return null;
    }

    /// <summary>A list of mappings, each read by <paramref name="read"/>; unreadable items are skipped.</summary>
    public IReadOnlyList<T> List<T>(string key, Func<YamlFields, T?> read, bool required = false) where T : class
    {
        var node = Get(key, required, "list");
        if (node is null) return [];
        if (node is not YamlTreeSequence seq)
        {
            WrongType(node, key, "a list");
            return [];
        }
        var result = new List<T>(seq.Children.Count);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            var path = $"{PathOf(key)}[{i}]";
            Spans.Set(path, At(item));
            if (item is not YamlTreeMapping m)
            {
                WrongType(item, $"{key}[{i}]", "a mapping");
                continue;
            }
            var fields = new YamlFields(m, Spans, _diags, path + ".", _strings);
            if (read(fields) is { } value) result.Add(value);
            fields.Finish();
        }
        return result;
    }

    /// <summary>A mapping of names to texts, in file order (e.g. rubric descriptors per level).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TextMap(string key, bool required = false)
    {
        var node = Get(key, required, "mapping");
        if (node is null) return [];
        if (node is not YamlTreeMapping m)
        {
            WrongType(node, key, "a mapping");
            return [];
        }
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in m.Children)
        {
            var name = k.Value;
            Spans.Set($"{PathOf(key)}.{name}", At(k));
            if (v is YamlTreeScalar s) result.Add(new(Shared(name)!, Shared(s.Value)!));
            else WrongType(v, $"{key}.{name}", "a text");
        }
        return result;
    }

    /// <summary>A mapping of names to numbers from <paramref name="min"/> to <paramref name="max"/> (e.g. weight overrides).</summary>
    public IReadOnlyDictionary<string, double> NumberMap(string key, double min = -MaxMagnitude, double max = MaxMagnitude)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (Get(key, false, "mapping") is not YamlTreeMapping m)
        {
            TextMap(key); // reports what is not a mapping
            return result;
        }
        foreach (var (k, v) in m.Children)
        {
            var name = k.Value;
            var field = $"{key}.{name}";
            Spans.Set(PathOf(field), At(k));
            if (v is not YamlTreeScalar s || ParseNumber(s.Value) is not { } n) WrongType(v, field, "a number");
            else if (n >= min && n <= max) result[Shared(name)!] = n;
            else OutOfRange(v, field, s.Value, min, max);
        }
        return result;
    }

    /// <summary>Reports a value of this mapping that is valid alone but not with the others (CS0015), at its key.</summary>
    public void Inconsistent(string key, string message, string? hint = null) =>
        _diags.Error(DiagnosticCodes.InvalidValue, LocationOf(key), message, hint);

    /// <summary>Reports every key of this mapping that no read asked for, with a did-you-mean.</summary>
    public void Finish()
    {
        foreach (var (key, entry) in _entries)
        {
            if (_read.Contains(key)) continue;
            var hint = Suggest.Closest(key, _read) is { } close
                ? $"did you mean '{close}'?"
                : "known fields here: " + string.Join(", ", _read.OrderBy(k => k, StringComparer.Ordinal));
            _diags.Warning(DiagnosticCodes.UnknownField, At(entry.Key), $"unknown field '{key}'", hint);
        }
    }
}
