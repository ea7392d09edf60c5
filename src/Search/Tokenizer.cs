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

    /// <summary>Receives one token of a text (see <see cref="Tokens"/>); it lives only for the call.</summary>
    public delegate void TokenSink(ReadOnlySpan<char> token);

    /// <summary>
    /// Hands each token of <paramref name="text"/> to <paramref name="sink"/>, folded as search.js folds a query; words of
    /// one letter are dropped, single digits kept. No string is made for a token (a large catalog has tens of millions of
    /// occurrences and few distinct terms): the sink looks it up by its characters.
    /// </summary>
    public static void Tokens(string? text, TokenSink sink)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
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
            if (!ascii) sink(token);
            else if (length <= lower.Length)
            {
                System.Text.Ascii.ToLower(token, lower, out _);
                sink(lower[..length]);
            }
            else sink(token.ToString().ToLowerInvariant());
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
