using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CredentialSite.Serve;

/// <summary>
/// <c>serve</c>: builds the site, serves it on 127.0.0.1 under its base path, watches the source folder
/// (catalog, input, theme, site.yml), rebuilds on change (only changed files are re-parsed and rewritten) and
/// tells open tabs to reload through Server-Sent Events. Each tab says which page it shows; on a rebuild those
/// pages are rendered first, as soon as the site is planned, and served from memory while the rest of the site
/// is built, so the page being edited reloads without waiting for the whole site. A failed build keeps the last
/// good site served and shows its diagnostics as an overlay in the browser. The live-reload script is added to
/// HTML responses only, never to the files on disk.
/// </summary>
public sealed class DevServer : IDisposable
{
    public const string EventsPath = LiveReload.EventsPath;
    public const string ScriptPath = LiveReload.ScriptPath;

    private readonly BuildOptions _options;
    private readonly TextWriter _log;
    private readonly HttpListener _listener = new();
    private readonly LiveReload _tabs = new();
    // Pages rendered ahead of a rebuild (output path -> HTML), served until the rebuild is written or fails.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _ahead = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Load.ParsedFiles _parsed = new(); // a rebuild re-parses only the files that changed

    private readonly WatchedChanges _seen = new(); // what the watcher saw since the last rebuild began

    private CancellationTokenSource? _building; // the rebuild in progress, cancelled by a newer change
    private FileSystemWatcher? _watcher;
    private string? _lastError;
    private int _builds;

    public DevServer(BuildOptions options, int port, TextWriter log)
    {
        Port = port;
        _log = log;
        var source = Path.GetFullPath(options.Source);
        var output = string.IsNullOrEmpty(options.Output)
            ? Path.Combine(Path.GetTempPath(), "credentialsite-serve-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12])
            : Path.GetFullPath(options.Output);
        _options = options with { Source = source, Output = output };
    }

    public int Port { get; }

    /// <summary>Log the time of each stage after every build (<c>serve --stats</c>).</summary>
    public bool Stats { get; init; }

    /// <summary>The site's base path, e.g. "/credentials/" (known after the first build).</summary>
    public string BasePath { get; private set; } = "/";

    public string Url => $"http://127.0.0.1:{Port}{BasePath}";

    /// <summary>The options of every build: links are made for this server's address.</summary>
    private BuildOptions BuildOptions => _options with { BaseUrl = Url };

    public int Builds => Volatile.Read(ref _builds);

    /// <summary>
    /// The diagnostics of a first build that could not use the output folder (the folder is refused, not this tool's,
    /// locked or not writable): the server then stops at once instead of serving that folder.
    /// </summary>
    public string? Refused { get; private set; }

    private static readonly HashSet<string> OutputCodes =
        [Diagnostics.DiagnosticCodes.OutputError, Diagnostics.DiagnosticCodes.OutputRefused, Diagnostics.DiagnosticCodes.OutputNotOurs, Diagnostics.DiagnosticCodes.OutputLocked];

    /// <summary>Builds once, then serves and rebuilds until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(Action<string>? ready, CancellationToken stop)
    {
        BasePath = ReadBasePath();
        // The watcher starts before the first build: a file saved while it runs is in the first rebuild's report, so
        // that rebuild, like every later one, looks only at the files the watcher saw change.
        _watcher = new FileSystemWatcher(_options.Source) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size };
        void On(bool moved, params string[] paths)
        {
            if (!paths.Any(Watched)) return;
            _seen.Add(moved, paths);
            Changed();
        }
        _watcher.Changed += (_, e) => On(false, e.FullPath);
        _watcher.Created += (_, e) => On(true, e.FullPath);
        _watcher.Deleted += (_, e) => On(true, e.FullPath);
        _watcher.Renamed += (_, e) => On(true, e.FullPath, e.OldFullPath);
        // Events were lost (the kernel's queue overflowed): the next rebuild checks every file.
        _watcher.Error += (_, _) => { _seen.Lost(); Changed(); };
        _watcher.EnableRaisingEvents = true;
        Build(first: true);
        if (Refused is not null) return; // nothing to serve, and a folder that is not the site's must not be served
        WarmUp();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        ready?.Invoke(Url);

        var rebuilds = Task.Run(() => RebuildLoop(stop), CancellationToken.None);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await _listener.GetContextAsync().WaitAsync(stop);
                _ = Task.Run(() => Serve(context), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) { }
        catch (HttpListenerException) when (stop.IsCancellationRequested) { }
        await rebuilds;
    }

    private string ReadBasePath()
    {
        if (_options.BaseUrl is { } b && Uri.TryCreate(b, UriKind.Absolute, out var u)) return u.AbsolutePath.TrimEnd('/') + "/";
        // The base path comes from site.yml; serve keeps it so links are the same as in production.
        var diags = new Diagnostics.DiagnosticBag();
        var site = File.Exists(Path.Combine(_options.Source, "site.yml"))
            ? Load.YamlFile.Open(Path.Combine(_options.Source, "site.yml"), "site.yml", diags)?.Text("baseUrl") : null;
        return site is not null && Uri.TryCreate(site, UriKind.Absolute, out var s) ? s.AbsolutePath.TrimEnd('/') + "/" : "/";
    }

    private bool Watched(string path)
    {
        var rel = Path.GetRelativePath(_options.Source, path).Replace('\\', '/');
        if (rel.StartsWith("..", StringComparison.Ordinal)) return false;
        var outputRel = Path.GetRelativePath(_options.Source, _options.Output).Replace('\\', '/');
        if (!outputRel.StartsWith("..", StringComparison.Ordinal) && (rel == outputRel || rel.StartsWith(outputRel + "/", StringComparison.Ordinal))) return false;
        var first = rel.Split('/')[0];
        return first is "catalog" or "input" or "theme" || rel == "site.yml";
    }

    /// <summary>A watched file changed: rebuild, and drop a rebuild in progress, which is now stale.</summary>
    private void Changed()
    {
        _changed.Release();
        try { Volatile.Read(ref _building)?.Cancel(); }
        catch (ObjectDisposedException) { /* that build just ended */ }
    }

    private async Task RebuildLoop(CancellationToken stop)
    {
        var pending = false; // a save arrived while waiting to collect
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!pending) await _changed.WaitAsync(stop);
                // Editors save in several steps: wait until the folder is quiet for a moment.
                while (await _changed.WaitAsync(15, stop)) { }
                Build(first: false);
                // The tabs told to reload fetch their pages now: collect once nothing has happened for a while.
                pending = await _changed.WaitAsync(QuietBeforeCollecting, stop);
                if (!pending) CollectWhileIdle();
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Runs the start of a rebuild once, up to a few pages rendered ahead, and drops it: the code a save goes through
    /// (re-reading only what changed, the lookups made on first use, planning one page) is compiled now rather than
    /// on the first save. What the watcher saw meanwhile stays for the first real rebuild.
    /// </summary>
    private void WarmUp()
    {
        if (Builds == 0 || _lastError is not null) return;
        var report = _seen.Take();
        _parsed.Since(report);
        using var warm = new CancellationTokenSource();
        try
        {
            SiteBuild.Run(BuildOptions, _parsed, render =>
            {
                foreach (var page in WarmPages()) render(page);
                warm.Cancel();
            }, warm.Token);
        }
        catch (OperationCanceledException) { }
        catch (Exception) { /* the first real rebuild reports it */ }
        finally { _seen.GiveBack(report); }
        CollectWhileIdle();
    }

    /// <summary>The home page and the first badge's and person's pages of the site just built.</summary>
    private IEnumerable<string> WarmPages()
    {
        yield return "index.html";
        foreach (var folder in new[] { "badges", "people" })
        {
            var dir = Path.Combine(_options.Output, folder);
            if (Directory.Exists(dir) && Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal).FirstOrDefault() is { } first)
                yield return $"{folder}/{Path.GetFileName(first)}/index.html";
        }
    }

    private static readonly TimeSpan QuietBeforeCollecting = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Collects the garbage of the rebuild that just ended while nobody waits for it (after a quiet moment, unless a
    /// newer save is already waiting), so that the next save's preview runs on an empty young generation with its whole
    /// budget: otherwise a collection of what this rebuild left (the server GC pauses every thread, 70-140 ms at 10,000
    /// badges) lands in the middle of the next page rendered ahead. A full collection, so the old generation's budget
    /// starts over too.
    /// </summary>
    private void CollectWhileIdle()
    {
        if (_changed.CurrentCount > 0) return;
        var clock = Stopwatch.StartNew();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        if (Stats) _log.WriteLine($"  collected while idle: {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>
    /// Rebuilds (only changed files are re-parsed and rewritten) and tells the open tabs what happened: the tabs
    /// whose pages were rendered ahead reload as soon as those are ready, the others when the site is written.
    /// </summary>
    /// <param name="first">The first build: nothing is served yet, so there are no tabs to render ahead for, and a save
    /// does not drop it (the rebuild that save starts follows it).</param>
    private void Build(bool first)
    {
        var clock = Stopwatch.StartNew();
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        BuildResult result;
        var told = new HashSet<LiveReload.Client>();
        void RenderAhead(Func<string, byte[]?> render)
        {
            if (first) return;
            foreach (var group in _tabs.WithPages().GroupBy(c => c.Page!))
                if (render(group.Key) is { } html)
                {
                    _ahead[group.Key] = html;
                    told.UnionWith(group);
                }
            if (told.Count > 0)
                _tabs.Broadcast("reload", new { ahead = true, ms = clock.ElapsedMilliseconds, gcs = GC.CollectionCount(0) - collections, mb = (GC.GetTotalAllocatedBytes() - allocated) >> 20 }, told.Contains);
        }
        using var building = new CancellationTokenSource();
        if (!first) Volatile.Write(ref _building, building);
        var report = _seen.Take();
        _parsed.Since(report);
        try
        {
            result = SiteBuild.Run(BuildOptions, _parsed, RenderAhead, building.Token);
        }
        catch (OperationCanceledException)
        {
            _seen.GiveBack(report);
            // A newer save is waiting: its rebuild follows at once. Pages rendered ahead stay served until it replaces them.
            _log.WriteLine($"rebuild dropped after {clock.ElapsedMilliseconds} ms: a newer change is being built");
            return;
        }
        catch (Exception e)
        {
            _seen.GiveBack(null);
            _ahead.Clear();
            Report($"internal error: {e.GetType().Name}: {e.Message}");
            return;
        }
        finally
        {
            Volatile.Write(ref _building, null);
        }
        _ahead.Clear(); // written to the output now, or thrown away with a failed build
        Interlocked.Increment(ref _builds);
        var diagnostics = result.Diagnostics.Sorted();
        if (first && diagnostics.Any(d => OutputCodes.Contains(d.Code)))
        {
            Refused = string.Join("\n", diagnostics);
            return;
        }
        if (!result.Succeeded(_options.WarningsAsErrors))
        {
            Report(string.Join("\n", diagnostics));
            return;
        }
        foreach (var d in diagnostics) _log.WriteLine(d);
        if (Stats) _log.WriteLine("  " + string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalMilliseconds:0} ms")));
        _lastError = null;
        _log.WriteLine($"{(Builds == 1 ? "built" : "rebuilt")}: {result.FilesChanged} of {result.FilesWritten} files changed ({clock.ElapsedMilliseconds} ms)");
        _tabs.Broadcast("reload", new { changed = result.FilesChanged }, c => !told.Contains(c));
    }

    private void Report(string diagnostics)
    {
        _lastError = diagnostics;
        _log.WriteLine(diagnostics);
        _log.WriteLine("build failed: the last good site is still served");
        _tabs.Broadcast("build-error", new { diagnostics });
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        try
        {
            if (path == EventsPath)
            {
                response.ContentType = "text/event-stream";
                response.Headers["Cache-Control"] = "no-store";
                response.SendChunked = true;
                _tabs.Add(new LiveReload.Client(response, StaticFiles.OutputPath(BasePath, context.Request.QueryString["page"])));
                if (_lastError is { } error) _tabs.Broadcast("build-error", new { diagnostics = error });
                else _tabs.Broadcast("hello", new { builds = Builds });
                return; // kept open for later events
            }
            if (path == ScriptPath)
            {
                StaticFiles.Send(response, 200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Script));
                return;
            }
            if (StaticFiles.OutputPath(BasePath, path) is { } rel && _ahead.TryGetValue(rel, out var ahead))
            {
                StaticFiles.Send(response, 200, "text/html; charset=utf-8", LiveReload.InjectScript(ahead));
                return;
            }
            var file = StaticFiles.Resolve(_options.Output, BasePath, path);
            var status = 200;
            if (file is null)
            {
                if (path + "/" == BasePath || (path.Length > 0 && !path.StartsWith(BasePath, StringComparison.Ordinal) && path == "/"))
                {
                    response.Redirect(BasePath);
                    response.Close();
                    return;
                }
                status = 404;
                file = Path.Combine(_options.Output, "404.html");
            }
            var bytes = File.Exists(file) ? File.ReadAllBytes(file) : Encoding.UTF8.GetBytes("not found");
            var type = StaticFiles.ContentType(file);
            if (type.StartsWith("text/html", StringComparison.Ordinal)) bytes = LiveReload.InjectScript(bytes);
            StaticFiles.Send(response, status, type, bytes);
        }
        catch (Exception)
        {
            try { response.StatusCode = 500; response.Close(); } catch (Exception) { /* client went away */ }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _tabs.Dispose();
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
    }
}
