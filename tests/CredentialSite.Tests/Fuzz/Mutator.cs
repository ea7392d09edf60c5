using System.Text;

namespace CredentialSite.Tests.Fuzz;

/// <summary>
/// Makes a mutant of a source folder: one to three edits of the kinds a hurried or hostile author makes (a line
/// lost, doubled or moved, a bracket left open, a value replaced by a hostile one, a file cut short, bytes that are
/// not UTF-8), each applied to one text file. The same seed always gives the same mutant, and
/// <see cref="Mutant.Description"/> says what was done, so a failure can be read and replayed.
/// </summary>
public static class Mutator
{
    /// <summary>Values an author may write by mistake or on purpose, in place of a field's value.</summary>
    public static readonly string[] HostileValues =
    [
        "[", "{", "]", "}", "[a, {b: c}", "{ a: [1, 2", "\"unclosed", "'unclosed", "---", "...", "---\nsecond: document",
        "1e400", "-1e400", ".nan", ".inf", "-.inf", "-1", "0", "-0.5", "99999999999999999999", "2147483648", "1.7976931348623157e308",
        "P99999999999999999999Y", "P0D", "PT0S", "P1Y2M3DT4H", "P", "PT", "-P1Y", "P1.5Y", "P9999Y", "never",
        "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "20260101", "2026-1-1",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x",
        "../../../../etc/passwd", "/etc/passwd", "/proc/self/environ", "..", ".", "",
        "*unknown-alias", "&anchor value", "!!binary AAAA", "!!int abc", "!!map", "!custom x", "~", "null", "true", "yes", "no",
        "\"\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a:",
        "? complex key", "- list item", "key: value: other", "a\tb", "\t", "@reserved", "`backtick", "%YAML 1.2",
        "Ünïcödé ✓", "\u202Eevil", "x\u0000y", new string('a', 5000), string.Concat(Enumerable.Repeat("> ", 300)) + "deep",
        string.Concat(Enumerable.Repeat("- ", 120)) + "deep", "[x](javascript:alert(1))", "<!-- comment", "| \n  literal",
        ">-\n  folded",
    ];

    public sealed record Mutant(IReadOnlyDictionary<string, byte[]> Files, string Description);

    public static Mutant Apply(IReadOnlyDictionary<string, byte[]> files, ulong seed)
    {
        var rng = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var result = new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
        var texts = result.Keys.Where(IsText).Order(StringComparer.Ordinal).ToList();
        var done = new List<string>();
        var edits = 1 + rng.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var path = texts[rng.Next(texts.Count)];
            done.Add($"{path}: {Mutate(result, path, texts, rng)}");
        }
        return new Mutant(result, string.Join("; ", done));
    }

    private static bool IsText(string path) =>
        path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal);

    private static string Mutate(Dictionary<string, byte[]> files, string path, List<string> texts, Random rng)
    {
        var bytes = files[path];
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
        int Line() => rng.Next(Math.Max(1, lines.Count));
        string Hostile() => HostileValues[rng.Next(HostileValues.Length)];
        string Show(string s) => s.Length > 40 ? s[..40] + "…" : s.Replace("\n", "\\n").Replace("\t", "\\t");
        void Save() => files[path] = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        switch (rng.Next(12))
        {
            case 0 when lines.Count > 1:
            {
                var n = Line();
                lines.RemoveAt(n);
                Save();
                return $"line {n + 1} deleted";
            }
            case 1:
            {
                var n = Line();
                lines.Insert(n, lines[n]);
                Save();
                return $"line {n + 1} doubled";
            }
            case 2 when lines.Count > 1:
            {
                int a = Line(), b = Line();
                (lines[a], lines[b]) = (lines[b], lines[a]);
                Save();
                return $"lines {a + 1} and {b + 1} swapped";
            }
            case 3 or 4 or 5:
            {
                // A field's value replaced by a hostile one (the most common way to reach the loaders' checks).
                var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(": ", StringComparison.Ordinal)).ToList();
                if (candidates.Count == 0) goto default;
                var n = candidates[rng.Next(candidates.Count)];
                var at = lines[n].IndexOf(": ", StringComparison.Ordinal) + 2;
                var value = Hostile();
                lines[n] = lines[n][..at] + value.Replace("\n", "\n" + new string(' ', at));
                Save();
                return $"line {n + 1} value replaced by '{Show(value)}'";
            }
            case 6:
            {
                var n = Line();
                var value = Hostile();
                var col = rng.Next(lines[n].Length + 1);
                lines[n] = lines[n][..col] + value + lines[n][col..];
                Save();
                return $"'{Show(value)}' inserted at line {n + 1} column {col + 1}";
            }
            case 7:
            {
                var cut = rng.Next(bytes.Length + 1);
                files[path] = bytes[..cut];
                return $"cut after byte {cut}";
            }
            case 8 when bytes.Length > 0:
            {
                var copy = (byte[])bytes.Clone();
                var at = rng.Next(copy.Length);
                byte[] nasty = [0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0xFE, 0x00, (byte)'\t', (byte)':', (byte)'\r'];
                copy[at] = nasty[rng.Next(nasty.Length)];
                files[path] = copy;
                return $"byte {at} set to 0x{copy[at]:X2}";
            }
            case 9:
            {
                var n = Line();
                lines[n] = rng.Next(2) == 0 ? "  " + lines[n] : lines[n].TrimStart();
                Save();
                return $"line {n + 1} re-indented";
            }
            case 10:
            {
                // A line from another file (a field of another kind, or of the same kind elsewhere).
                var other = texts[rng.Next(texts.Count)];
                var from = Encoding.UTF8.GetString(files[other]).Split('\n');
                var line = from[rng.Next(from.Length)];
                var n = Line();
                lines.Insert(n, line);
                Save();
                return $"line '{Show(line)}' of {other} inserted at line {n + 1}";
            }
            case 11:
            {
                var n = Line();
                var depth = 50 + rng.Next(300);
                var value = rng.Next(2) == 0 ? string.Concat(Enumerable.Repeat("[", depth)) : string.Concat(Enumerable.Repeat("  - ", depth));
                lines.Insert(n, value);
                Save();
                return $"{depth}-deep nesting inserted at line {n + 1}";
            }
            default:
            {
                files[path] = [];
                return "emptied";
            }
        }
    }
}
