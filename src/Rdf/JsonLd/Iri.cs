using System.Text;
using System.Text.RegularExpressions;

namespace CredentialSite.Rdf.JsonLd;

/// <summary>IRI helpers: is it absolute, is it a keyword, and RFC 3986 reference resolution (§5.2, no normalization).</summary>
public static partial class Iri
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^@[A-Za-z]+$")]
    private static partial Regex KeywordFormPattern();

    private static readonly HashSet<string> Keywords =
    [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@protected", "@propagate", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ];

    public static bool IsKeyword(string? value) => value is not null && Keywords.Contains(value);

    /// <summary>"@" followed by letters only: reserved for future keywords, ignored with a warning by processors.</summary>
    public static bool HasKeywordForm(string value) => KeywordFormPattern().IsMatch(value);

    public static bool IsAbsolute(string? value) => value is not null && SchemePattern().IsMatch(value);

    public static bool IsBlankNode(string? value) => value is not null && value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>An absolute IRI without characters IRIs cannot hold (space, &lt;, &gt;, ", {, }, |, ^, `, \, a second #).</summary>
    public static bool IsWellFormed(string value) =>
        IsAbsolute(value) && !value.Any(c => c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\') &&
        value.IndexOf('#') == value.LastIndexOf('#');

    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference)) return IsAbsolute(reference) ? WithDotSegmentsRemoved(reference) : reference;
        var b = Parts.Of(baseIri);
        var r = Parts.Of(reference);
        string? authority, path, query;
        if (r.Authority is not null)
        {
            (authority, path, query) = (r.Authority, RemoveDotSegments(r.Path), r.Query);
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path.StartsWith('/') ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }
        }
        var result = new StringBuilder(b.Scheme).Append(':');
        if (authority is not null) result.Append("//").Append(authority);
        result.Append(path);
        if (query is not null) result.Append('?').Append(query);
        if (r.Fragment is not null) result.Append('#').Append(r.Fragment);
        return result.ToString();
    }

    private static string WithDotSegmentsRemoved(string iri)
    {
        var p = Parts.Of(iri);
        if (!p.Path.Contains('.')) return iri;
        var result = new StringBuilder(p.Scheme).Append(':');
        if (p.Authority is not null) result.Append("//").Append(p.Authority);
        result.Append(p.Authority is not null || p.Path.StartsWith('/') ? RemoveDotSegments(p.Path) : p.Path);
        if (p.Query is not null) result.Append('?').Append(p.Query);
        if (p.Fragment is not null) result.Append('#').Append(p.Fragment);
        return result.ToString();
    }

    private static string Merge(Parts b, string referencePath)
    {
        if (b.Authority is not null && b.Path.Length == 0) return "/" + referencePath;
        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? referencePath : b.Path[..(slash + 1)] + referencePath;
    }

    private static string RemoveDotSegments(string path)
    {
        var input = path;
        var output = new List<string>();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal)) input = input[3..];
            else if (input.StartsWith("./", StringComparison.Ordinal)) input = input[2..];
            else if (input.StartsWith("/./", StringComparison.Ordinal)) input = input[2..];
            else if (input == "/.") input = "/";
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input == "/.." ? "/" : input[3..];
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
            }
            else if (input is "." or "..") input = "";
            else
            {
                var next = input.IndexOf('/', input.StartsWith('/') ? 1 : 0);
                var segment = next < 0 ? input : input[..next];
                output.Add(segment);
                input = next < 0 ? "" : input[next..];
            }
        }
        return string.Concat(output);
    }

    private sealed record Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment)
    {
        public static Parts Of(string iri)
        {
            string? fragment = null, query = null, authority = null, scheme = null;
            var hash = iri.IndexOf('#');
            if (hash >= 0) { fragment = iri[(hash + 1)..]; iri = iri[..hash]; }
            var question = iri.IndexOf('?');
            if (question >= 0) { query = iri[(question + 1)..]; iri = iri[..question]; }
            var match = SchemePattern().Match(iri);
            if (match.Success) { scheme = iri[..(match.Length - 1)]; iri = iri[match.Length..]; }
            if (iri.StartsWith("//", StringComparison.Ordinal))
            {
                var end = iri.IndexOf('/', 2);
                authority = end < 0 ? iri[2..] : iri[2..end];
                iri = end < 0 ? "" : iri[end..];
            }
            return new Parts(scheme, authority, iri, query, fragment);
        }
    }
}
