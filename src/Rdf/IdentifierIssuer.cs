namespace CredentialSite.Rdf;

/// <summary>
/// RDFC-1.0 identifier issuer: hands out prefix0, prefix1, … to blank node identifiers in the order they are first
/// asked for, and remembers that order.
/// </summary>
public sealed class IdentifierIssuer
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _issued;
    private readonly List<string> _order;

    public IdentifierIssuer(string prefix)
    {
        _prefix = prefix;
        _issued = new Dictionary<string, string>(StringComparer.Ordinal);
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        _prefix = other._prefix;
        _issued = new Dictionary<string, string>(other._issued, StringComparer.Ordinal);
        _order = [.. other._order];
    }

    /// <summary>The identifiers issued so far, existing identifier first, in issue order.</summary>
    public IReadOnlyList<string> IssuedInOrder => _order;

    public bool HasIssued(string existing) => _issued.ContainsKey(existing);

    public bool TryGet(string existing, out string issued) => _issued.TryGetValue(existing, out issued!);

    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var issued)) return issued;
        issued = _prefix + _issued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _issued.Add(existing, issued);
        _order.Add(existing);
        return issued;
    }

    public IdentifierIssuer Copy() => new(this);

    /// <summary>Existing identifier to issued identifier, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Mapping() => [.. _order.Select(id => KeyValuePair.Create(id, _issued[id]))];
}
