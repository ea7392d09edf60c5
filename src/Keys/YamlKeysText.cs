using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Keys;

/// <summary>
/// Edits an issuer's YAML as text, so that comments, order and quoting stay as written: sets <c>retired:</c> on each key in
/// use and appends new keys at the end of the <c>keys:</c> list (or a new <c>keys:</c> at the end of the file).
/// </summary>
public static class YamlKeysText
{
    public static string? Edit(string text, Issuer issuer, string today, IReadOnlyList<IssuerKey> added, DiagnosticBag diags, string rel)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1); // the text's last newline
        if (issuer.Keys.Count == 0)
        {
            if (lines.FindIndex(l => l.StartsWith("keys:", StringComparison.Ordinal)) is var at and >= 0)
            {
                diags.Error(DiagnosticCodes.KeyInvalid, new SourceLocation(rel, at + 1, 1), "keys new appends to a list of keys; this keys: has none",
                    "remove the empty keys: line and run keys new again");
                return null;
            }
            lines.Add("keys:");
            lines.AddRange(Entries(added, 2));
            return string.Join(newline, lines) + newline;
        }
        var items = issuer.Keys.Select((k, i) => (Key: k, At: issuer.Spans.At($"keys[{i}]"))).ToList();
        var first = items[0].At;
        var dash = lines[first.Line - 1].LastIndexOf('-', Math.Max(0, first.Column - 2));
        if (dash < 0 || lines[first.Line - 1][first.Column - 1] == '{' || lines[first.Line - 1][..dash].Trim().Length > 0)
        {
            diags.Error(DiagnosticCodes.KeyInvalid, first, "keys new edits keys: written as a block list ('- id: …' lines)",
                "rewrite the keys as block lists of 'key: value' lines, then run keys new again");
            return null;
        }
        // The end of the list: the last line, from the last item on, that is indented deeper than its dashes or is one of them.
        var end = items[^1].At.Line - 1;
        for (var i = end + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var indent = line.Length - trimmed.Length;
            if (indent > dash || (indent == dash && trimmed.StartsWith("- ", StringComparison.Ordinal))) end = i;
            else break;
        }
        lines.InsertRange(end + 1, Entries(added, dash));
        // Retire the keys in use, bottom up so that earlier positions stay right: 'retired:' becomes each item's first field.
        foreach (var (key, at) in items.Where(x => !x.Key.IsRetired).OrderByDescending(x => x.At.Line))
        {
            var line = lines[at.Line - 1];
            var col = at.Column - 1;
            lines[at.Line - 1] = line[..col] + "retired: " + today;
            lines.Insert(at.Line, new string(' ', col) + line[col..]);
        }
        return string.Join(newline, lines) + newline;
    }

    private static IEnumerable<string> Entries(IReadOnlyList<IssuerKey> keys, int dash)
    {
        var pad = new string(' ', dash + 2);
        foreach (var k in keys)
        {
            yield return $"{new string(' ', dash)}- id: {k.Id}";
            yield return $"{pad}type: {k.Type}";
            yield return $"{pad}created: {k.Created:yyyy-MM-dd}";
            if (k.PublicKeyMultibase is { } mb) yield return $"{pad}publicKeyMultibase: {mb}";
            if (k.PublicKeyJwk is { } jwk)
            {
                yield return $"{pad}publicKeyJwk:";
                yield return $"{pad}  kty: RSA";
                yield return $"{pad}  n: {jwk.N}";
                yield return $"{pad}  e: {jwk.E}";
            }
        }
    }
}
