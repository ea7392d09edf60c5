using System.Text;
using System.Text.RegularExpressions;

namespace CredentialSite.Import;

/// <summary>Writing YAML values the importers put into catalog files: plain where that reads back the same, else double-quoted.</summary>
public static partial class YamlText
{
    public static string Scalar(string value) =>
        PlainRegex().IsMatch(value) && !SpecialRegex().IsMatch(value) ? value : Quoted(value);

    /// <summary>A flow list of ids (ids never need quotes): <c>[a, b]</c>.</summary>
    public static string Ids(IEnumerable<string> ids) => "[" + string.Join(", ", ids) + "]";

    private static string Quoted(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }

    // Starts with a letter or digit, no ': ' or ' #', no trailing space, nothing YAML gives a meaning inside a plain scalar.
    [GeneratedRegex(@"^[\p{L}\p{N}(][\p{L}\p{N} .,;()'’/&+?!%_-]*(?<! )$")]
    private static partial Regex PlainRegex();

    // Words and numbers a YAML reader would not read as text.
    [GeneratedRegex(@"^(?i:true|false|yes|no|on|off|y|n|null)$|^[0-9][0-9.:_eE+-]*$")]
    private static partial Regex SpecialRegex();
}
