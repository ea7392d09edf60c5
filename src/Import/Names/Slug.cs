using System.Text;
using CredentialSite.Search;

namespace CredentialSite.Import.Names;

/// <summary>Ids made from names as people write them: "Senior Software Engineer" → senior-software-engineer.</summary>
public static class Slug
{
    /// <summary>Lower case, accents dropped, every run of other characters one dash; "" when nothing is left.</summary>
    public static string From(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in Tokenizer.Fold(name))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }
}
