using System.Globalization;
using System.Text;

namespace CredentialSite.Search;

/// <summary>
/// Case- and accent-folding tokenizer. theme/static/js/search.js folds queries the same way
/// (lower case, NFD, combining marks removed, split on anything that is not a letter or digit).
/// </summary>
public static class Tokenizer
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Adds <paramref name="weight"/> to the score of each token of <paramref name="text"/> (folded as search.js folds a
    /// query; words of one letter are dropped, single digits kept), capped at <paramref name="cap"/>. A term already in
    /// the table is found by its characters, without making a string for it: a large catalog has tens of millions of
    /// occurrences and few distinct terms.
    /// </summary>
    public static void Score(string? text, double weight, Dictionary<string, double> scores, double cap)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var lookup = scores.GetAlternateLookup<ReadOnlySpan<char>>();
        void Add(ReadOnlySpan<char> token)
        {
            ref var score = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, token, out _);
            score = Math.Min(score + weight, cap);
        }
        // ASCII text (most catalog text) folds to its lower case with every other character a separator: the same
        // tokens as Fold, without normalizing and copying the whole text first.
        var ascii = System.Text.Ascii.IsValid(text);
        var folded = ascii ? text : Fold(text);
        Span<char> lower = stackalloc char[128];
        for (var i = 0; i < folded.Length;)
        {
            if (!IsWordChar(folded[i], ascii)) { i++; continue; }
            var start = i;
            while (i < folded.Length && IsWordChar(folded[i], ascii)) i++;
            var length = i - start;
            if (length < 2 && !char.IsDigit(folded[start])) continue;
            var token = folded.AsSpan(start, length);
            if (!ascii) Add(token);
            else if (length <= lower.Length)
            {
                System.Text.Ascii.ToLower(token, lower, out _);
                Add(lower[..length]);
            }
            else Add(token.ToString().ToLowerInvariant());
        }
    }

    // Fold leaves only letters and digits (and spaces); ASCII text is not folded, so test it here.
    private static bool IsWordChar(char c, bool ascii) => ascii ? char.IsAsciiLetterOrDigit(c) : c != ' ';

    /// <summary>A shard name: the term's first <paramref name="length"/> characters (two, or three for a
    /// split shard), file-name safe.</summary>
    public static string ShardKey(string term, int length = 2)
    {
        var head = term.Length >= length ? term[..length] : term;
        var sb = new StringBuilder();
        foreach (var c in head)
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString() : "x" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
