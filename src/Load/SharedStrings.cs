using System.Collections.Concurrent;

namespace CredentialSite.Load;

/// <summary>
/// One instance per distinct text read in a load: catalogs repeat many values across files (rubric level names,
/// assessment methods, issuers' governance texts, competency ids, ...), and YAML gives each occurrence its own
/// string. Kept only while the files are read; the records keep the shared strings.
/// </summary>
public sealed class SharedStrings
{
    private readonly ConcurrentDictionary<string, string> _table = new(StringComparer.Ordinal);

    public string? Share(string? text) => text is null ? null : _table.GetOrAdd(text, text);
}
