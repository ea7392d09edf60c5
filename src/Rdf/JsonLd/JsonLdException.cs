namespace CredentialSite.Rdf.JsonLd;

/// <summary>A JSON-LD processing error, with the error code the JSON-LD 1.1 API names (e.g. "invalid IRI mapping").</summary>
public sealed class JsonLdException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>What safe mode found: a term that was dropped, or a type or term the contexts do not define.</summary>
public enum JsonLdIssueKind
{
    /// <summary>A property the active context does not define (and no @vocab catches): dropped from the RDF.</summary>
    DroppedProperty,

    /// <summary>A property that is no defined term and was expanded only through @vocab.</summary>
    VocabProperty,

    /// <summary>A @type value that is no defined term and does not expand to an absolute IRI: dropped from the RDF.</summary>
    UndefinedType,

    /// <summary>A value that expansion drops (a free-floating value, an @id that is not an absolute IRI, …).</summary>
    DroppedValue,
}

/// <summary>One safe-mode finding: what kind, the term or value, and where (a JSON path like $.credentialSubject.result[0]).</summary>
public sealed record JsonLdIssue(JsonLdIssueKind Kind, string Term, string Path)
{
    public override string ToString() => $"{Path}: {Kind} '{Term}'";
}
