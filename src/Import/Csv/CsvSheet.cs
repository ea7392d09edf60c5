using CredentialSite.Diagnostics;
using nietras.SeparatedValues;

namespace CredentialSite.Import.Csv;

/// <summary>One data row of a CSV file: the file line it starts on (1-based; the header is line 1) and its cells.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV file read with Sep: the columns a command asks for, found by header name (case-insensitive, trimmed,
/// inner spaces collapsed; other columns are ignored), and the rows that are not blank. Comma or semicolon separated
/// (Sep detects which from the header), quoted cells may hold commas, quotes ("") and line breaks, a UTF-8 BOM is
/// skipped. A problem is reported as <c>FILE.csv:line:column</c>, the column being the 1-based field index.
/// </summary>
public sealed class CsvSheet
{
    private readonly Dictionary<string, int> _columns;

    private CsvSheet(string path, Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>The file as the user named it (diagnostics print it as given).</summary>
    public string Path { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(Key(column));

    /// <summary>The trimmed text of a column in a row ("" when the row is short or the column absent).</summary>
    public string Cell(CsvRow row, string column) =>
        _columns.TryGetValue(Key(column), out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";

    public SourceLocation At(CsvRow row, string column) =>
        new(Path, row.Line, _columns.TryGetValue(Key(column), out var i) ? i + 1 : 1);

    /// <summary>Reads the file; null (with CS0301 diagnostics) when it has no header, a required column is missing or a quote is not closed.</summary>
    public static CsvSheet? Read(string file, string path, IReadOnlyList<string> required, IReadOnlyList<string> optional, DiagnosticBag diags)
    {
        var text = File.ReadAllText(file); // detects and drops a BOM
        if (string.IsNullOrWhiteSpace(text))
        {
            diags.Error(DiagnosticCodes.CsvFormat, new SourceLocation(path, 1, 1), "the file is empty",
                $"the first line names the columns: {string.Join(", ", required)}");
            return null;
        }
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = reader.Header.ColNames;
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            var key = Key(names[i]);
            if (key.Length == 0) continue;
            if (!columns.TryAdd(key, i) && (required.Any(r => Key(r) == key) || optional.Any(o => Key(o) == key)))
            {
                diags.Error(DiagnosticCodes.CsvFormat, new SourceLocation(path, 1, i + 1), $"the column '{names[i].Trim()}' is repeated",
                    $"column {columns[key] + 1} has the same name; remove or rename one of them");
                ok = false;
            }
        }
        foreach (var column in required.Where(c => !columns.ContainsKey(Key(c))))
        {
            diags.Error(DiagnosticCodes.CsvFormat, new SourceLocation(path, 1, 1), $"no column '{column}'",
                names.Count == 0 ? $"the first line names the columns: {string.Join(", ", required)}"
                    : Suggest.Closest(column, names.Select(n => n.Trim())) is { } near ? $"did you mean '{near}'? (the header needs: {string.Join(", ", required)})"
                    : $"the header needs: {string.Join(", ", required)}; it has: {string.Join(", ", names.Select(n => n.Trim()))}");
            ok = false;
        }
        var rows = new List<CsvRow>();
        foreach (var row in reader)
        {
            // An odd number of quotes means a quoted cell that never closes: Sep would read the rest of the file into it.
            if (row.Span.Count('"') % 2 == 1)
            {
                diags.Error(DiagnosticCodes.CsvFormat, new SourceLocation(path, row.LineNumberFrom, row.ColCount),
                    "a quoted cell is not closed", "end the cell with a quote; write a quote inside a quoted cell as \"\"");
                ok = false;
                continue;
            }
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = row[i].ToString();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow(row.LineNumberFrom, cells));
        }
        return ok ? new CsvSheet(path, columns, rows) : null;
    }

    private static string Key(string header) =>
        string.Join(' ', header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
