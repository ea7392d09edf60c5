using System.Collections.Concurrent;
using CredentialSite.Diagnostics;

namespace CredentialSite.Write;

/// <summary>
/// Writes the site so that a failed build changes nothing and a successful one touches only what changed.
/// Files are first staged in a folder beside the output; a file whose bytes equal the file already in the
/// output is not staged at all (its timestamp stays). <see cref="Commit"/> then moves the staged files in
/// (or, for a new output folder, the whole staging folder) and removes the files it wrote before that the site no
/// longer has, and only those (<see cref="OutputManifest"/>); <see cref="Abort"/> (or disposing without committing)
/// throws the staging folder away. One build at a time writes a folder (<see cref="OutputLock"/>).
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly bool _fresh;
    private readonly FileStream _lock;
    // The files the marker listed: the only files a commit may delete (see OutputManifest).
    private readonly HashSet<string> _previous;
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirs = new(StringComparer.Ordinal);
    // Renderers hand staged files to a few creating threads through a bounded queue (memory stays flat). Creating a
    // file here waits on the disk more than on the CPU: measured on a 2-core machine, 27,000 files took 9.4 s from
    // one thread and 2-3 s from four, while many renderers creating files at once spun on the folders' locks.
    private const int CreatingThreads = 4;
    private readonly BlockingCollection<(string Path, byte[] Content)> _pending = new(boundedCapacity: 512);
    private readonly Task[] _creating;
    private bool _done;

    private OutputWriter(OutputFolder output, FileStream held, HashSet<string> previous)
    {
        _output = output.Full;
        _lock = held;
        _previous = previous;
        _staging = output.Beside($"staging-{Environment.ProcessId}");
        _fresh = !Directory.Exists(_output);
        Directory.CreateDirectory(_staging);
        _creating = [.. Enumerable.Range(0, CreatingThreads).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (path, content) in _pending.GetConsumingEnumerable())
                {
                    EnsureFolder(path);
                    File.WriteAllBytes(path, content);
                }
            }
            catch
            {
                _pending.CompleteAdding(); // release the renderers waiting to add: Put reports the error
                throw;
            }
        }, TaskCreationOptions.LongRunning))];
    }

    /// <summary>The output folder: absolute, without a trailing separator.</summary>
    public string Folder => _output;

    /// <summary>How long a build waits for another build of the same output folder to end.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts writing into <paramref name="outputFolder"/>; null (with a diagnostic) when that is impossible or unsafe:
    /// the folder is or holds the source or one of its folders, another build holds it for longer than
    /// <paramref name="lockTimeout"/>, or it is not empty and not written by this tool (unless <paramref name="force"/>).
    /// Until it is disposed it holds the folder's lock.
    /// </summary>
    public static OutputWriter? Begin(string outputFolder, string sourceRoot, DiagnosticBag diags, bool force = false,
        TimeSpan? lockTimeout = null, CancellationToken cancel = default)
    {
        if (OutputFolder.Check(outputFolder, sourceRoot, diags) is not { } output) return null;
        var at = SourceLocation.File(outputFolder);
        FileStream? held = null;
        try
        {
            if (File.Exists(output.Full)) throw new IOException($"'{outputFolder}' is a file");
            Directory.CreateDirectory(output.Parent);
            held = OutputLock.Take(output.Beside("lock"), lockTimeout ?? DefaultLockTimeout, cancel);
            if (held is null)
            {
                diags.Error(DiagnosticCodes.OutputLocked, at, "another build is writing to this output folder",
                    "wait for it to end and build again, or build into another --output folder");
                return null;
            }
            RemoveStaleStaging(output);
            if (Ours(output, force) is not { } previous)
            {
                diags.Error(DiagnosticCodes.OutputNotOurs, at,
                    $"the output folder is not empty and was not written by CredentialSite (it has no {OutputManifest.FileName} file)",
                    "build into a new or empty folder, or pass --force to write into this one: its files are kept (a file named as one of the site's is replaced), and only files CredentialSite wrote are ever deleted");
                held.Dispose();
                return null;
            }
            var writer = new OutputWriter(output, held, previous);
            held = null;
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held?.Dispose();
            diags.Error(DiagnosticCodes.OutputError, at, $"cannot write the site: {e.Message}",
                "check that the output folder is writable");
            return null;
        }
    }

    /// <summary>
    /// The files of the output folder this tool wrote, or null when the folder is someone else's. A folder that does not
    /// exist or is empty is ours with no files; a folder of a version before the marker is recognised by its render cache;
    /// a foreign folder given with --force is adopted with none of its files.
    /// </summary>
    private static HashSet<string>? Ours(OutputFolder output, bool force)
    {
        if (!Directory.Exists(output.Full) || !Directory.EnumerateFileSystemEntries(output.Full).Any()) return [];
        return OutputManifest.Read(output.Full) ?? OutputManifest.ReadLegacy(output.Beside("render-cache")) ?? (force ? [] : null);
    }

    /// <summary>
    /// Removes the staging folders of builds that were killed. Only a build holding the lock stages, and this one holds
    /// it now, so every staging folder of this output is stale; the folders are made by the tool, so a link is left alone.
    /// </summary>
    private static void RemoveStaleStaging(OutputFolder output)
    {
        var prefix = $".{output.Name}.staging-";
        foreach (var dir in Directory.EnumerateDirectories(output.Parent, prefix + "*"))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && name[prefix.Length..].All(char.IsAsciiDigit) && new DirectoryInfo(dir).LinkTarget is null)
                Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Files staged because they are new or their bytes changed.</summary>
    public int Changed => _changed.Count;

    public void Put(string path, byte[] content)
    {
        if (!_fresh && SameAsOutput(path, content.Length, existing => existing.AsSpan().SequenceEqual(content))) return;
        _changed[path] = 0;
        try
        {
            _pending.Add((Path.Combine(_staging, path), content));
        }
        catch (InvalidOperationException) when (!_done)
        {
            Finish(); // a creating thread failed and closed the queue: this rethrows its error
            throw;
        }
    }

    /// <summary>Waits for every staged file to be created; rethrows what stopped a creating thread.</summary>
    private void Finish()
    {
        if (!_pending.IsAddingCompleted) _pending.CompleteAdding();
        foreach (var task in _creating) task.GetAwaiter().GetResult();
    }

    public void Copy(string path, string source)
    {
        if (!_fresh && SameAsOutput(path, new FileInfo(source).Length, existing => existing.AsSpan().SequenceEqual(File.ReadAllBytes(source)))) return;
        File.Copy(source, Stage(path), overwrite: true);
    }

    private bool SameAsOutput(string path, long length, Func<byte[], bool> equal)
    {
        var target = new FileInfo(Path.Combine(_output, path));
        return target.Exists && target.Length == length && equal(File.ReadAllBytes(target.FullName));
    }

    private string Stage(string path)
    {
        _changed[path] = 0;
        var full = Path.Combine(_staging, path);
        EnsureFolder(full);
        return full;
    }

    /// <summary>Creates the staging folder a file goes in, once (several threads may ask at once: creating is idempotent).</summary>
    private void EnsureFolder(string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath)!;
        if (_dirs.ContainsKey(dir)) return;
        Directory.CreateDirectory(dir);
        _dirs.TryAdd(dir, 0);
    }

    /// <summary>
    /// Moves the staged files into the output, deletes the files this tool wrote before that are not in
    /// <paramref name="sitePaths"/> (never another file), and lists the site's files in the marker.
    /// </summary>
    public void Commit(IReadOnlySet<string> sitePaths)
    {
        _done = true;
        try
        {
            Finish();
        }
        catch
        {
            Directory.Delete(_staging, recursive: true); // a file could not be staged: nothing moves in
            throw;
        }
        if (_fresh)
        {
            File.WriteAllBytes(Path.Combine(_staging, OutputManifest.FileName), OutputManifest.For(sitePaths));
            Directory.Move(_staging, _output);
            return;
        }
        // Until the old files are gone the marker lists both sites: a commit cut short leaves no file of ours unlisted.
        if (!_previous.IsSupersetOf(sitePaths)) WriteManifest(_previous.Union(sitePaths));
        foreach (var path in _changed.Keys.Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(_output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(_staging, path), target, overwrite: true);
        }
        foreach (var path in _previous.Where(p => !sitePaths.Contains(p)).Order(StringComparer.Ordinal))
            DeleteWritten(path);
        WriteManifest(sitePaths);
        Directory.Delete(_staging, recursive: true);
    }

    /// <summary>Replaces the marker (through the staging folder, so it is never half written), unless it is unchanged.</summary>
    private void WriteManifest(IEnumerable<string> paths)
    {
        var bytes = OutputManifest.For(paths);
        var marker = Path.Combine(_output, OutputManifest.FileName);
        if (File.Exists(marker) && File.ReadAllBytes(marker).AsSpan().SequenceEqual(bytes)) return;
        var temp = Path.Combine(_staging, OutputManifest.FileName);
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, marker, overwrite: true);
    }

    /// <summary>
    /// Deletes a file this tool wrote, and the folders that deleting it leaves empty. A path that leads out of the folder
    /// (a hand-edited marker) or through a link (a folder someone replaced) is left alone: the file may not be ours.
    /// </summary>
    private void DeleteWritten(string path)
    {
        if (!OutputManifest.IsInside(path)) return;
        var full = Path.Combine(_output, path);
        for (var dir = Path.GetDirectoryName(full)!; dir.Length > _output.Length; dir = Path.GetDirectoryName(dir)!)
            if (new DirectoryInfo(dir).LinkTarget is not null) return;
        var file = new FileInfo(full);
        if (!file.Exists && file.LinkTarget is null) return; // gone already, or a folder now
        file.Delete();
        for (var dir = Path.GetDirectoryName(full)!; dir.Length > _output.Length; dir = Path.GetDirectoryName(dir)!)
        {
            if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any()) break;
            Directory.Delete(dir);
        }
    }

    public void Abort()
    {
        _done = true;
        try { Finish(); }
        catch (Exception) { /* thrown away with the staging folder */ }
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    /// <summary>Throws the staging folder away unless committed, and releases the output folder's lock.</summary>
    public void Dispose()
    {
        try
        {
            if (!_done) Abort();
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
