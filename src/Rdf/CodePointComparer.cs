namespace CredentialSite.Rdf;

/// <summary>
/// Orders strings by Unicode code point (as their UTF-8 bytes sort), which is the order RDFC-1.0 asks for.
/// Ordinal UTF-16 order differs only where a surrogate pair meets a character from U+E000 to U+FFFF.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b) return Fix(a).CompareTo(Fix(b));
        }
        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (D800-DFFF) stand for code points above FFFF: move them above E000-FFFF.
    private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
