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
        foreach (var token in Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (token.Length >= 2 || char.IsDigit(token[0])) yield return token;
    }

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
