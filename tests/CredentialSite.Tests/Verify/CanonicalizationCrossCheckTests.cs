using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CredentialSite.Rdf;
using CredentialSite.Rdf.JsonLd;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Verify;

/// <summary>
/// Our RDFC-1.0 (Rdf/Rdfc10.cs) and JSON-LD to RDF (Rdf/JsonLd) against an independent implementation, npm's
/// rdf-canonize and jsonld (tests/verify-js/canonize.mjs): on every JSON-LD document the sample site publishes and on
/// blank-node graphs built to be hard (cycles, automorphisms, shuffled and relabelled copies, escapes). The canonical
/// N-Quads must be byte-identical: a signature made by the build is only checkable by others if they are.
/// </summary>
public sealed class CanonicalizationCrossCheckTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    // Our work factor for the graphs below (the default 2 is not enough for the Petersen graph). rdf-canonize counts
    // deep iterations over the whole run where ours counts them per blank node, so its limit is tighter at the same
    // factor: it runs with a larger one, the comparison being about the canonical form, not about the limit.
    private const int WorkFactor = 3;
    private const int TheirWorkFactor = 6;
    private static readonly Rdfc10Options Options = new(MaxWorkFactor: WorkFactor);

    [Fact]
    public void Every_JSON_LD_document_of_the_sample_site_canonicalizes_as_rdf_canonize_does()
    {
        var documents = SampleDocuments();
        Assert.True(documents.Count >= 100, $"expected the sample's credentials, badges and page JSON-LD, found {documents.Count}");
        var datasets = documents.Select(d => (d.Name, Quads: JsonLdToRdf.ToRdf(d.Json).Quads)).ToList();
        Assert.All(datasets, d => Assert.NotEmpty(d.Quads));
        AssertSameAsRdfCanonize(datasets);
    }

    [Fact]
    public void Every_JSON_LD_document_of_the_sample_site_gives_the_canonical_N_Quads_jsonld_js_gives()
    {
        // The whole eddsa-rdfc-2022 transformation (JSON-LD expansion, to RDF, RDFC-1.0), ours against jsonld.js's as
        // the npm cryptosuite runs it; and our safe-mode findings against jsonld.js's safe mode, which the npm
        // cryptosuite verifies with: a document ours finds issues in must be one jsonld.js refuses, and the reverse.
        var documents = SampleDocuments();
        // Work factor 1: rdf-canonize's default, the one the npm cryptosuite verifies with.
        var theirs = Batch("--jsonld", documents.Select(d => d.Json).ToList(), 1);
        var failures = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            var rdf = JsonLdToRdf.ToRdf(documents[i].Json);
            var ours = Rdfc10.Canonicalize(rdf.Quads).CanonicalNQuads;
            if (theirs[i].Error is { } error) failures.Add($"{documents[i].Name}: jsonld.js failed: {error}");
            else if (ours != theirs[i].Canonical) failures.Add($"{documents[i].Name}:\n{FirstDifference(ours, theirs[i].Canonical!)}");
            else if (rdf.Issues.Count > 0 != theirs[i].SafeError is not null)
                failures.Add($"{documents[i].Name}: safe mode disagrees: ours found {rdf.Issues.Count} issues " +
                    $"({string.Join(", ", rdf.Issues.Select(x => x.Term).Distinct().Take(5))}); jsonld.js: {theirs[i].SafeError ?? "none"}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {documents.Count} documents differ:\n{string.Join("\n\n", failures.Take(5))}");
    }

    [Fact]
    public void Hand_written_JSON_LD_documents_give_the_canonical_N_Quads_jsonld_js_gives()
    {
        // JSON-LD features the sample does not (yet) use, in documents a credential could be: numbers, @json
        // literals, lists, language tags, blank node ids, @graph, @reverse, relative IRIs, escapes.
        var documents = JsonLdDocuments().ToList();
        var theirs = Batch("--jsonld", documents.Select(d => d.Json).ToList(), 1);
        var failures = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            string ours;
            try
            {
                ours = JsonLdToRdf.Canonicalize(documents[i].Json);
            }
            catch (Exception e) when (e is JsonLdException or Rdfc10LimitExceededException)
            {
                failures.Add($"{documents[i].Name}: ours failed: {e.Message}; jsonld.js: {theirs[i].Error ?? "canonicalized it"}");
                continue;
            }
            if (theirs[i].Error is { } error) failures.Add($"{documents[i].Name}: jsonld.js failed: {error}");
            else if (ours != theirs[i].Canonical) failures.Add($"{documents[i].Name}:\n{FirstDifference(ours, theirs[i].Canonical!)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {documents.Count} documents differ:\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public void Tricky_blank_node_graphs_canonicalize_as_rdf_canonize_does()
    {
        var datasets = new List<(string Name, IReadOnlyList<Quad> Quads)>();
        var random = new Random(20261208);
        foreach (var (name, quads) in TrickyDatasets(random))
        {
            datasets.Add((name, quads));
            // The same dataset with other labels, in another order (and one quad twice): the same canonical form.
            datasets.Add((name + " (relabelled, shuffled, a duplicate)", Relabel(quads, random)));
        }
        Assert.True(datasets.Count > 100, $"{datasets.Count} datasets");
        var canonical = AssertSameAsRdfCanonize(datasets);
        for (var i = 0; i < datasets.Count; i += 2)
            Assert.True(canonical[i] == canonical[i + 1], $"{datasets[i].Name}: a relabelled, shuffled copy canonicalizes differently");
    }

    [Fact]
    public void The_verifier_loads_exactly_the_contexts_the_tool_pins()
    {
        var (code, stdout, stderr) = VerifyJs.Run("contexts.mjs", null);
        Assert.True(code == 0, stderr);
        var theirs = JsonSerializer.Deserialize<Dictionary<string, string>>(stdout)!;
        Assert.Equal(PinnedContexts.Files.OrderBy(p => p.Key, StringComparer.Ordinal),
            theirs.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    // ------------------------------------------------------------------ the sample's documents

    /// <summary>Every .json file with an @context, and every ld+json block of every page, whose contexts are all pinned.</summary>
    private List<(string Name, string Json)> SampleDocuments()
    {
        Assert.True(sample.Result.Succeeded(false), "the sample site did not build");
        var documents = new List<(string Name, string Json)>();
        foreach (var file in sample.Files("", "*.json", recursive: true))
        {
            var json = sample.Read(file);
            if (UsesOnlyPinnedContexts(json)) documents.Add((file, json));
        }
        var parser = new HtmlParser();
        foreach (var file in sample.Files("", "*.html", recursive: true))
        {
            using var page = parser.ParseDocument(sample.Read(file));
            var n = 0;
            foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
            {
                n++;
                if (UsesOnlyPinnedContexts(script.TextContent)) documents.Add(($"{file} (ld+json #{n})", script.TextContent));
            }
        }
        return documents;
    }

    private static bool UsesOnlyPinnedContexts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("@context", out var context)) return false;
        var urls = context.ValueKind == JsonValueKind.Array ? context.EnumerateArray().ToList() : [context];
        return urls.All(u => u.ValueKind != JsonValueKind.String || PinnedContexts.Files.ContainsKey(u.GetString()!));
    }

    // ------------------------------------------------------------------ comparing with rdf-canonize

    /// <summary>Ours and rdf-canonize's canonical N-Quads of each dataset are byte-identical; returns ours.</summary>
    private static List<string> AssertSameAsRdfCanonize(IReadOnlyList<(string Name, IReadOnlyList<Quad> Quads)> datasets)
    {
        var theirs = Batch("--json", datasets.Select(d => NQuads.Serialize(d.Quads)).ToList(), TheirWorkFactor);
        var ours = new List<string>();
        var failures = new List<string>();
        for (var i = 0; i < datasets.Count; i++)
        {
            string mine;
            try
            {
                mine = Rdfc10.Canonicalize(datasets[i].Quads, Options).CanonicalNQuads;
            }
            catch (Rdfc10LimitExceededException e)
            {
                mine = "";
                failures.Add($"{datasets[i].Name}: ours refused it ({e.Message}); rdf-canonize: {theirs[i].Error ?? "canonicalized it"}");
                ours.Add(mine);
                continue;
            }
            ours.Add(mine);
            if (theirs[i].Error is { } error) failures.Add($"{datasets[i].Name}: rdf-canonize failed: {error}");
            else if (mine != theirs[i].Canonical) failures.Add($"{datasets[i].Name}:\n{FirstDifference(mine, theirs[i].Canonical!)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {datasets.Count} datasets differ:\n{string.Join("\n\n", failures.Take(5))}");
        return ours;
    }

    private sealed record Result(string? Canonical, string? Error, string? SafeError);

    private static List<Result> Batch(string mode, List<string> inputs, int workFactor)
    {
        var (code, stdout, stderr) = VerifyJs.Run("canonize.mjs", JsonSerializer.Serialize(inputs), mode,
            "--max-work-factor", workFactor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, $"canonize.mjs {mode} exited with {code}:\n{stderr}");
        var results = JsonSerializer.Deserialize<List<JsonElement>>(stdout)!
            .Select(r => new Result(
                r.TryGetProperty("canonical", out var c) ? c.GetString() : null,
                r.TryGetProperty("error", out var e) ? e.GetString() : null,
                r.TryGetProperty("safeError", out var s) ? s.GetString() : null))
            .ToList();
        Assert.Equal(inputs.Count, results.Count);
        return results;
    }

    private static string FirstDifference(string ours, string theirs)
    {
        var a = ours.Split('\n');
        var b = theirs.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end)";
            var y = i < b.Length ? b[i] : "(end)";
            if (x != y) return $"  line {i + 1}\n  ours:         {x}\n  rdf-canonize: {y}";
        }
        return "  (same lines)";
    }

    // ------------------------------------------------------------------ hand-written JSON-LD

    private const string Vc = "\"https://www.w3.org/ns/credentials/v2\"";
    private const string Ob = "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"";

    /// <summary>A credential-shaped document: the VC and OB contexts, an inline context, and the given members.</summary>
    private static string Doc(string inline, string members) => $$"""
        {
          "@context": [{{Vc}}, {{Ob}}, {{{inline}}}],
          "id": "https://example.org/credentials/1",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "did:web:example.org", "type": ["Profile"], "name": "Example"},
          "validFrom": "2026-01-01T00:00:00Z",
          {{members}}
        }
        """;

    private static IEnumerable<(string Name, string Json)> JsonLdDocuments()
    {
        const string ex = "\"ex\": \"https://example.org/vocab#\", \"xsd\": \"http://www.w3.org/2001/XMLSchema#\"";
        // Not 1E-7 (or any number whose JavaScript string has an exponent but no "."): jsonld.js 9 takes it for an
        // integer and writes "0"^^xsd:integer; JSON-LD 1.1 (and ours) says "1.0E-7"^^xsd:double.
        yield return ("numbers", Doc(ex + """
            , "n": "ex:n", "d": {"@id": "ex:d", "@type": "xsd:double"}, "i": {"@id": "ex:i", "@type": "xsd:integer"}
            """, """
            "credentialSubject": {"type": ["AchievementSubject"], "n": [1, 1.0, 1.5, -0.25, 1e21, 2.5e-3, 123456789012, 0, -7, true, false],
              "d": [1, 2.5, 100], "i": [5, 5.5]}
            """));
        yield return ("@json literals", Doc(ex + """, "data": {"@id": "ex:data", "@type": "@json"}""", """
            "credentialSubject": {"type": ["AchievementSubject"],
              "data": {"z": [1, 2.50, "x\u00e9\n", null, true, {"b": 1e30, "a": 0.000001}], "a": "\ud83d\ude00", "m": -0.0}}
            """));
        yield return ("lists", Doc(ex + """, "seq": {"@id": "ex:seq", "@container": "@list"}""", """
            "credentialSubject": {"type": ["AchievementSubject"], "seq": ["b", "a", "b", {"@id": "https://example.org/x"}, 3]},
            "ex:empty": {"@list": []}, "ex:nested": {"@list": [{"@list": ["x"]}, "y"]}
            """));
        yield return ("language tags and typed values", Doc(ex, """
            "credentialSubject": {"type": ["AchievementSubject"],
              "ex:l": [{"@value": "colour", "@language": "en-GB"}, {"@value": "Farbe", "@language": "de"}, {"@value": "x", "@language": "EN-us"}],
              "ex:t": [{"@value": "2026-01-01", "@type": "xsd:date"}, {"@value": "P2Y", "@type": "xsd:duration"}, {"@value": "v", "@type": "ex:custom"}]}
            """));
        // Not @direction: the npm cryptosuite turns {"@value", "@language": "ar", "@direction": "rtl"} into
        // "…"^^<https://www.w3.org/ns/i18n#ar_rtl> (rdfDirection i18n-datatype); ours drops the direction ("…"@ar),
        // so a credential with a base direction would not verify there (tests/verify-js/README.md).
        yield return ("blank node ids, @reverse, multiple types", Doc(ex + """, "parentOf": {"@reverse": "ex:childOf"}""", """
            "credentialSubject": {"id": "_:me", "type": ["AchievementSubject", "ex:Person", "ex:Person"],
              "ex:knows": [{"id": "_:friend", "ex:knows": {"id": "_:me"}}, {"ex:name": "anonymous"}],
              "parentOf": [{"id": "_:kid", "ex:name": "kid"}]}
            """));
        yield return ("escapes and unusual characters in strings", Doc(ex, """
            "name": "Quote \" backslash \\ tab \t newline \n return \r nul \u0000 bell \u0007 del \u007f ls \u2028 astral \ud834\udd1e é",
            "credentialSubject": {"type": ["AchievementSubject"], "ex:empty": "", "ex:space": "  "}
            """));
        yield return ("IRIs: relative, fragment, query, non-ASCII, compact", Doc(ex, """
            "credentialSubject": {"type": ["AchievementSubject"], "id": "https://example.org/people/ä?x=1&y=2#frag",
              "ex:link": [{"id": "https://example.org/a%20b"}, {"id": "urn:uuid:1b2c"}, {"id": "ex:compact"}, {"id": "relative/path"}]}
            """));
        yield return ("a named graph", """
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", {"ex": "https://example.org/vocab#"}],
              "@id": "https://example.org/g",
              "@graph": [
                {"id": "https://example.org/a", "ex:p": {"id": "_:b"}},
                {"id": "_:b", "ex:q": "v", "ex:r": {"@graph": {"ex:s": "in a nested graph"}}}
              ]
            }
            """);
        yield return ("evidence, results and alignment as OB writes them", Doc(ex, """
            "credentialSubject": {"type": ["AchievementSubject"],
              "result": [{"type": ["Result"], "resultDescription": "https://example.org/b#r1", "achievedLevel": "https://example.org/b#l2", "status": "Completed"}],
              "achievement": {"id": "https://example.org/b", "type": ["Achievement"], "name": "B", "description": "d", "criteria": {"narrative": "n"},
                "alignment": [{"type": ["Alignment"], "targetName": "T", "targetUrl": "https://example.org/t", "targetType": "ceasn:Competency"}],
                "resultDescription": [{"id": "https://example.org/b#r1", "type": ["ResultDescription"], "name": "R", "resultType": "RubricCriterionLevel",
                  "rubricCriterionLevel": [{"id": "https://example.org/b#l2", "type": ["RubricCriterionLevel"], "name": "L", "level": "2", "points": "3"}]}]}},
            "evidence": [{"id": "https://example.org/e", "type": ["Evidence"], "name": "E", "narrative": "**md**", "genre": "Artifact"}]
            """));
    }

    // ------------------------------------------------------------------ tricky datasets

    private const string Ex = "http://example.org/";

    private static RdfTerm B(string label) => RdfTerm.Blank(label);

    private static RdfTerm I(string name) => RdfTerm.Iri(Ex + name);

    private static Quad Q(RdfTerm s, string p, RdfTerm o, RdfTerm? g = null) => new(s, I(p), o, g);

    /// <summary>Undirected edges as both directions, over blank nodes n0…</summary>
    private static List<Quad> Undirected(IEnumerable<(int A, int B)> edges, string predicate = "knows") =>
        [.. edges.SelectMany(e => new[] { Q(B($"n{e.A}"), predicate, B($"n{e.B}")), Q(B($"n{e.B}"), predicate, B($"n{e.A}")) })];

    private static List<Quad> Cycle(int length, string prefix = "c", string predicate = "next") =>
        [.. Enumerable.Range(0, length).Select(i => Q(B($"{prefix}{i}"), predicate, B($"{prefix}{(i + 1) % length}")))];

    private static IEnumerable<(string Name, IReadOnlyList<Quad> Quads)> TrickyDatasets(Random random)
    {
        for (var n = 1; n <= 10; n++) yield return ($"a cycle of {n}", Cycle(n));
        for (var n = 2; n <= 6; n++) yield return ($"two disjoint cycles of {n}", [.. Cycle(n, "a"), .. Cycle(n, "b")]);
        yield return ("cycles of 3 and 6 (same first-degree hashes, not isomorphic)", [.. Cycle(3, "a"), .. Cycle(6, "b")]);
        yield return ("cycles of 2, 2 and 4", [.. Cycle(2, "a"), .. Cycle(2, "b"), .. Cycle(4, "c")]);
        yield return ("a cycle of 6 with one node marked", [.. Cycle(6), Q(B("c3"), "mark", RdfTerm.Literal("x"))]);
        yield return ("a cycle of 5 linked both ways", [.. Cycle(5), .. Enumerable.Range(0, 5).Select(i => Q(B($"c{(i + 1) % 5}"), "prev", B($"c{i}")))]);
        yield return ("a cycle of 8 with alternating predicates", [.. Enumerable.Range(0, 8).Select(i => Q(B($"c{i}"), i % 2 == 0 ? "p" : "q", B($"c{(i + 1) % 8}")))]);
        for (var k = 2; k <= 8; k += 2)
            yield return ($"a star with {k} indistinguishable leaves", [.. Enumerable.Range(0, k).Select(i => Q(B("hub"), "spoke", B($"leaf{i}")))]);
        yield return ("K2,3", Undirected(from a in new[] { 0, 1 } from b in new[] { 2, 3, 4 } select (a, b)));
        yield return ("K3,3", Undirected(from a in new[] { 0, 1, 2 } from b in new[] { 3, 4, 5 } select (a, b)));
        yield return ("K4 (a clique, directed both ways)", Undirected(from a in Enumerable.Range(0, 4) from b in Enumerable.Range(0, 4) where a < b select (a, b)));
        yield return ("the cube graph", Undirected(from a in Enumerable.Range(0, 8) from bit in new[] { 1, 2, 4 } where (a & bit) == 0 select (a, a | bit)));
        yield return ("the Petersen graph", Undirected([(0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (0, 5), (1, 6), (2, 7), (3, 8), (4, 9), (5, 7), (7, 9), (9, 6), (6, 8), (8, 5)]));
        yield return ("a 3x3 grid", Undirected(from r in Enumerable.Range(0, 3) from c in Enumerable.Range(0, 3)
                                                   from d in new[] { (0, 1), (1, 0) } where r + d.Item1 < 3 && c + d.Item2 < 3
                                                   select (r * 3 + c, (r + d.Item1) * 3 + c + d.Item2)));
        yield return ("a binary tree of 31 blank nodes", [.. Enumerable.Range(1, 15).SelectMany(i => new[] { Q(B($"t{i}"), "child", B($"t{2 * i}")), Q(B($"t{i}"), "child", B($"t{2 * i + 1}")) })]);
        yield return ("a chain of 300 blank nodes", [.. Enumerable.Range(0, 299).Select(i => Q(B($"k{i}"), "next", B($"k{i + 1}"))), Q(B("k299"), "end", RdfTerm.Literal("end"))]);
        yield return ("200 blank nodes alike", [.. Enumerable.Range(0, 200).Select(i => Q(B($"u{i}"), "value", RdfTerm.Literal("same")))]);
        yield return ("blank nodes told apart only by literals whose code point and UTF-16 orders differ",
            [.. new[] { "a", "Z", "é", "\uFFFD", "\U0001D11E", "\uE000", "" }.Select((v, i) => Q(B($"v{i}"), "value", RdfTerm.Literal(v)))]);
        yield return ("literals with escapes, languages and datatypes", Literals());
        yield return ("named graphs", NamedGraphs());
        yield return ("a blank node graph name that is also a subject", [Q(B("g"), "label", RdfTerm.Literal("graph"), null), Q(B("x"), "in", B("y"), B("g")), Q(B("y"), "in", B("x"), B("g"))]);
        yield return ("the same triple in the default graph and two graphs", [Q(B("s"), "p", B("o")), Q(B("s"), "p", B("o"), I("g1")), Q(B("s"), "p", B("o"), B("g2"))]);
        yield return ("IRIs with non-ASCII characters and escapes", [Q(B("a"), "ä", RdfTerm.Iri(Ex + "a%20b?c=d#e")), Q(B("a"), "p", RdfTerm.Iri("urn:x-\u00E9:\U0001F600"))]);
        for (var i = 0; i < 40; i++) yield return ($"random graph #{i}", RandomGraph(random));
    }

    private static List<Quad> Literals()
    {
        var values = new[]
        {
            "", "plain", "quote \" backslash \\ newline \n return \r tab \t", "backspace \b formfeed \f",
            // Not U+FFFE and U+FFFF: RDFC-1.0 (appendix A, canonical N-Quads) says characters outside XML 1.1's Char
            // take UCHAR, as ours writes them (Rdfc10Tests); rdf-canonize 5.0.0 writes them as themselves.
            "controls \u0000\u0001\u0007\u000B\u000E\u001F\u007F", "non-characters \uFDD0\U0001FFFE", "astral \U0001F600 \U0001D11E",
            "combining e\u0301 vs \u00E9", "line separator \u2028 paragraph \u2029", "  leading and trailing  ",
        };
        var quads = new List<Quad>();
        for (var i = 0; i < values.Length; i++)
        {
            quads.Add(Q(B("lit"), "plain", RdfTerm.Literal(values[i])));
            quads.Add(Q(B("lit"), "lang", RdfTerm.Literal(values[i], language: i % 3 == 0 ? "en" : i % 3 == 1 ? "en-US" : "de-CH-1996")));
            quads.Add(Q(B("lit"), "typed", RdfTerm.Literal(values[i], Ex + "type" + i % 2)));
        }
        quads.Add(Q(B("lit"), "int", RdfTerm.Literal("42", "http://www.w3.org/2001/XMLSchema#integer")));
        quads.Add(Q(B("lit"), "int", RdfTerm.Literal("042", "http://www.w3.org/2001/XMLSchema#integer")));
        quads.Add(Q(B("lit"), "bool", RdfTerm.Literal("true", "http://www.w3.org/2001/XMLSchema#boolean")));
        quads.Add(Q(B("lit"), "json", RdfTerm.Literal("{\"a\":[1,\"é\"]}", "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")));
        quads.Add(Q(B("lit"), "date", RdfTerm.Literal("2026-03-10T00:00:00Z", "http://www.w3.org/2001/XMLSchema#dateTime")));
        // Two blank nodes whose only difference is a literal's language or datatype.
        quads.Add(Q(B("l1"), "v", RdfTerm.Literal("x", language: "en")));
        quads.Add(Q(B("l2"), "v", RdfTerm.Literal("x", language: "fr")));
        quads.Add(Q(B("l3"), "v", RdfTerm.Literal("x")));
        quads.Add(Q(B("l4"), "v", RdfTerm.Literal("x", Ex + "t")));
        return quads;
    }

    private static List<Quad> NamedGraphs()
    {
        var quads = new List<Quad>();
        foreach (var g in new RdfTerm?[] { null, I("g1"), B("g2"), B("g3") })
        {
            quads.AddRange(Cycle(3).Select(q => q with { Graph = g }));
            quads.Add(Q(B("c0"), "tag", RdfTerm.Literal("t"), g));
        }
        return quads;
    }

    private static List<Quad> RandomGraph(Random random)
    {
        var nodes = random.Next(3, 16);
        var edges = random.Next(nodes, nodes * 3);
        var predicates = new[] { "p", "q" };
        var quads = new List<Quad>();
        for (var e = 0; e < edges; e++)
        {
            var graph = random.Next(8) switch { 0 => I("g"), 1 => B($"n{random.Next(nodes)}"), _ => null };
            var subject = B($"n{random.Next(nodes)}");
            var obj = random.Next(6) == 0 ? RdfTerm.Literal(random.Next(3).ToString()) : B($"n{random.Next(nodes)}");
            quads.Add(new Quad(subject, I(predicates[random.Next(predicates.Length)]), obj, graph));
        }
        return quads;
    }

    /// <summary>The dataset with fresh blank node labels, shuffled, with its first quad repeated.</summary>
    private static List<Quad> Relabel(IReadOnlyList<Quad> quads, Random random)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        RdfTerm? Map(RdfTerm? term) => term is { IsBlank: true }
            ? RdfTerm.Blank(labels.TryGetValue(term.Value, out var l) ? l : labels[term.Value] = $"r{random.Next(1_000_000)}x{labels.Count}")
            : term;
        var copy = quads.Select(q => new Quad(Map(q.Subject)!, q.Predicate, Map(q.Object)!, Map(q.Graph))).ToList();
        if (copy.Count > 0) copy.Add(copy[0]);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(copy));
        return copy;
    }
}
