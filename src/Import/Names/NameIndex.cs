using CredentialSite.Diagnostics;

namespace CredentialSite.Import.Names;

/// <summary>
/// Finds a thing of one kind (badge, competency, role, ...) by what a person wrote in a spreadsheet cell: its id, or its
/// name in any case. An unknown text is a located CS0302 with a did-you-mean (a name that starts with or contains the
/// text counts as near); a name two things share is a CS0303 asking for the id.
/// </summary>
public sealed class NameIndex
{
    private readonly string _kind;
    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _labels = [];

    public NameIndex(string kind, IEnumerable<(string Id, string Name)> entries)
    {
        _kind = kind;
        foreach (var (id, name) in entries)
        {
            _ids.TryAdd(id, id);
            var key = Normalize(name);
            if (!_names.TryGetValue(key, out var list)) _names[key] = list = [];
            if (!list.Contains(id)) list.Add(id);
            _labels.Add(name);
        }
    }

    /// <summary>The id the text names, or null when it names nothing or more than one thing.</summary>
    public string? Find(string text) =>
        _ids.TryGetValue(text.Trim(), out var id) ? id
        : _names.TryGetValue(Normalize(text), out var ids) && ids.Count == 1 ? ids[0] : null;

    /// <summary>The id the text names; otherwise reports why not at <paramref name="at"/> and returns null.</summary>
    public string? Resolve(string text, SourceLocation at, DiagnosticBag diags)
    {
        if (Find(text) is { } id) return id;
        var trimmed = text.Trim();
        if (_names.TryGetValue(Normalize(text), out var ids) && ids.Count > 1)
        {
            diags.Error(DiagnosticCodes.CsvBadValue, at, $"{ids.Count} {_kind}s are named '{trimmed}'",
                $"write the id instead: {string.Join(", ", ids.Order(StringComparer.Ordinal))}");
            return null;
        }
        diags.Error(DiagnosticCodes.CsvUnknownName, at, $"unknown {_kind} '{trimmed}'", Hint(trimmed));
        return null;
    }

    private string Hint(string text)
    {
        var near = _labels.Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(l, StringComparison.OrdinalIgnoreCase))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (near.Count is > 0 and <= 3) return $"did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?";
        return Suggest.Hint(text, _labels.Concat(_ids.Keys), _kind);
    }

    private static string Normalize(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
