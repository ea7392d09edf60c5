using System.Text.Json;
using CredentialSite.Search;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Search;

/// <summary>
/// The term shards: split when large, named by the prefix they hold, and holding every term exactly once
/// whatever the split (search.js finds a term's shard by the same naming; the browser tests search the
/// sample through split shards).
/// </summary>
public sealed class SearchIndexTests
{
    private static Dictionary<string, Dictionary<string, int[]>> Shards(string output)
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search", "manifest.json"))).RootElement;
        var keys = manifest.GetProperty("shards").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(output, "search", "t"))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal));
        return keys.ToDictionary(k => k, k => JsonSerializer.Deserialize<Dictionary<string, int[]>>(
            File.ReadAllText(Path.Combine(output, "search", "t", k + ".json")))!);
    }

    [Fact]
    public void Large_shards_are_split_by_longer_prefixes_and_keep_every_term_once()
    {
        var root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "shards-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Check(root);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static void Check(string root)
    {
        var whole = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = Path.Combine(root, "whole") });
        var split = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = Path.Combine(root, "split"), SearchShardBytes = 600 });
        Assert.True(whole.Succeeded(false) && split.Succeeded(false));
        var big = Shards(Path.Combine(root, "whole"));
        var small = Shards(Path.Combine(root, "split"));

        // The sample's index is small: by default every shard is named by two characters.
        Assert.All(big.Keys, k => Assert.Equal(k, Tokenizer.ShardKey(big[k].Keys.First(), 2)));
        // With a 600-byte limit some shards are split by three and four characters.
        Assert.Contains(small.Keys, k => k.Length == 3);
        Assert.Contains(small.Keys, k => k.Length == 4);

        // Every term is in exactly one shard, with the same postings, and the shard is named by the term's start
        // (a shard named by a term's full text holds the terms that short).
        var terms = small.SelectMany(s => s.Value.Where(t => t.Key != "*").Select(t => (Key: s.Key, Term: t.Key, Postings: t.Value))).ToList();
        Assert.Equal(big.SelectMany(s => s.Value.Keys).Order(StringComparer.Ordinal), terms.Select(t => t.Term).Order(StringComparer.Ordinal));
        foreach (var (key, term, postings) in terms)
        {
            Assert.Contains(Enumerable.Range(2, BuildSearchIndex.ShardDepth - 1), d => Tokenizer.ShardKey(term, d) == key);
            Assert.Equal(big[Tokenizer.ShardKey(term, 2)][term], postings);
        }
        // A split shard's '*' entry holds each document's best score over every term under its prefix, so a
        // short prefix is answered from one file; only split shards and the deepest ones may exceed the limit.
        // (A one-digit term's shard is named by that digit and never split.)
        var splitKeys = small.Keys.Where(k => k.Length >= 2 && small.Keys.Any(c => c.Length > k.Length && c.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(splitKeys);
        foreach (var (key, shard) in small)
        {
            Assert.True(splitKeys.Contains(key) == shard.ContainsKey("*"), key);
            if (!shard.ContainsKey("*"))
            {
                Assert.True(key.Length == BuildSearchIndex.ShardDepth || shard.Sum(t => t.Key.Length + 6 + t.Value.Length * 3) <= 600, key);
                continue;
            }
            var expected = new SortedDictionary<int, int>();
            foreach (var (_, term, postings) in terms.Where(t => t.Key.StartsWith(key, StringComparison.Ordinal)))
                foreach (var (doc, score) in Decode(postings))
                    expected[doc] = Math.Max(expected.GetValueOrDefault(doc), score);
            Assert.Equal(expected.ToList(), Decode(shard["*"]).ToList());
        }
    }

    private static IEnumerable<KeyValuePair<int, int>> Decode(int[] flat)
    {
        var doc = 0;
        for (var i = 0; i < flat.Length; i += 2)
        {
            doc += flat[i];
            yield return new(doc, flat[i + 1]);
        }
    }
}

public sealed class SearchIndexRunsTests
{
    [Fact]
    public void TheIndex_IsTheSame_HoweverTheDocumentsAreSplitIntoRunsForScoring()
    {
        var diags = new CredentialSite.Diagnostics.DiagnosticBag();
        var catalog = CredentialSite.Load.LoadCatalog.Run(new CredentialSite.Load.SourceFolder(TestPaths.RepoRoot), BuildOptions.Default, diags)!;
        var index = new CredentialSite.Analyze.SiteIndex(CredentialSite.Privacy.ApplyConsent.Run(catalog), BuildOptions.Default);
        var views = new CredentialSite.Render.ViewBuilder(index);
        string Files(int runLength) => string.Join("\n", BuildSearchIndex.Run(index, views, 600, runLength)
            .Select(f => f.Path + "\t" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes()!))));

        var oneRun = Files(BuildSearchIndex.RunLength);
        Assert.True(index.Badges.Count + index.People.Count < BuildSearchIndex.RunLength); // the sample is one run
        Assert.Equal(oneRun, Files(1));
        Assert.Equal(oneRun, Files(7));
    }
}
