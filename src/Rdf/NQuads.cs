using System.Text;

namespace CredentialSite.Rdf;

/// <summary>
/// Canonical N-Quads (RDFC-1.0 appendix A): one space between terms, " .\n" after each quad, xsd:string literals
/// without their datatype, and in literals \b \t \n \f \r \" \\ as ECHAR, other control characters and
/// non-characters as \uXXXX. IRIs are written as they are.
/// </summary>
public static class NQuads
{
    public static string Line(Quad quad)
    {
        var builder = new StringBuilder(128);
        AppendLine(builder, quad);
        return builder.ToString();
    }

    public static string Serialize(IEnumerable<Quad> quads)
    {
        var builder = new StringBuilder();
        foreach (var quad in quads) AppendLine(builder, quad);
        return builder.ToString();
    }

    public static void AppendLine(StringBuilder builder, Quad quad)
    {
        AppendTerm(builder, quad.Subject);
        builder.Append(' ');
        AppendTerm(builder, quad.Predicate);
        builder.Append(' ');
        AppendTerm(builder, quad.Object);
        if (quad.Graph is not null)
        {
            builder.Append(' ');
            AppendTerm(builder, quad.Graph);
        }
        builder.Append(" .\n");
    }

    public static string Term(RdfTerm term)
    {
        var builder = new StringBuilder();
        AppendTerm(builder, term);
        return builder.ToString();
    }

    public static void AppendTerm(StringBuilder builder, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                builder.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                builder.Append("_:").Append(term.Value);
                break;
            default:
                builder.Append('"');
                AppendEscaped(builder, term.Value);
                builder.Append('"');
                if (term.Language is not null) builder.Append('@').Append(term.Language);
                else if (term.Datatype != RdfTerm.XsdString) builder.Append("^^<").Append(term.Datatype).Append('>');
                break;
        }
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\b': builder.Append(@"\b"); break;
                case '\t': builder.Append(@"\t"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\f': builder.Append(@"\f"); break;
                case '\r': builder.Append(@"\r"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append(@"\\"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        builder.Append(c).Append(value[++i]);
                    else if (c <= '\u001F' || c == '\u007F' || char.IsSurrogate(c) || c >= '\uFFFE')
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
    }
}
