using CredentialSite.Diagnostics;
using YamlDotNet.Core;

namespace CredentialSite.Load;

/// <summary>Parses one YAML file into its root mapping, reporting syntax errors with their position.</summary>
public static class YamlFile
{
    public static YamlFields? Open(string fullPath, string relPath, DiagnosticBag diags, SharedStrings? strings = null)
    {
        var text = SourceText.Read(fullPath, relPath, diags);
        return text is null ? null : Parse(text, relPath, diags, strings);
    }

    public static YamlFields? Parse(string text, string relPath, DiagnosticBag diags, SharedStrings? strings = null)
    {
        YamlTreeNode? root;
        try
        {
            root = YamlTree.Parse(text);
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(relPath, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            diags.Error(DiagnosticCodes.YamlSyntax, at, "YAML syntax error: " + CleanMessage(e), e switch
            {
                UnknownAliasException alias => $"define the anchor with &{alias.Anchor} on a value before this alias (*{alias.Anchor}) in the same document",
                UnreadableYamlException unreadable => unreadable.Hint,
                _ => "check indentation, a missing ':' or an unclosed quote or bracket near this position",
            });
            return null;
        }
        if (root is not YamlTreeMapping map)
        {
            diags.Error(DiagnosticCodes.WrongType, root is null ? SourceLocation.File(relPath) : YamlFields.At(relPath, root),
                "the file must contain a YAML mapping (key: value lines)");
            return null;
        }
        return new YamlFields(map, new LocationMap(YamlFields.At(relPath, map)), diags, strings: strings);
    }

    /// <summary>YamlDotNet prefixes messages with its own position; ours is already in front.</summary>
    private static string CleanMessage(YamlException e)
    {
        var m = e.InnerException?.Message ?? e.Message;
        var cut = m.IndexOf("): ", StringComparison.Ordinal);
        return (m.StartsWith('(') && cut > 0 ? m[(cut + 3)..] : m).Trim();
    }
}
