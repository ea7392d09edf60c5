using System.Collections.Concurrent;

namespace CredentialSite.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage (thread-safe: stages run in parallel).
/// Stages keep going past a bad file so that one run reports every problem.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, message, at, hint));

    public void Warning(string code, SourceLocation at, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, message, at, hint));

    /// <summary>Every diagnostic, in the order reported.</summary>
    public IEnumerable<Diagnostic> All => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    /// <summary>All diagnostics in a stable order: by file, line, column, code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
        .Distinct()
        .ToList();
}
