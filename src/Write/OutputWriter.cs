using System.Collections.Concurrent;
using CredentialSite.Diagnostics;

namespace CredentialSite.Write;

/// <summary>
/// Writes the site so that a failed build changes nothing and a successful one touches only what changed.
/// Files are first staged in a folder beside the output; a file whose bytes equal the file already in the
/// output is not staged at all (its timestamp stays). <see cref="Commit"/> then moves the staged files in
/// (or, for a new output folder, the whole staging folder) and removes files the site no longer has;
/// <see cref="Abort"/> (or disposing without committing) throws the staging folder away.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private readonly string _output;
    private readonly string _staging;
    private readonly bool _fresh;
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirs = new(StringComparer.Ordinal);
    // Renderers hand staged files to a few creating threads through a bounded queue (memory stays flat). Creating a
    // file here waits on the disk more than on the CPU: measured on a 2-core machine, 27,000 files took 9.4 s from
    // one thread and 2-3 s from four, while many renderers creating files at once spun on the folders' locks.
    private const int CreatingThreads = 4;
    private readonly BlockingCollection<(string Path, byte[] Content)> _pending = new(boundedCapacity: 512);
    private readonly Task[] _creating;
    private bool _done;

    private OutputWriter(string output)
    {
        _output = output;
        var parent = Path.GetDirectoryName(output)!;
        _staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}");
        _fresh = !Directory.Exists(output);
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
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

    /// <summary>Starts writing into <paramref name="outputFolder"/>; null (with a diagnostic) when that is impossible or unsafe.</summary>
    public static OutputWriter? Begin(string outputFolder, string sourceRoot, DiagnosticBag diags)
    {
        var output = Path.GetFullPath(outputFolder);
        var source = Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (source.StartsWith(output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diags.Error(DiagnosticCodes.OutputError, SourceLocation.File(outputFolder), "the output folder contains the source folder",
                "choose an output folder inside or beside the source, such as output/: the build removes files it did not write");
            return null;
        }
        try
        {
            if (File.Exists(output)) throw new IOException($"'{outputFolder}' is a file");
            return new OutputWriter(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error(DiagnosticCodes.OutputError, SourceLocation.File(outputFolder), $"cannot write the site: {e.Message}",
                "check that the output folder is writable");
            return null;
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

    /// <summary>Moves the staged files into the output and deletes output files not in <paramref name="sitePaths"/>.</summary>
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
            Directory.CreateDirectory(Path.GetDirectoryName(_output)!);
            Directory.Move(_staging, _output);
            return;
        }
        foreach (var path in _changed.Keys.Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(_output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(_staging, path), target, overwrite: true);
        }
        foreach (var file in Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories).ToList())
        {
            var rel = Path.GetRelativePath(_output, file).Replace('\\', '/');
            if (!sitePaths.Contains(rel)) File.Delete(file);
        }
        foreach (var dir in Directory.EnumerateDirectories(_output, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        Directory.Delete(_staging, recursive: true);
    }

    public void Abort()
    {
        _done = true;
        try { Finish(); }
        catch (Exception) { /* thrown away with the staging folder */ }
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    public void Dispose()
    {
        if (!_done) Abort();
    }
}
