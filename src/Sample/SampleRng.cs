namespace CredentialSite.Sample;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64) for the sample generator. Its algorithm is
/// fixed here, unlike <see cref="Random"/>'s, so a seed gives the same catalog on every .NET version.
/// Independent streams (one per badge, portfolio, ...) keep each file's content independent of the order
/// in which the others were generated.
/// </summary>
internal sealed class SampleRng
{
    private ulong _state;

    public SampleRng(ulong seed, ulong stream = 0) => _state = Mix(seed ^ Mix(stream * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL));

    /// <summary>Stream numbers: a kind in the high bits, an index in the low ones.</summary>
    public static ulong Stream(int kind, int index) => ((ulong)kind << 40) | (uint)index;

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextU64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, n) (Lemire's multiply-shift; n must be positive).</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        return (int)(((UInt128)NextU64() * (ulong)n) >> 64);
    }

    /// <summary>A number in [lo, hi], both included.</summary>
    public int Range(int lo, int hi) => lo + Next(hi - lo + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (NextU64() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights) total += w;
        var r = Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Count - 1;
    }

    /// <summary><paramref name="k"/> distinct items (fewer if the list is shorter), in the list's order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int k)
    {
        k = Math.Min(k, items.Count);
        var chosen = new List<int>(k);
        if (k * 4 < items.Count)
        {
            while (chosen.Count < k)
            {
                var i = Next(items.Count);
                if (!chosen.Contains(i)) chosen.Add(i);
            }
        }
        else
        {
            var all = Enumerable.Range(0, items.Count).ToArray();
            Shuffle(all);
            chosen.AddRange(all.Take(k));
        }
        chosen.Sort();
        return chosen.Select(i => items[i]).ToList();
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
