namespace CredentialSite.Analyze;

/// <summary>
/// Records by the ids they name (badges by the badge they stack into, roles by a badge they require, ...): each record
/// once per id, in the order of the records. The first few lookups scan the records; the map of every id is made when
/// more are asked for. Rendering one page ahead (<c>serve</c>) asks for a handful, a build for all of them; the answer
/// is the same either way.
/// </summary>
public sealed class ReverseLinks<T> where T : class
{
    /// <summary>Lookups answered by a scan before the map is made (a scan costs a small fraction of the map).</summary>
    internal const int Scans = 16;

    private readonly IReadOnlyList<T> _records;
    private readonly Func<T, IEnumerable<string>> _ids;
    private readonly Lazy<Dictionary<string, IReadOnlyList<T>>> _map;
    private int _lookups;

    public ReverseLinks(IReadOnlyList<T> records, Func<T, IEnumerable<string>> ids)
    {
        _records = records;
        _ids = ids;
        _map = new(Map);
    }

    /// <summary>The records that name <paramref name="id"/> (empty when none does).</summary>
    public IReadOnlyList<T> this[string id] =>
        !_map.IsValueCreated && Interlocked.Increment(ref _lookups) <= Scans ? Scan(id)
        : _map.Value.TryGetValue(id, out var list) ? list : [];

    private IReadOnlyList<T> Scan(string id)
    {
        List<T>? found = null;
        foreach (var record in _records)
            if (_ids(record).Contains(id, StringComparer.Ordinal)) (found ??= []).Add(record);
        return found ?? [];
    }

    private Dictionary<string, IReadOnlyList<T>> Map()
    {
        var lists = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var record in _records)
            foreach (var id in _ids(record))
            {
                ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lists, id, out _);
                list ??= [];
                // A record naming an id twice (a badge listing a competency twice) is still the last one of its list.
                if (list.Count == 0 || !ReferenceEquals(list[^1], record)) list.Add(record);
            }
        return lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<T>)kv.Value, StringComparer.Ordinal);
    }
}
