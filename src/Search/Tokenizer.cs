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

    public static IEnumerable<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        // ASCII text (most catalog text) folds to its lower case with every other character a separator: the same
        // tokens as Fold, without normalizing and copying the whole text first.
        var ascii = System.Text.Ascii.IsValid(text);
        var folded = ascii ? text : Fold(text);
        for (var i = 0; i < folded.Length;)
        {
            if (!IsWordChar(folded[i], ascii)) { i++; continue; }
            var start = i;
            while (i < folded.Length && IsWordChar(folded[i], ascii)) i++;
            if (i - start < 2 && !char.IsDigit(folded[start])) continue;
            yield return ascii
                ? string.Create(i - start, (folded, start), static (span, s) => System.Text.Ascii.ToLower(s.folded.AsSpan(s.start, span.Length), span, out _))
                : folded[start..i];
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
