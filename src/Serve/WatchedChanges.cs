namespace CredentialSite.Serve;

/// <summary>
/// What the file watcher saw since the last rebuild began (full paths), handed to <see cref="Load.ParsedFiles.Since"/>:
/// files edited, and files or folders created, deleted or renamed. It is not the whole story before the first build
/// or after the watcher lost events; the next rebuild then checks every file.
/// </summary>
internal sealed class WatchedChanges
{
    private readonly object _gate = new();
    private HashSet<string> _edited = new(StringComparer.Ordinal), _moved = new(StringComparer.Ordinal);
    private bool _watchComplete;

    public void Add(bool moved, IEnumerable<string> paths)
    {
        lock (_gate)
            foreach (var path in paths) (moved ? _moved : _edited).Add(Path.GetFullPath(path));
    }

    /// <summary>The watcher lost events (the kernel's queue overflowed).</summary>
    public void Lost()
    {
        lock (_gate) _watchComplete = false;
    }

    /// <summary>The watcher's report for the rebuild about to start (null: check every file), and a fresh one begins.</summary>
    public Load.ParsedFiles.Report? Take()
    {
        lock (_gate)
        {
            var report = _watchComplete ? new Load.ParsedFiles.Report(_edited, _moved) : null;
            (_edited, _moved, _watchComplete) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), true);
            return report;
        }
    }

    /// <summary>A rebuild that did not finish hands its report on to the next one.</summary>
    public void GiveBack(Load.ParsedFiles.Report? report)
    {
        lock (_gate)
        {
            if (report is null) _watchComplete = false;
            else
            {
                _edited.UnionWith(report.Changed);
                _moved.UnionWith(report.Moved);
            }
        }
    }
}
