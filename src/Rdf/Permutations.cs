namespace CredentialSite.Rdf;

/// <summary>Every ordering of a list (Heap's algorithm, each ordering a fresh array).</summary>
public static class Permutations
{
    public static IEnumerable<string[]> Of(IReadOnlyList<string> items)
    {
        var current = items.ToArray();
        var counters = new int[current.Length];
        yield return (string[])current.Clone();
        var i = 0;
        while (i < current.Length)
        {
            if (counters[i] < i)
            {
                var swapWith = i % 2 == 0 ? 0 : counters[i];
                (current[swapWith], current[i]) = (current[i], current[swapWith]);
                yield return (string[])current.Clone();
                counters[i]++;
                i = 0;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
    }
}
