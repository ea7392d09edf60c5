using System.Globalization;
using System.Text;

namespace CredentialSite.Rdf;

/// <summary>A line of N-Quads the parser cannot read.</summary>
public sealed class NQuadsSyntaxException(int line, string message) : Exception($"N-Quads line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>Reads N-Quads (RDF 1.1): IRIs, blank nodes, literals with language or datatype, escapes, comments.</summary>
public static class NQuadsParser
{
    public static List<Quad> Parse(string text)
    {
        var quads = new List<Quad>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var reader = new LineReader(rawLine.TrimEnd('\r'), lineNumber);
            reader.SkipSpace();
            if (reader.AtEnd || reader.Peek == '#') continue;
            var subject = reader.ReadTerm();
            reader.SkipSpace();
            var predicate = reader.ReadTerm();
            reader.SkipSpace();
            var obj = reader.ReadTerm();
            reader.SkipSpace();
            RdfTerm? graph = null;
            if (reader.Peek != '.')
            {
                graph = reader.ReadTerm();
                reader.SkipSpace();
            }
            reader.Expect('.');
            reader.SkipSpace();
            if (!reader.AtEnd && reader.Peek != '#') throw reader.Error("text after the final '.'");
            if (subject.Kind == RdfTermKind.Literal || predicate.Kind != RdfTermKind.Iri || graph?.Kind == RdfTermKind.Literal)
                throw reader.Error("a literal or blank node where the syntax does not allow one");
            quads.Add(new Quad(subject, predicate, obj, graph));
        }
        return quads;
    }

    private sealed class LineReader(string line, int number)
    {
        private int _position;

        public bool AtEnd => _position >= line.Length;
        public char Peek => AtEnd ? '\0' : line[_position];

        public NQuadsSyntaxException Error(string message) => new(number, message);

        public void SkipSpace()
        {
            while (!AtEnd && (Peek == ' ' || Peek == '\t')) _position++;
        }

        public void Expect(char c)
        {
            if (Peek != c) throw Error($"expected '{c}'");
            _position++;
        }

        public RdfTerm ReadTerm()
        {
            switch (Peek)
            {
                case '<':
                    return RdfTerm.Iri(ReadIri());
                case '_':
                    _position++;
                    Expect(':');
                    var start = _position;
                    while (!AtEnd && Peek != ' ' && Peek != '\t' && Peek != '<' && Peek != '"') _position++;
                    var label = line[start.._position];
                    if (label.EndsWith('.')) { label = label[..^1]; _position--; }
                    if (label.Length == 0) throw Error("empty blank node label");
                    return RdfTerm.Blank(label);
                case '"':
                    var lexical = ReadString();
                    if (Peek == '@')
                    {
                        var tagStart = ++_position;
                        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek == '-')) _position++;
                        return RdfTerm.Literal(lexical, language: line[tagStart.._position]);
                    }
                    if (Peek == '^')
                    {
                        _position++;
                        Expect('^');
                        return RdfTerm.Literal(lexical, ReadIri());
                    }
                    return RdfTerm.Literal(lexical);
                default:
                    throw Error($"unexpected '{Peek}'");
            }
        }

        private string ReadIri()
        {
            Expect('<');
            var builder = new StringBuilder();
            while (!AtEnd && Peek != '>')
            {
                if (Peek == '\\') AppendEscape(builder);
                else builder.Append(line[_position++]);
            }
            Expect('>');
            return builder.ToString();
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (!AtEnd && Peek != '"')
            {
                if (Peek == '\\') AppendEscape(builder);
                else builder.Append(line[_position++]);
            }
            Expect('"');
            return builder.ToString();
        }

        private void AppendEscape(StringBuilder builder)
        {
            _position++;
            var c = Peek;
            _position++;
            switch (c)
            {
                case 't': builder.Append('\t'); return;
                case 'b': builder.Append('\b'); return;
                case 'n': builder.Append('\n'); return;
                case 'r': builder.Append('\r'); return;
                case 'f': builder.Append('\f'); return;
                case '"': builder.Append('"'); return;
                case '\'': builder.Append('\''); return;
                case '\\': builder.Append('\\'); return;
                case 'u': AppendCodePoint(builder, ReadHex(4)); return;
                case 'U': AppendCodePoint(builder, ReadHex(8)); return;
                default: throw Error($"unknown escape '\\{c}'");
            }
        }

        private void AppendCodePoint(StringBuilder builder, int code)
        {
            if (code is >= 0xD800 and <= 0xDFFF) builder.Append((char)code);
            else if (code > 0x10FFFF) throw Error($"code point {code:X} out of range");
            else builder.Append(char.ConvertFromUtf32(code));
        }

        private int ReadHex(int digits)
        {
            if (_position + digits > line.Length) throw Error("short \\u escape");
            var hex = line.Substring(_position, digits);
            _position += digits;
            if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                throw Error($"bad hex '{hex}'");
            return code;
        }
    }
}
