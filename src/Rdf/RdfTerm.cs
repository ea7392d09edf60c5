namespace CredentialSite.Rdf;

/// <summary>What an RDF term is: an IRI, a blank node or a literal.</summary>
public enum RdfTermKind { Iri, BlankNode, Literal }

/// <summary>
/// One RDF term. An IRI or a blank node has only a <see cref="Value"/> (a blank node's is its label without "_:");
/// a literal also has a datatype IRI and, for rdf:langString, a language tag.
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is null ? datatype ?? XsdString : RdfLangString, language);

    public bool IsBlank => Kind == RdfTermKind.BlankNode;

    /// <summary>The term in N-Quads syntax.</summary>
    public override string ToString() => NQuads.Term(this);
}

/// <summary>A statement: subject, predicate, object, and the graph it is in (null: the default graph).</summary>
public sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null)
{
    /// <summary>The quad as one line of N-Quads, with its newline.</summary>
    public override string ToString() => NQuads.Line(this);
}
