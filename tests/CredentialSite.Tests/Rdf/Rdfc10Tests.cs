using System.Diagnostics;
using System.Text;
using CredentialSite.Rdf;

namespace CredentialSite.Tests.Rdf;

/// <summary>RDFC-1.0 behaviour that must hold without the W3C suite present.</summary>
public class Rdfc10Tests
{
    [Fact]
    public void Isomorphic_datasets_with_different_labels_and_order_canonicalize_identically()
    {
        const string a = """
            _:x <http://ex/p> _:y .
            _:y <http://ex/p> _:z .
            _:z <http://ex/p> _:x .
            _:x <http://ex/q> "1" .
            """;
        const string b = """
            _:k <http://ex/q> "1" .
            _:m <http://ex/p> _:k .
            _:k <http://ex/p> _:n .
            _:n <http://ex/p> _:m .
            """;
        Assert.Equal(Rdfc10.CanonicalizeNQuads(a), Rdfc10.CanonicalizeNQuads(b));
        Assert.StartsWith("_:c14n0 ", Rdfc10.CanonicalizeNQuads(a));
    }

    [Fact]
    public void Canonical_literals_escape_as_the_spec_says()
    {
        var quad = new Quad(RdfTerm.Iri("http://ex/s"), RdfTerm.Iri("http://ex/p"),
            RdfTerm.Literal("a\"b\\c\nd\re\tf\bg\fh\u0001i\u007Fj\uFFFEk é"));
        Assert.Equal("<http://ex/s> <http://ex/p> \"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u007Fj\\uFFFEk é\" .\n",
            Rdfc10.Canonicalize([quad]).CanonicalNQuads);
        Assert.Equal([quad], NQuadsParser.Parse(NQuads.Line(quad)));
    }

    [Fact]
    public void A_clique_of_blank_nodes_is_refused_quickly_instead_of_hanging()
    {
        var nquads = new StringBuilder();
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < 10; j++)
                if (i != j) nquads.Append($"_:e{i} <http://example.org/p> _:e{j} .\n");
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<Rdfc10LimitExceededException>(() => Rdfc10.CanonicalizeNQuads(nquads.ToString()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Contains("too expensive", error.Message);
    }

    [Fact]
    public void Datasets_without_blank_node_ties_take_linear_time()
    {
        var nquads = new StringBuilder();
        for (var i = 0; i < 20_000; i++) nquads.Append($"_:n{i} <http://example.org/value> \"{i}\" .\n");
        var watch = Stopwatch.StartNew();
        var canonical = Rdfc10.CanonicalizeNQuads(nquads.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(20_000, canonical.Count(c => c == '\n'));
    }
}
