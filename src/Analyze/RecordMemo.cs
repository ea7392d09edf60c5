using System.Runtime.CompilerServices;

namespace CredentialSite.Analyze;

/// <summary>
/// A value derived from one catalog record, kept from one build to the next in a long-running process (<c>serve</c>).
/// Records of unchanged files are the same objects in the next build (see <see cref="Load.ParsedFiles"/>), so a value
/// is reused when its record is the same object and so is every other input it read: records by reference (a changed
/// file makes a new record), strings and numbers by value. Weakly keyed: a record nobody holds takes its value with it.
/// In a one-shot build every lookup misses once, which costs a table entry per record.
/// </summary>
public sealed class RecordMemo<TRecord, TValue> where TRecord : class
{
    private sealed record Entry(object?[] Inputs, TValue Value);

    private readonly ConditionalWeakTable<TRecord, Entry> _table = new();

    /// <summary>The value for <paramref name="record"/>, made again only when it or one of <paramref name="inputs"/> changed.</summary>
    public TValue Get(TRecord record, object?[] inputs, Func<TRecord, TValue> make)
    {
        if (_table.TryGetValue(record, out var entry) && Same(entry.Inputs, inputs)) return entry.Value;
        var value = make(record);
        _table.AddOrUpdate(record, new Entry(inputs, value));
        return value;
    }

    /// <summary>The value for a record that is its only input.</summary>
    public TValue Get(TRecord record, Func<TRecord, TValue> make) => Get(record, [], make);

    private static bool Same(object?[] a, object?[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (ReferenceEquals(a[i], b[i])) continue;
            // Records compare by reference on purpose: their value equality would walk whole badges.
            if (a[i] is string or ValueType && a[i]!.Equals(b[i])) continue;
            return false;
        }
        return true;
    }
}

/// <summary>A read-only map whose values are made from its records when first asked for, then kept for the map's life.</summary>
public sealed class RecordMap<TRecord, TValue>(IReadOnlyDictionary<string, TRecord> records, Func<TRecord, TValue> make)
    : IReadOnlyDictionary<string, TValue> where TRecord : class
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TValue> _made = new(StringComparer.Ordinal);

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        if (_made.TryGetValue(key, out value)) return true;
        if (!records.TryGetValue(key, out var record)) return false;
        value = _made.GetOrAdd(key, make(record));
        return true;
    }

    public bool ContainsKey(string key) => records.ContainsKey(key);

    public int Count => records.Count;

    public IEnumerable<string> Keys => records.Keys;

    public IEnumerable<TValue> Values => Keys.Select(k => this[k]);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, TValue>(k, this[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
