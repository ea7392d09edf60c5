namespace CredentialSite.Rdf.JsonLd;

/// <summary>A term definition (JSON-LD 1.1 API §4.1): the IRI a term maps to and how its values expand.</summary>
public sealed class TermDefinition
{
    public string? Iri { get; set; }
    public bool Reverse { get; set; }
    public string? TypeMapping { get; set; }
    public HashSet<string> Container { get; set; } = [];
    public bool HasLanguage { get; set; }
    public string? Language { get; set; }
    public bool HasDirection { get; set; }
    public string? Direction { get; set; }
    public object? LocalContext { get; set; }
    public bool HasLocalContext { get; set; }
    public string? BaseUrl { get; set; }
    public string? Nest { get; set; }
    public bool Prefix { get; set; }
    public bool Protected { get; set; }
    public string? Index { get; set; }

    /// <summary>Same definition, ignoring the protected flag (the test for redefining a protected term).</summary>
    public bool SameAs(TermDefinition other) =>
        Iri == other.Iri && Reverse == other.Reverse && TypeMapping == other.TypeMapping &&
        Container.SetEquals(other.Container) && HasLanguage == other.HasLanguage && Language == other.Language &&
        HasDirection == other.HasDirection && Direction == other.Direction && Nest == other.Nest &&
        Prefix == other.Prefix && Index == other.Index && HasLocalContext == other.HasLocalContext &&
        JsonTree.DeepEquals(LocalContext, other.LocalContext);
}

/// <summary>The active context: base IRI, @vocab, default language and direction, term definitions.</summary>
public sealed class ActiveContext
{
    public string? BaseIri { get; set; }
    public string? OriginalBaseUrl { get; init; }
    public string? Vocab { get; set; }
    public string? DefaultLanguage { get; set; }
    public string? DefaultDirection { get; set; }
    public ActiveContext? Previous { get; set; }
    public Dictionary<string, TermDefinition> Terms { get; private init; } = new(StringComparer.Ordinal);

    public static ActiveContext Initial(string? baseUrl) => new() { BaseIri = baseUrl, OriginalBaseUrl = baseUrl };

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var definition) ? definition : null;

    public ActiveContext Clone() => new()
    {
        BaseIri = BaseIri,
        OriginalBaseUrl = OriginalBaseUrl,
        Vocab = Vocab,
        DefaultLanguage = DefaultLanguage,
        DefaultDirection = DefaultDirection,
        Previous = Previous,
        Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal),
    };
}
