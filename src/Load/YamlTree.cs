using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CredentialSite.Load;

/// <summary>A node of a parsed YAML file, with the 1-based line and column where it starts.</summary>
public abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>A scalar; <see cref="Plain"/> when written without quotes or a block indicator (only those can be null).</summary>
public sealed class YamlTreeScalar(int line, int column, string value, bool plain) : YamlTreeNode(line, column)
{
    public string Value { get; } = value;
    public bool Plain { get; } = plain;
}

/// <summary>A mapping: its keys (texts, each once) and values in file order.</summary>
public sealed class YamlTreeMapping(int line, int column) : YamlTreeNode(line, column)
{
    public List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Children { get; } = [];
}

/// <summary>A sequence.</summary>
public sealed class YamlTreeSequence(int line, int column) : YamlTreeNode(line, column)
{
    public List<YamlTreeNode> Children { get; } = [];
}

/// <summary>An alias to an anchor that no node before it defines.</summary>
public sealed class UnknownAliasException(Mark start, Mark end, string anchor)
    : YamlException(start, end, $"the anchor '{anchor}' is not defined before this alias")
{
    public string Anchor { get; } = anchor;
}

/// <summary>A YAML file this tool does not read: a key repeated in one mapping, a key that is not a text, or nesting deeper
/// than <see cref="YamlTree.MaxDepth"/>; <see cref="Hint"/> says what to do.</summary>
public sealed class UnreadableYamlException(Mark start, Mark end, string message, string hint) : YamlException(start, end, message)
{
    public string Hint { get; } = hint;
}

/// <summary>
/// Builds the tree of a YAML file from YamlDotNet's parsing events: the first document, with aliases resolved to the
/// node their anchor names. YamlDotNet's own node tree (its representation model) keeps more than the loader reads, two
/// position objects per node among it; this one is about a third of its size and takes less time to build.
/// </summary>
public static class YamlTree
{
    /// <summary>Lists and mappings nest at most this deep (the catalog format needs a handful of levels): deeper input
    /// is an error, not a stack overflow.</summary>
    public const int MaxDepth = 200;

    /// <summary>The first document's root (null for a file without a document); every document is parsed, so a syntax
    /// error anywhere in the file is reported. Throws <see cref="YamlException"/> on bad YAML.</summary>
    public static YamlTreeNode? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        YamlTreeNode? first = null;
        var documents = 0;
        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear(); // anchors belong to their document
                    parser.MoveNext();
                    var root = Node(parser, anchors, 0);
                    if (documents++ == 0) first = root;
                    break;
            }
        }
        return first;
    }

    // Reads the node at the parser's current event, and moves past its last event.
    private static YamlTreeNode Node(IParser parser, Dictionary<string, YamlTreeNode> anchors, int depth)
    {
        var e = parser.Current!;
        if (depth > MaxDepth)
            throw new UnreadableYamlException(e.Start, e.End, $"lists and mappings nest deeper than {MaxDepth} levels",
                "the catalog format needs only a few levels: check for unclosed brackets or stray indentation");
        var line = (int)e.Start.Line;
        var column = (int)e.Start.Column;
        switch (e)
        {
            case Scalar s:
            {
                var node = new YamlTreeScalar(line, column, s.Value, s.Style == ScalarStyle.Plain);
                Remember(s.Anchor, node, anchors);
                parser.MoveNext();
                return node;
            }
            case SequenceStart q:
            {
                var node = new YamlTreeSequence(line, column);
                Remember(q.Anchor, node, anchors);
                parser.MoveNext();
                while (parser.Current is not SequenceEnd) node.Children.Add(Node(parser, anchors, depth + 1));
                parser.MoveNext();
                return node;
            }
            case MappingStart m:
            {
                var node = new YamlTreeMapping(line, column);
                Remember(m.Anchor, node, anchors);
                parser.MoveNext();
                while (parser.Current is not MappingEnd)
                {
                    var at = parser.Current!;
                    if (Node(parser, anchors, depth + 1) is not YamlTreeScalar key)
                        throw new UnreadableYamlException(at.Start, at.End, "a key must be a text, not a list or a mapping",
                            "write the key as a plain word, e.g. 'name:'");
                    // A repeated key is an error, as YamlDotNet's own tree made it: the loader would silently keep one value.
                    foreach (var (other, _) in node.Children)
                        if (other.Value == key.Value)
                            throw new UnreadableYamlException(at.Start, at.End, $"the key '{key.Value}' appears twice in this mapping",
                                $"remove one of them (the first is on line {other.Line})");
                    node.Children.Add(new(key, Node(parser, anchors, depth + 1)));
                }
                parser.MoveNext();
                return node;
            }
            case AnchorAlias a:
            {
                if (!anchors.TryGetValue(a.Value.Value, out var target)) throw new UnknownAliasException(a.Start, a.End, a.Value.Value);
                parser.MoveNext();
                return target;
            }
            default:
                throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
        }
    }

    private static void Remember(AnchorName anchor, YamlTreeNode node, Dictionary<string, YamlTreeNode> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }
}
