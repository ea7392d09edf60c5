namespace CredentialSite.Rdf;

/// <summary>
/// Every distinct ordering of a list, each a fresh array: lexicographic next-permutation from the sorted list, so a
/// list holding the same blank node several times (one related through several quads with the same related hash,
/// e.g. the same triple in several graphs) yields each distinct ordering once, not n! copies. Equal orderings give
/// equal paths in Hash N-Degree Quads, so the result is the same; only the work (and the work-factor count) is not.
/// </summary>
public static class Permutations
{
    public static IEnumerable<string[]> Of(IReadOnlyList<string> items)
    {
        var current = items.ToArray();
        Array.Sort(current, StringComparer.Ordinal);
        while (true)
        {
            yield return (string[])current.Clone();
            var i = current.Length - 2;
            while (i >= 0 && string.CompareOrdinal(current[i], current[i + 1]) >= 0) i--;
            if (i < 0) yield break;
            var j = current.Length - 1;
            while (string.CompareOrdinal(current[j], current[i]) <= 0) j--;
            (current[i], current[j]) = (current[j], current[i]);
            Array.Reverse(current, i + 1, current.Length - i - 1);
        }
    }
}
