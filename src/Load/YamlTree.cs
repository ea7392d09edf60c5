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
/// Builds the tree of a YAML file from YamlDotNet's parsing events, with aliases resolved to the node their anchor names.
/// YamlDotNet's own node tree (its representation model) keeps more than the loader reads, two position objects per node
/// among it; this one is about a third of its size and takes less time to build. A file holds one document: a second
/// one is an error, as is anything YamlDotNet fails on (every failure becomes a located <see cref="YamlException"/>).
/// </summary>
public static class YamlTree
{
    /// <summary>Lists and mappings nest at most this deep (the catalog format needs a handful of levels): deeper input
    /// is an error, not a stack overflow.</summary>
    public const int MaxDepth = 200;

    /// <summary>The document's root (null for a file without a document). Throws <see cref="YamlException"/> on bad YAML
    /// and on a second document.</summary>
    public static YamlTreeNode? Parse(string text)
    {
        var reader = new Reader(new Parser(new StringReader(text)));
        YamlTreeNode? root = null;
        var documents = 0;
        while (reader.MoveNext())
        {
            if (reader.Current is not DocumentStart start) continue;
            if (documents++ > 0)
                throw new UnreadableYamlException(start.Start, start.End, "a second YAML document starts here",
                    "a file holds one document: remove this '---' line and what follows it, or move that into a file of its own");
            reader.MoveNext();
            root = reader.Node(0);
        }
        return root;
    }

    /// <summary>The parser's events, with the flow collections ('[' and '{') that are open at the current one.</summary>
    private sealed class Reader(IParser parser)
    {
        private readonly Dictionary<string, YamlTreeNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<ParsingEvent> _openFlows = new();

        public ParsingEvent Current => parser.Current!;

        public bool MoveNext()
        {
            try
            {
                return parser.MoveNext();
            }
            catch (Exception e) when (e is not YamlException)
            {
                // YamlDotNet's scanner throws a bare exception (InvalidOperationException) on some malformed input, e.g. a
                // '[' left open with more lines after it; it has no position, so the error is put where it is best
                // explained: at the innermost bracket still open, else after the last event read.
                if (_openFlows.TryPeek(out var open))
                    throw new UnreadableYamlException(open.Start, open.End,
                        $"the '{(open is SequenceStart ? '[' : '{')}' opened here is not closed",
                        $"close it with '{(open is SequenceStart ? ']' : '}')}' (a list or mapping in brackets may span lines only when they are indented further than its key)");
                var at = parser.Current?.End ?? Mark.Empty;
                throw new UnreadableYamlException(at, at, "the YAML reader cannot read on from here",
                    "check indentation, a missing ':' or an unclosed quote or bracket near this position");
            }
        }

        // Reads the node at the current event, and moves past its last event.
        public YamlTreeNode Node(int depth)
        {
            var e = Current;
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
                    Remember(s.Anchor, node);
                    MoveNext();
                    return node;
                }
                case SequenceStart q:
                {
                    var node = new YamlTreeSequence(line, column);
                    Remember(q.Anchor, node);
                    Open(q, q.Style == SequenceStyle.Flow);
                    while (Current is not SequenceEnd) node.Children.Add(Node(depth + 1));
                    Close(q.Style == SequenceStyle.Flow);
                    return node;
                }
                case MappingStart m:
                {
                    var node = new YamlTreeMapping(line, column);
                    Remember(m.Anchor, node);
                    Open(m, m.Style == MappingStyle.Flow);
                    while (Current is not MappingEnd)
                    {
                        var at = Current;
                        if (Node(depth + 1) is not YamlTreeScalar key)
                            throw new UnreadableYamlException(at.Start, at.End, "a key must be a text, not a list or a mapping",
                                "write the key as a plain word, e.g. 'name:'");
                        // A repeated key is an error, as YamlDotNet's own tree made it: the loader would silently keep one value.
                        foreach (var (other, _) in node.Children)
                            if (other.Value == key.Value)
                                throw new UnreadableYamlException(at.Start, at.End, $"the key '{key.Value}' appears twice in this mapping",
                                    $"remove one of them (the first is on line {other.Line})");
                        node.Children.Add(new(key, Node(depth + 1)));
                    }
                    Close(m.Style == MappingStyle.Flow);
                    return node;
                }
                case AnchorAlias a:
                {
                    if (!_anchors.TryGetValue(a.Value.Value, out var target)) throw new UnknownAliasException(a.Start, a.End, a.Value.Value);
                    MoveNext();
                    return target;
                }
                default:
                    throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name}");
            }
        }

        private void Open(ParsingEvent start, bool flow)
        {
            if (flow) _openFlows.Push(start);
            MoveNext();
        }

        private void Close(bool flow)
        {
            if (flow) _openFlows.Pop();
            MoveNext();
        }

        private void Remember(AnchorName anchor, YamlTreeNode node)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        }
    }
}
