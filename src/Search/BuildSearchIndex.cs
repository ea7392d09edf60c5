using System.Globalization;
using System.Text.Json.Serialization;
using CredentialSite.Analyze;
using CredentialSite.Markdown;
using CredentialSite.Model;
using CredentialSite.Render;
using CredentialSite.StructuredData;
using CredentialSite.Write;

namespace CredentialSite.Search;

/// <summary>
/// Builds the static search index from the catalog (never from the rendered HTML). It is split so a
/// query downloads only what it needs: a small manifest, the facet table, the term shards of the
/// query's words (terms are sharded by their first two characters, large shards by three) and the document chunks of the
/// results shown. Everything grows linearly with the catalog. People appear only as the privacy stage
/// left them. Read by theme/static/js/search.js.
/// </summary>
public static class BuildSearchIndex
{
    public const int ChunkSize = 100;

    /// <summary>Estimated raw size above which a term shard is split by the next character.</summary>
    public const int SplitShardBytes = 48 * 1024;

    /// <summary>Documents scored in one run (see <see cref="Run"/>).</summary>
    public const int RunLength = 2048;

    /// <summary>The longest prefix a shard is named by (search.js SHARD_DEPTH).</summary>
    public const int ShardDepth = 4;

    private sealed record Doc(string Type, string Id, string Title, string Url, string? Summary, string Meta,
        List<(string Text, int Weight)> Fields, List<(string Facet, string Value)> Facets, double Rigor, int Date, bool Retired);

    public sealed record FacetInfo(string Key, string Label, IReadOnlyList<string> Values);

    public sealed record Manifest(int Version, int Docs, int Chunk, IReadOnlyList<string> Shards, IReadOnlyList<FacetInfo> Facets,
        IReadOnlyList<string> Sorts);

    public sealed record FacetTable(
        [property: JsonPropertyName("f")] IReadOnlyList<IReadOnlyList<int>> Values,
        [property: JsonPropertyName("name")] IReadOnlyList<int> NameRank,
        [property: JsonPropertyName("rigor")] IReadOnlyList<int> Rigor,
        [property: JsonPropertyName("date")] IReadOnlyList<int> Date,
        [property: JsonPropertyName("retired")] IReadOnlyList<int> Retired);

    private static readonly (string Key, string Label)[] FacetDefs =
    [
        ("type", "Result type"), ("tier", "Tier"), ("cluster", "Competency cluster"), ("competency", "Competency"),
        ("issuer", "Issuer"), ("vetting", "Issuer vetting"), ("method", "Assessment method"), ("rigor", "Assessment rigor"),
        ("impact", "Business impact"), ("required", "Required for role"), ("recommended", "Recommended for role"),
        ("renews", "Renews"), ("status", "Status"),
    ];

    /// <param name="runLength">Documents scored together on one thread (see below); any length gives the same files.</param>
    public static IReadOnlyList<OutputFile> Run(SiteIndex ix, ViewBuilder views, int splitShardBytes = SplitShardBytes, int runLength = RunLength)
    {
        var md = MarkdownRenderer.Instance;
        var docs = new List<Doc>();
        docs.AddRange(ix.Badges.AsParallel().AsOrdered().Select(b => BadgeDoc(ix, b, md)));
        foreach (var c in ix.CompetenciesById.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
            docs.Add(new Doc("Competency", c.Id, c.Name, $"competencies/{c.Id}/", FirstLine(md.PlainText(c.Description)), c.Cluster ?? "",
                [(c.Name, 10), (c.Cluster ?? "", 3), (md.PlainText(c.Description), 2), (string.Join(" ", c.Behaviors), 2)],
                [("type", "Competency"), ("cluster", c.Cluster ?? "Other")], -1, 0, false));
        foreach (var r in ix.RolesById.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var ladder = ix.LaddersById[r.LadderId].Name;
            docs.Add(new Doc("Role", r.Id, r.Name, $"roles/{r.Id}/", r.Summary, ladder + (r.Level is { } l ? $", level {l}" : ""),
                [(r.Name, 10), (r.Summary ?? "", 3), (ladder, 3)], [("type", "Role")], -1, 0, false));
        }
        var peopleById = ix.People.ToDictionary(x => x.Id, StringComparer.Ordinal);
        foreach (var p in views.People())
        {
            var person = peopleById[p.Id];
            // A revoked badge is not held: searching for it does not find the person.
            var held = string.Join(" ", person.Badges.Where(e => !e.IsRevoked(ix.AsOf)).Select(e => ix.AllBadgesById.GetValueOrDefault(e.Badge)?.Name ?? ""));
            docs.Add(new Doc("Person", p.Id, p.Name, p.Url, p.Headline, p.Current?.Name ?? "",
                [(p.Name, 10), (p.Headline ?? "", 3), (held, 2)], [("type", "Person")], -1, 0, false));
        }

        // Facet values get global ids; each document lists the ids it has.
        var values = FacetDefs.ToDictionary(f => f.Key, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var d in docs) foreach (var (f, v) in d.Facets) values[f].Add(v);
        var ids = new Dictionary<(string, string), int>();
        var facetInfos = new List<FacetInfo>();
        var next = 0;
        foreach (var (key, label) in FacetDefs)
        {
            var list = values[key].ToList();
            foreach (var v in list) ids[(key, v)] = next++;
            facetInfos.Add(new FacetInfo(key, label, list));
        }

        // Inverted index: term → (doc, score); score = Σ field weight × occurrences (capped) × idf, as an integer.
        // Runs of consecutive documents are scored in parallel, each into its own postings, in document order; the runs'
        // lists are then joined in run order, so every term's list is in document order (no sort needed). What a
        // document scored is added at once, not kept until all are scored (at 100,000 badges that was a gigabyte).
        var runs = Enumerable.Range(0, (docs.Count + runLength - 1) / runLength).AsParallel().AsOrdered().Select(run =>
        {
            // One table of the run's terms, each with the document it is scoring: a term gets its string once per run,
            // not once per document that has it.
            var own = new Dictionary<string, Term>(StringComparer.Ordinal);
            var lookup = own.GetAlternateLookup<ReadOnlySpan<char>>();
            var touched = new List<Term>();
            var (doc, weight) = (0, 0);
            void Add(ReadOnlySpan<char> token)
            {
                ref var term = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, token, out _);
                term ??= new Term();
                if (term.Doc != doc)
                {
                    (term.Doc, term.Score) = (doc, 0);
                    touched.Add(term);
                }
                term.Score = Math.Min(term.Score + weight, ScoreCap); // whole weights and a whole cap: an exact int
            }
            Tokenizer.TokenSink sink = Add;
            for (doc = run * runLength; doc < Math.Min(docs.Count, (run + 1) * runLength); doc++)
            {
                foreach (var field in docs[doc].Fields)
                {
                    weight = field.Weight;
                    Tokenizer.Tokens(field.Text, sink);
                }
                foreach (var term in touched) term.Postings.Add((doc, term.Score));
                touched.Clear();
            }
            return own;
        }).ToList();
        var postings = runs.Count > 0 ? runs[0] : new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var run in runs.Skip(1))
            foreach (var (token, term) in run)
            {
                ref var all = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(postings, token, out _);
                if (all is null) all = term;
                else all.Postings.AddRange(term.Postings);
            }
        var n = docs.Count;
        // Each term's list is encoded in parallel. (The order of the terms does not matter: shards are sorted by term.)
        var byPrefix = new Dictionary<string, List<(string Term, int[] Postings)>>(StringComparer.Ordinal);
        foreach (var (term, key, flat) in postings.AsParallel().AsOrdered().Select(kv =>
                 {
                     var idf = Math.Log(1 + (double)n / kv.Value.Postings.Count);
                     return (kv.Key, Tokenizer.ShardKey(kv.Key),
                         GapEncoded(kv.Value.Postings.Select(p => (p.Doc, Math.Max(1, (int)Math.Round(p.Score * idf * 10)))), kv.Value.Postings.Count));
                 }))
        {
            ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byPrefix, key, out _);
            (list ??= []).Add((term, flat));
        }
        // A large shard (a common prefix such as "re") is split by the next character, up to four, so a query
        // fetches and parses less; the split shard's own name keeps the terms no longer than its prefix. Prefixes are
        // independent: each is split on its own thread, and the shards are put in name order after.
        var shards = new SortedDictionary<string, SortedDictionary<string, int[]>>(StringComparer.Ordinal);
        foreach (var made in byPrefix.AsParallel().Select(kv =>
                 {
                     var own = new List<(string, SortedDictionary<string, int[]>)>();
                     AddShard(own, kv.Key, 2, kv.Value, splitShardBytes, n);
                     return own;
                 }).ToList())
            foreach (var (key, shard) in made) shards.Add(key, shard);
        var files = new List<OutputFile>();
        var nameOrder = Enumerable.Range(0, n).OrderBy(i => docs[i].Title, StringComparer.OrdinalIgnoreCase).ThenBy(i => i).ToList();
        var nameRank = new int[n];
        for (var r = 0; r < n; r++) nameRank[nameOrder[r]] = r;
        var table = new FacetTable(
            docs.Select(d => (IReadOnlyList<int>)d.Facets.Select(f => ids[f]).Distinct().Order().ToList()).ToList(),
            nameRank,
            docs.Select(d => d.Rigor < 0 ? -1 : (int)Math.Round(d.Rigor * 10)).ToList(),
            docs.Select(d => d.Date).ToList(),
            Enumerable.Range(0, n).Where(i => docs[i].Retired).ToList());
        files.Add(new OutputFile("search/manifest.json", JsonLd.CompactBytes(new Manifest(1, n, ChunkSize, shards.Keys.ToList(), facetInfos,
            ["relevance", "name", "rigor", "newest"]))));
        files.Add(new OutputFile("search/facets.json", JsonLd.CompactBytes(table)));
        files.AddRange(shards.AsParallel().AsOrdered().Select(kv => new OutputFile($"search/t/{kv.Key}.json", JsonLd.CompactBytes(kv.Value))));
        for (var c = 0; c * ChunkSize < n; c++)
        {
            var chunk = docs.Skip(c * ChunkSize).Take(ChunkSize)
                .Select(d => new[] { d.Type, d.Title, d.Url, d.Summary ?? "", d.Meta }).ToList();
            files.Add(new OutputFile($"search/d/{c}.json", JsonLd.CompactBytes(chunk)));
        }
        return files;
    }

    /// <summary>A term's score in a field's document is capped at this (whole weights: the scores are whole).</summary>
    private const int ScoreCap = 40;

    /// <summary>A term of one run: its postings, and the document being scored with its score so far.</summary>
    private sealed class Term
    {
        public int Doc = -1;
        public int Score;
        public readonly List<(int Doc, int Score)> Postings = [];
    }

    private static Doc BadgeDoc(SiteIndex ix, Badge b, MarkdownRenderer md)
    {
        var issuer = ix.IssuersById.GetValueOrDefault(b.Issuer);
        var competencies = b.Competencies.Select(c => ix.CompetenciesById.GetValueOrDefault(c.Competency)).OfType<Competency>().ToList();
        var rigor = ix.Rigor[b.Id];
        var facets = new List<(string, string)> { ("type", "Badge"), ("tier", Words.Title(b.Tier)), ("status", Words.Title(b.Status)),
            ("rigor", Words.Title(rigor.Band)), ("renews", b.Renewal?.ValidFor is null ? "No" : "Yes") };
        if (issuer is not null)
        {
            facets.Add(("issuer", issuer.Name));
            facets.Add(("vetting", Words.Title(ix.Vetting[issuer.Id].Band)));
        }
        facets.AddRange(competencies.Select(c => ("competency", c.Name)));
        facets.AddRange(competencies.Select(c => ("cluster", c.Cluster ?? "Other")));
        facets.AddRange(b.Assessment.Select(a => ("method", Vocabulary.MethodsById[a.Method].Name)));
        facets.AddRange(b.Impact.Select(i => ("impact", Words.Title(i))));
        facets.AddRange(ix.RolesRequiring[b.Id].Select(r => ("required", r.Name)));
        facets.AddRange(ix.RolesRecommending[b.Id].Select(r => ("recommended", r.Name)));
        var date = b.Governance?.Changelog.Select(c => c.Date).Max() is { } d ? int.Parse(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : 0;
        var meta = $"{Words.Title(b.Tier)} · {issuer?.Name ?? b.Issuer} · rigor {rigor.Display}" + (b.IsRetired ? " · retired" : "");
        // A field of many texts (tags, rubric descriptors, ...) is scored text by text, with the same weight: the same
        // scores as their joined text (a token never spans two texts; a term's score only adds up, to its cap), without
        // a copy of every badge's rubric held until the index is done.
        var criteria = b.Rubric?.Criteria ?? [];
        return new Doc("Badge", b.Id, b.Name, $"badges/{b.Id}/", b.Summary, meta,
            [(b.Name, 10), (b.HumanCode ?? "", 8), .. b.Tags.Select(t => (t, 6)), .. competencies.Select(c => (c.Name, 5)),
             (b.Summary ?? "", 4), (issuer?.Name ?? "", 3), (md.PlainText(b.Description), 2), (md.PlainText(b.Criteria), 2),
             .. b.Competencies.SelectMany(c => c.Behaviors).Select(x => (x, 2)), .. criteria.Select(c => (c.Name, 2)),
             .. criteria.SelectMany(c => c.Levels).Select(l => (l.Value, 1))],
            facets.Distinct().ToList(), rigor.Value, date, b.IsRetired);
    }

    /// <summary>Adds the shard named <paramref name="key"/>, or splits it by the next character when it is
    /// large. A split shard keeps its own file with the terms no longer than its prefix and a <c>*</c> entry:
    /// each document's best score over every term under the prefix, so a short prefix query reads one file.</summary>
    private static void AddShard(List<(string Key, SortedDictionary<string, int[]> Shard)> shards, string key, int depth,
        List<(string Term, int[] Postings)> terms, int splitBytes, int docCount)
    {
        var shard = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        if (depth < ShardDepth && terms.Sum(e => e.Term.Length + 6 + e.Postings.Length * 3) > splitBytes)
        {
            foreach (var group in terms.GroupBy(e => Tokenizer.ShardKey(e.Term, depth + 1), StringComparer.Ordinal))
            {
                if (group.Key == key) foreach (var (term, flat) in group) shard[term] = flat;
                else AddShard(shards, group.Key, depth + 1, group.ToList(), splitBytes, docCount);
            }
            shard["*"] = BestPerDoc(terms.Select(e => e.Postings), docCount);
        }
        else
        {
            foreach (var (term, flat) in terms) shard[term] = flat;
        }
        shards.Add((key, shard));
    }

    /// <summary>
    /// Merges gap-encoded (doc, score) posting lists, keeping each document's best score. Scores are at least 1, so a
    /// table of <paramref name="docCount"/> scores (0: not under this prefix), borrowed from the pool, replaces a map.
    /// </summary>
    private static int[] BestPerDoc(IEnumerable<int[]> lists, int docCount)
    {
        var best = System.Buffers.ArrayPool<int>.Shared.Rent(docCount);
        try
        {
            Array.Clear(best, 0, docCount);
            var count = 0;
            foreach (var flat in lists)
            {
                var doc = 0;
                for (var i = 0; i < flat.Length; i += 2)
                {
                    doc += flat[i];
                    if (best[doc] == 0) count++;
                    best[doc] = Math.Max(best[doc], flat[i + 1]);
                }
            }
            var table = best;
            return GapEncoded(Enumerable.Range(0, docCount).Where(doc => table[doc] > 0).Select(doc => (doc, table[doc])), count);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(best);
        }
    }

    /// <summary>
    /// (doc, score) pairs in document order as one flat array, each doc id stored as the gap from the previous one:
    /// small numbers compress well. search.js reads them back.
    /// </summary>
    private static int[] GapEncoded(IEnumerable<(int Doc, int Score)> byDoc, int count)
    {
        var flat = new int[count * 2];
        var k = 0;
        var previous = 0;
        foreach (var (doc, score) in byDoc)
        {
            flat[k++] = doc - previous;
            flat[k++] = score;
            previous = doc;
        }
        return flat;
    }

    private static string? FirstLine(string text) => text.Length == 0 ? null : text.Split('\n')[0];
}
