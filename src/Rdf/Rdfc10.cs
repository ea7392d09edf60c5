using System.Security.Cryptography;
using System.Text;

namespace CredentialSite.Rdf;

/// <summary>The hash function RDFC-1.0 runs with (SHA-256 unless a test or a cryptosuite says otherwise).</summary>
public enum RdfcHashAlgorithm { Sha256, Sha384 }

/// <summary>
/// Limits for a canonicalization. <see cref="MaxWorkFactor"/> (default 2: quadratic) bounds Hash N-Degree Quads: each blank node may be
/// entered at most (number of blank nodes whose first-degree hashes collide) ^ MaxWorkFactor times, so a
/// "poison" dataset built to take exponential time is refused instead of hanging the build.
/// </summary>
public sealed record Rdfc10Options(RdfcHashAlgorithm HashAlgorithm = RdfcHashAlgorithm.Sha256, int MaxWorkFactor = 2)
{
    public static readonly Rdfc10Options Default = new();
}

/// <summary>A dataset whose canonicalization would exceed the configured work limit.</summary>
public sealed class Rdfc10LimitExceededException(string message) : Exception(message);

/// <summary>The canonical N-Quads of a dataset and the canonical identifier issued to each input blank node.</summary>
public sealed record Rdfc10Result(string CanonicalNQuads, IReadOnlyList<Quad> CanonicalQuads,
    IReadOnlyList<KeyValuePair<string, string>> IssuedIdentifiers);

/// <summary>
/// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024): first-degree hashes, N-degree hashes over
/// permutations of related blank nodes, the canonical issuer ("c14n"), and canonical N-Quads sorted by code point.
/// </summary>
public sealed class Rdfc10
{
    private readonly Rdfc10Options _options;
    private readonly Dictionary<string, List<Quad>> _quadsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstDegreeHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _deepIterations = new(StringComparer.Ordinal);
    private readonly IdentifierIssuer _canonicalIssuer = new("c14n");
    private long _maxDeepIterations;

    private Rdfc10(Rdfc10Options options) => _options = options;

    public static Rdfc10Result Canonicalize(IEnumerable<Quad> dataset, Rdfc10Options? options = null) =>
        new Rdfc10(options ?? Rdfc10Options.Default).Run(dataset);

    /// <summary>The canonical N-Quads of a dataset given as N-Quads.</summary>
    public static string CanonicalizeNQuads(string nquads, Rdfc10Options? options = null) =>
        Canonicalize(NQuadsParser.Parse(nquads), options).CanonicalNQuads;

    private Rdfc10Result Run(IEnumerable<Quad> dataset)
    {
        var quads = dataset.Distinct().ToList();
        foreach (var quad in quads)
        {
            AddBlankNodeQuad(quad.Subject, quad);
            AddBlankNodeQuad(quad.Object, quad);
            if (quad.Graph is not null) AddBlankNodeQuad(quad.Graph, quad);
        }

        var hashToBlankNodes = new SortedDictionary<string, List<string>>(CodePointComparer.Instance);
        foreach (var node in _quadsOf.Keys)
        {
            var hash = HashFirstDegreeQuads(node);
            if (!hashToBlankNodes.TryGetValue(hash, out var nodes)) hashToBlankNodes[hash] = nodes = [];
            nodes.Add(node);
        }

        var shared = new List<List<string>>();
        foreach (var (_, nodes) in hashToBlankNodes)
        {
            if (nodes.Count == 1) _canonicalIssuer.Issue(nodes[0]);
            else shared.Add(nodes);
        }
        var nonUnique = shared.Sum(nodes => nodes.Count);
        _maxDeepIterations = _options.MaxWorkFactor <= 0 ? 0 : (long)Math.Min(Math.Pow(nonUnique, _options.MaxWorkFactor), long.MaxValue);

        foreach (var nodes in shared)
        {
            var hashPaths = new List<(string Hash, IdentifierIssuer Issuer)>();
            foreach (var node in nodes)
            {
                if (_canonicalIssuer.HasIssued(node)) continue;
                var temporary = new IdentifierIssuer("b");
                temporary.Issue(node);
                hashPaths.Add(HashNDegreeQuads(node, temporary));
            }
            foreach (var (_, issuer) in hashPaths.OrderBy(path => path.Hash, CodePointComparer.Instance))
                foreach (var existing in issuer.IssuedInOrder) _canonicalIssuer.Issue(existing);
        }

        var canonicalQuads = quads.Select(Relabel).ToList();
        var lines = canonicalQuads.Select(NQuads.Line).ToList();
        lines.Sort(CodePointComparer.Instance);
        return new Rdfc10Result(string.Concat(lines), canonicalQuads, _canonicalIssuer.Mapping());
    }

    private void AddBlankNodeQuad(RdfTerm term, Quad quad)
    {
        if (!term.IsBlank) return;
        if (!_quadsOf.TryGetValue(term.Value, out var list)) _quadsOf[term.Value] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], quad)) list.Add(quad);
    }

    private Quad Relabel(Quad quad) => new(Canonical(quad.Subject), quad.Predicate, Canonical(quad.Object),
        quad.Graph is null ? null : Canonical(quad.Graph));

    private RdfTerm Canonical(RdfTerm term) => term.IsBlank ? RdfTerm.Blank(_canonicalIssuer.Issue(term.Value)) : term;

    // 4.6 Hash First Degree Quads: the node's quads with itself as _:a and every other blank node as _:z, sorted.
    private string HashFirstDegreeQuads(string node)
    {
        if (_firstDegreeHash.TryGetValue(node, out var cached)) return cached;
        var lines = new List<string>(_quadsOf[node].Count);
        var builder = new StringBuilder(128);
        foreach (var quad in _quadsOf[node])
        {
            builder.Clear();
            NQuads.AppendLine(builder, new Quad(Mask(quad.Subject, node), quad.Predicate, Mask(quad.Object, node),
                quad.Graph is null ? null : Mask(quad.Graph, node)));
            lines.Add(builder.ToString());
        }
        lines.Sort(CodePointComparer.Instance);
        return _firstDegreeHash[node] = Hash(string.Concat(lines));
    }

    private static readonly RdfTerm BlankA = RdfTerm.Blank("a"), BlankZ = RdfTerm.Blank("z");

    private static RdfTerm Mask(RdfTerm term, string node) => !term.IsBlank ? term : term.Value == node ? BlankA : BlankZ;

    // 4.7 Hash Related Blank Node.
    private string HashRelatedBlankNode(string related, Quad quad, IdentifierIssuer issuer, char position)
    {
        var identifier = _canonicalIssuer.TryGet(related, out var canonical) ? "_:" + canonical
            : issuer.TryGet(related, out var temporary) ? "_:" + temporary
            : HashFirstDegreeQuads(related);
        var input = new StringBuilder().Append(position);
        if (position != 'g') input.Append('<').Append(quad.Predicate.Value).Append('>');
        input.Append(identifier);
        return Hash(input.ToString());
    }

    // 4.8 Hash N-Degree Quads.
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(string node, IdentifierIssuer issuer)
    {
        var iterations = _deepIterations.GetValueOrDefault(node);
        if (iterations > _maxDeepIterations)
            throw new Rdfc10LimitExceededException(
                $"RDFC-1.0 canonicalization stopped: the dataset needs more than {_maxDeepIterations} deep iterations for one blank node (work factor {_options.MaxWorkFactor}); it is too expensive to canonicalize (a \"poison\" dataset?)");
        _deepIterations[node] = iterations + 1;

        var hashToRelated = new SortedDictionary<string, List<string>>(CodePointComparer.Instance);
        foreach (var quad in _quadsOf[node])
        {
            AddRelated(quad.Subject, 's');
            AddRelated(quad.Object, 'o');
            if (quad.Graph is not null) AddRelated(quad.Graph, 'g');

            void AddRelated(RdfTerm term, char position)
            {
                if (!term.IsBlank || term.Value == node) return;
                var hash = HashRelatedBlankNode(term.Value, quad, issuer, position);
                if (!hashToRelated.TryGetValue(hash, out var list)) hashToRelated[hash] = list = [];
                list.Add(term.Value);
            }
        }

        var data = new StringBuilder();
        foreach (var (relatedHash, related) in hashToRelated)
        {
            data.Append(relatedHash);
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;
            foreach (var permutation in Permutations.Of(related))
            {
                var issuerCopy = issuer.Copy();
                var path = new StringBuilder();
                var recursion = new List<string>();
                var skip = false;
                foreach (var other in permutation)
                {
                    if (_canonicalIssuer.TryGet(other, out var canonical)) path.Append("_:").Append(canonical);
                    else
                    {
                        if (!issuerCopy.HasIssued(other)) recursion.Add(other);
                        path.Append("_:").Append(issuerCopy.Issue(other));
                    }
                    if (IsWorse(path, chosenPath)) { skip = true; break; }
                }
                if (skip) continue;
                foreach (var other in recursion)
                {
                    var result = HashNDegreeQuads(other, issuerCopy);
                    path.Append("_:").Append(issuerCopy.Issue(other)).Append('<').Append(result.Hash).Append('>');
                    issuerCopy = result.Issuer;
                    if (IsWorse(path, chosenPath)) { skip = true; break; }
                }
                if (skip) continue;
                var candidate = path.ToString();
                if (chosenPath is null || CodePointComparer.Instance.Compare(candidate, chosenPath) < 0)
                {
                    chosenPath = candidate;
                    chosenIssuer = issuerCopy;
                }
            }
            data.Append(chosenPath);
            issuer = chosenIssuer!;
        }
        return (Hash(data.ToString()), issuer);
    }

    private static bool IsWorse(StringBuilder path, string? chosenPath) =>
        chosenPath is not null && path.Length >= chosenPath.Length &&
        CodePointComparer.Instance.Compare(path.ToString(), chosenPath) > 0;

    private string Hash(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = _options.HashAlgorithm == RdfcHashAlgorithm.Sha384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
        return Convert.ToHexStringLower(digest);
    }
}
