using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CredentialSite.Sample;

/// <summary>
/// A minimal block-style YAML emitter for generated catalog files. Texts are written plain when that is
/// unambiguous and double-quoted otherwise; multi-line texts become literal blocks (<c>|</c>). Dates,
/// durations, numbers, booleans and enum words go through <see cref="Raw"/>, which writes them as they are.
/// </summary>
internal sealed partial class SampleYaml
{
    private readonly StringBuilder _sb = new(4096);
    private readonly Stack<int> _indents = new();
    private int _indent;
    private bool _dash;

    public override string ToString() => _sb.ToString();

    /// <summary>Text between <c>---</c> lines and after them (front matter files) goes through here.</summary>
    public void Verbatim(string text) => _sb.Append(text);

    /// <summary>A comment line; <paramref name="outdent"/> aligns it with the dashes of a list.</summary>
    public void Comment(string text, int outdent = 0) => _sb.Append(' ', Math.Max(0, _indent - outdent)).Append("# ").Append(text).Append('\n');

    public void BlankLine() => _sb.Append('\n');

    /// <summary><c>key: text</c>, quoted when needed; multi-line texts become literal blocks.</summary>
    public void Text(string key, string value)
    {
        if (!value.Contains('\n'))
        {
            Line(key + ": " + Quote(value));
            return;
        }
        Line(key + ": |");
        var pad = new string(' ', _indent + 2);
        foreach (var line in value.TrimEnd('\n').Split('\n'))
        {
            if (line.Length > 0) _sb.Append(pad).Append(line.TrimEnd());
            _sb.Append('\n');
        }
    }

    /// <summary><c>key: value</c> with the value written as is: dates, durations, numbers, booleans, enum words, ids.</summary>
    public void Raw(string key, string value) => Line(key + ": " + value);

    public void Number(string key, double value) => Raw(key, Format(value));

    public void Bool(string key, bool value) => Raw(key, value ? "true" : "false");

    public void Date(string key, DateOnly date) => Raw(key, Format(date));

    /// <summary><c>key: [a, b]</c>.</summary>
    public void Flow(string key, IEnumerable<string> items) =>
        Line(key + ": [" + string.Join(", ", items.Select(i => Quote(i, flow: true))) + "]");

    /// <summary>A list item written as a flow mapping: <c>- { k: v, ... }</c>. Values must be pre-formatted with <see cref="Q"/> or be raw.</summary>
    public void FlowItem(params (string Key, string Value)[] pairs)
    {
        _dash = true;
        Line("{ " + string.Join(", ", pairs.Select(p => p.Key + ": " + p.Value)) + " }");
    }

    /// <summary>A flow-safe quoted text, for <see cref="FlowItem"/>.</summary>
    public static string Q(string value) => Quote(value, flow: true);

    /// <summary><c>key:</c> followed by an indented mapping; end it with <see cref="Close"/>.</summary>
    public void Open(string key)
    {
        Line(key + ":");
        _indents.Push(_indent);
        _indent += 2;
    }

    /// <summary><c>key:</c> followed by a block list; start each item with <see cref="Item"/> or <see cref="ListText"/>; end with <see cref="Close"/>.</summary>
    public void OpenList(string key)
    {
        Line(key + ":");
        _indents.Push(_indent);
        _indent += 4;
    }

    /// <summary>Starts a list item that is a mapping: its first key is written after the dash.</summary>
    public void Item() => _dash = true;

    /// <summary>A list item that is a single text.</summary>
    public void ListText(string value)
    {
        _dash = true;
        Line(Quote(value));
    }

    public void Close() => _indent = _indents.Pop();

    private void Line(string content)
    {
        if (_dash)
        {
            _sb.Append(' ', _indent - 2).Append("- ");
            _dash = false;
        }
        else _sb.Append(' ', _indent);
        _sb.Append(content).Append('\n');
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex OtherNumberLike();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex DateLike();

    private static readonly string[] Reserved =
        ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "="];

    /// <summary>The text as a YAML scalar: plain when unambiguous, else double-quoted with escapes.</summary>
    public static string Quote(string value, bool flow = false) => NeedsQuotes(value, flow) ? DoubleQuoted(value) : value;

    private static bool NeedsQuotes(string s, bool flow)
    {
        if (s.Length == 0) return true;
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0])) return true;
        foreach (var c in s)
        {
            if (c is ':' or '#' or '"' or '\'' or '\\' || c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029') return true;
            if (flow && c is ',' or '[' or ']' or '{' or '}') return true;
        }
        if (Array.IndexOf(Reserved, s.ToLowerInvariant()) >= 0) return true;
        return NumberLike().IsMatch(s) || OtherNumberLike().IsMatch(s) || DateLike().IsMatch(s);
    }

    private static string DoubleQuoted(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (c < ' ' || c == '\u007f') sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
