// Search benchmark for a built CredentialSite site (not a test: it measures, it does not assert).
//
//   dotnet run --project tests/bench/SearchBenchmark -c Release -- <built-site> <base-path> [--runs N] [--warm N]
//
// Reports, as a Markdown table:
//  1. the size of search/ on disk (raw and gzip, as GitHub Pages would serve it);
//  2. what the search page load fetches, and what a first query fetches between its first keystroke and
//     its results (each request is mapped to its file on disk; gzip = System.IO.Compression at Optimal);
//  3. keystroke-to-results time, cold (fresh browser context, empty cache) and warm (same query again, index
//     cached by search.js): the in-page window.__searchTimings (input handled -> rendered), the in-page time from
//     the input event to data-ready changing, and the wall time around page.FillAsync of the query (includes the
//     Playwright round trips). search.js searches on every input event, with no debounce.
//     Also: how much of the cold time is spent fetching, and the in-page fetch / JSON.parse cost of the big files.
// The site is served on 127.0.0.1 by the test suite's StaticServer, or by the server at --url (search.sh --nginx);
// the browser is Debian's Chromium. Also: per-keystroke times when the query is typed key by key on a fresh visit.

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using CredentialSite.Tests.Browser;
using Microsoft.Playwright;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SearchBenchmark <built-site> <base-path> [--runs N] [--warm N]");
    return 2;
}
var root = Path.GetFullPath(args[0]).TrimEnd('/');
var basePath = args[1].Trim('/') is { Length: > 0 } b ? $"/{b}/" : "/";
var runs = Option("--runs", 5);
var warmRuns = Option("--warm", 3);
string[] queries = ["design", "obser", "desgin", "data review"]; // common word, prefix, typo (of "design"), two words
const double TargetKb = 300, TargetMs = 50;
const int TypeDelayMs = 150;
if (!File.Exists(Path.Combine(root, "search", "manifest.json")))
{
    Console.Error.WriteLine($"{root} has no search/manifest.json: build the site first");
    return 1;
}

// 1. Index size on disk.
var indexFiles = Directory.GetFiles(Path.Combine(root, "search"), "*", SearchOption.AllDirectories)
    .Where(f => !f.EndsWith("index.html", StringComparison.Ordinal)) // the search page itself is not index
    .Select(f => Path.GetRelativePath(root, f)).ToList();
var shards = indexFiles.Where(f => f.StartsWith("search/t/", StringComparison.Ordinal)).ToList();
var chunks = indexFiles.Where(f => f.StartsWith("search/d/", StringComparison.Ordinal)).ToList();
var largestShard = shards.MaxBy(Raw)!;
var largestChunk = chunks.MaxBy(Raw)!;

// 2 and 3. Browser runs.
// --url http://127.0.0.1:PORT/base/ measures against another server serving the same folder (e.g. nginx or
// python3 -m http.server): the managed HttpListener sometimes stalls ~40 ms on reused loopback connections.
using var server = new StaticServer(root, basePath, StaticServer.FreePort());
var siteUrl = Array.IndexOf(args, "--url") is var u and >= 0 && u + 1 < args.Length ? args[u + 1].TrimEnd('/') + "/" : server.BaseUrl;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var results = new List<QueryResult>();
List<string> pageLoad = [];
var pageLoadMs = new List<double>();
foreach (var q in queries)
{
    var r = new QueryResult(q);
    for (var attempt = 0; r.Cold.Count < runs && attempt < 3 * runs; attempt++)
    {
        if (await ColdRun(q, r) is not { } run) continue; // typing was too slow: redo
        var (load, first, warmFetches, loadMs) = run;
        if (r.Fetched.Count == 0) r.Fetched.AddRange(first);
        if (pageLoad.Count == 0) pageLoad = load;
        pageLoadMs.Add(loadMs);
        r.WarmFetches += warmFetches;
    }
    for (var i = 0; i < runs; i++) await TypedRun(q, r);
    results.Add(r);
    Console.Error.WriteLine($"measured \"{q}\"");
}

// Where cold time goes: fetch (loopback) and JSON.parse of the biggest files a query or the page load needs.
var costFiles = new[] { "search/facets.json", largestShard }.Concat(results.SelectMany(r => r.Fetched).Where(f => f.StartsWith("search/t/", StringComparison.Ordinal)))
    .Distinct().OrderByDescending(Raw).ToList();
var costs = new Dictionary<string, (List<double> Fetch, List<double> Parse)>();
await using (var context = await browser.NewContextAsync())
{
    var page = await context.NewPageAsync();
    await page.GotoAsync(siteUrl + "search/");
    await page.WaitForSelectorAsync("[data-search-page][data-ready]", new() { State = WaitForSelectorState.Attached });
    foreach (var f in costFiles)
    {
        costs[f] = ([], []);
        for (var i = 0; i < runs; i++)
        {
            var c = await page.EvaluateAsync<double[]>("""
                async url => {
                  const t0 = performance.now(), text = await (await fetch(url, { cache: 'no-store' })).text(), t1 = performance.now();
                  JSON.parse(text);
                  return [t1 - t0, performance.now() - t1];
                }
                """, siteUrl + f);
            costs[f].Fetch.Add(c[0]);
            costs[f].Parse.Add(c[1]);
        }
    }
}

// Report.
var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
var memGb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0;
Console.WriteLine("# Search benchmark\n");
Console.WriteLine($"Site: `{root}` (base path `{basePath}`), {DocCount():N0} search documents. " +
    $"Machine: {Environment.ProcessorCount} cores ({cpu}), {memGb:0} GB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
    $"Chromium {browser.Version} headless, served by {(siteUrl == server.BaseUrl ? "the test suite's StaticServer" : siteUrl)}. {runs} cold runs per query (new browser context each), {warmRuns} warm repeats after each. " +
    "KB = 1,024 bytes; gzip = System.IO.Compression, Optimal level, per file.\n");

Console.WriteLine("## 1. Index on disk (search/)\n");
Console.WriteLine("| What | Files | Raw | Gzip |\n|---|---:|---:|---:|");
Row("Total search/", indexFiles);
Row("manifest.json", ["search/manifest.json"]);
Row("facets.json", ["search/facets.json"]);
Row("Term shards t/*.json", shards);
Row($"Largest shard ({Path.GetFileName(largestShard)})", [largestShard]);
Row("Document chunks d/*.json", chunks);
Row($"Largest chunk ({Path.GetFileName(largestChunk)})", [largestChunk]);

Console.WriteLine("\n## 2. Bytes transferred (gzip, as GitHub Pages serves them)\n");
Console.WriteLine("Page load of search/ (fresh context), until the initial results are rendered:\n");
Console.WriteLine("| Fetched | Requests | Raw | Gzip |\n|---|---:|---:|---:|");
foreach (var group in pageLoad.GroupBy(Category).OrderBy(g => g.Key))
    Row(group.Key, group.ToList());
Row("**Page load total**", pageLoad);
Console.WriteLine($"\nPage load to initial results: median {Median(pageLoadMs):0} ms, max {pageLoadMs.Max():0} ms (wall, navigation start to `data-ready`).\n");
Console.WriteLine($"First query, requests made between the first keystroke and the rendered results (target ≤ {TargetKb} KB gzip):\n");
Console.WriteLine("| Query | Requests | Raw | Gzip | Target | Largest file (gzip) | Incl. page load's search/ (gzip) |\n|---|---:|---:|---:|---|---|---:|");
var pageLoadIndex = pageLoad.Where(f => f.StartsWith("search/", StringComparison.Ordinal)).ToList();
foreach (var r in results)
{
    var big = r.Fetched.MaxBy(Gzip);
    Console.WriteLine($"| `{r.Query}` | {r.Fetched.Count} ({Describe(r.Fetched)}) | {Kb(r.Fetched.Sum(Raw))} | {Kb(r.Fetched.Sum(Gzip))} | " +
        $"{(r.Fetched.Sum(Gzip) <= TargetKb * 1024 ? "met" : "**over**")} | {(big is null ? "-" : $"{big[7..]} {Kb(Gzip(big))}")} | " +
        $"{Kb(r.Fetched.Concat(pageLoadIndex).Sum(Gzip))} |");
}

Console.WriteLine($"\n## 3. Keystroke to rendered results (ms, median / max; target ≤ {TargetMs} ms)\n");
Console.WriteLine("In-page = `window.__searchTimings` (input handled → rendered). Key→DOM = the input event → `data-ready` changes " +
    "(in page). Of which fetching = time with a search/ request in flight after the input (Resource Timing); not fetching = in-page minus that. Wall = `page.FillAsync` of the query → `data-ready` seen from .NET.\n");
Console.WriteLine("| Query | Cold in-page | of which fetching | not fetching | Cold key→DOM | Cold wall | Warm in-page | Warm key→DOM | Warm wall |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine($"| `{r.Query}` | {Ms(r.Cold.Select(t => t.InPage))} | {Ms(r.Cold.Select(t => t.Network), false)} | {Ms(r.Cold.Select(t => t.InPage - t.Network))} | {Ms(r.Cold.Select(t => t.KeyToDom))} | {Ms(r.Cold.Select(t => t.Wall))} | " +
        $"{Ms(r.Warm.Select(t => t.InPage))} | {Ms(r.Warm.Select(t => t.KeyToDom))} | {Ms(r.Warm.Select(t => t.Wall))} |");
Console.WriteLine($"\nCost of single files in the page (ms, median / max of {runs}; fetch over loopback without cache, then JSON.parse on the main thread):\n");
Console.WriteLine("| File | Raw | Gzip | Fetch | JSON.parse |\n|---|---:|---:|---:|---:|");
foreach (var (f, c) in costs)
    Console.WriteLine($"| {f[7..]} | {Kb(Raw(f))} | {Kb(Gzip(f))} | {Ms(c.Fetch, false)} | {Ms(c.Parse, false)} |");
Console.WriteLine($"\nTyped in a fresh visit: the query typed key by key ({TypeDelayMs} ms apart, a brisk typist), each keystroke's search " +
    "timed in the page (input handled → rendered; a keystroke of one letter searches too). First = the keystroke that made the visit's first " +
    "index request; last = the final keystroke; all = every keystroke.\n");
Console.WriteLine("| Query | First fetching keystroke | Last keystroke | All keystrokes |\n|---|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine($"| `{r.Query}` | {Ms(r.TypedFirst)} | {Ms(r.TypedLast)} | {Ms(r.TypedAll)} |");
var extra = results.Sum(r => r.Discarded);
var warmFetched = results.Sum(r => r.WarmFetches);
Console.WriteLine($"\nChecks: {extra} sample(s) discarded and redone because typing started more than one search; {warmFetched} request(s) during warm runs (should be 0).");
return 0;

// One fresh context: load the page, time the query cold, then repeat it warm. Returns the files fetched by the
// page load and by the first query (paths relative to the site), the warm request count and the load time.
async Task<(List<string>, List<string>, int, double)?> ColdRun(string query, QueryResult r)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var phase = "load";
    var fetched = new List<(string Phase, string File)>();
    page.RequestFinished += (_, req) => { lock (fetched) fetched.Add((phase, ToFile(req.Url))); };
    var sw = Stopwatch.StartNew();
    await page.GotoAsync(siteUrl + "search/");
    await page.WaitForSelectorAsync("[data-search-page][data-ready]", new() { State = WaitForSelectorState.Attached });
    var loadMs = sw.Elapsed.TotalMilliseconds;
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    await page.FocusAsync("#search-q");
    phase = "query";
    if (await TimeQuery(page, query, r) is not { } cold) return null;
    r.Cold.Add(cold);
    phase = "warm";
    for (var i = 0; i < warmRuns; i++)
    {
        if (await TimeQuery(page, query, r) is { } warm) r.Warm.Add(warm);
    }
    lock (fetched)
        return (fetched.Where(f => f.Phase == "load").Select(f => f.File).ToList(),
            fetched.Where(f => f.Phase == "query").Select(f => f.File).ToList(), fetched.Count(f => f.Phase == "warm"), loadMs);
}

// A fresh visit where the query is typed key by key, as a person does; every keystroke's search is timed.
async Task TypedRun(string query, QueryResult r)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    await page.GotoAsync(siteUrl + "search/");
    await page.WaitForSelectorAsync("[data-search-page][data-ready]", new() { State = WaitForSelectorState.Attached });
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    await page.FocusAsync("#search-q");
    var before = await page.EvaluateAsync<int>("() => (window.__searchTimings || []).length");
    var requests = new List<int>(); // index of the keystroke during which an index request was made
    var key = 0;
    page.Request += (_, req) => { if (req.Url.Contains("/search/", StringComparison.Ordinal)) lock (requests) requests.Add(key); };
    foreach (var c in query)
    {
        await page.Keyboard.TypeAsync(c.ToString());
        await page.WaitForTimeoutAsync(TypeDelayMs);
        key++;
    }
    await page.WaitForFunctionAsync("n => (window.__searchTimings || []).length >= n", before + query.Length, new() { Timeout = 5000 })
        .ContinueWith(_ => { });
    var t = await page.EvaluateAsync<double[]>("() => window.__searchTimings");
    var typed = t.Skip(before).ToArray();
    if (typed.Length != query.Length) { r.Discarded++; return; }
    r.TypedAll.AddRange(typed);
    r.TypedLast.Add(typed[^1]);
    lock (requests)
        if (requests.Count > 0) r.TypedFirst.Add(typed[requests.Min()]);
}

// Enters the query as one input event (search.js searches on every input, without a debounce) and times it
// until the results are rendered. Null when the sample is invalid (not exactly one search ran).
async Task<Timing?> TimeQuery(IPage page, string query, QueryResult r)
{
    await page.EvaluateAsync("""
        () => {
          const root = document.querySelector('[data-search-page]');
          if (!window.__bench) {
            window.__bench = {};
            document.addEventListener('input', () => { window.__bench.key = performance.now(); }, true);
          }
          const b = window.__bench;
          b.ready = Number(root.getAttribute('data-ready'));
          b.done = new Promise(resolve => new MutationObserver((_, o) => { o.disconnect(); resolve(performance.now()); })
            .observe(root, { attributes: true, attributeFilter: ['data-ready'] }));
        }
        """);
    var sw = Stopwatch.StartNew();
    await page.FillAsync("#search-q", query);
    var m = await page.EvaluateAsync<double[]>("""
        async () => {
          const b = window.__bench, rendered = await b.done, t = window.__searchTimings;
          // Time spent with at least one search/ request in flight (union of Resource Timing intervals).
          const spans = performance.getEntriesByType('resource').filter(e => e.startTime >= b.key && e.name.includes('/search/'))
            .map(e => [e.startTime, e.responseEnd]).sort((x, y) => x[0] - y[0]);
          let net = 0, end = -1;
          for (const [s, e] of spans) { net += Math.max(0, e - Math.max(s, end)); end = Math.max(end, e); }
          return [rendered - b.key, t[t.length - 1], Number(document.querySelector('[data-search-page]').getAttribute('data-ready')) - b.ready, net];
        }
        """);
    var wall = sw.Elapsed.TotalMilliseconds;
    if (m[2] == 1) return new Timing(m[1], m[0], wall, m[3]);
    r.Discarded++;
    await page.WaitForTimeoutAsync(300); // let the stray search finish before the next sample
    return null;
}

string ToFile(string url)
{
    var path = Uri.UnescapeDataString(new Uri(url).AbsolutePath);
    if (!path.StartsWith(basePath, StringComparison.Ordinal)) return path;
    var rel = path[basePath.Length..];
    return rel.Length == 0 || rel.EndsWith('/') ? rel + "index.html" : rel;
}

static string Category(string file) =>
    file.StartsWith("search/", StringComparison.Ordinal) && file != "search/index.html" ? "search index (search/*.json)"
    : Path.GetExtension(file) switch { ".html" => "HTML", ".css" => "CSS", ".js" => "JS", var e => $"other ({e})" };

long Raw(string file) => File.Exists(Path.Combine(root, file)) ? new FileInfo(Path.Combine(root, file)).Length : 0;

long Gzip(string file)
{
    if (!File.Exists(Path.Combine(root, file))) return 0;
    using var ms = new MemoryStream();
    using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
    using (var input = File.OpenRead(Path.Combine(root, file)))
        input.CopyTo(gz);
    return ms.Length;
}

void Row(string what, List<string> files) =>
    Console.WriteLine($"| {what} | {files.Count:N0} | {Kb(files.Sum(Raw))} | {Kb(files.Sum(Gzip))} |");

// "t/de.json, 3 chunks": shards by name, document chunks counted.
static string Describe(List<string> files)
{
    var names = files.Where(f => !f.StartsWith("search/d/", StringComparison.Ordinal)).Select(f => f[7..]).ToList();
    var c = files.Count(f => f.StartsWith("search/d/", StringComparison.Ordinal));
    if (c > 0) names.Add($"{c} chunk{(c == 1 ? "" : "s")} d/");
    return string.Join(", ", names);
}

int DocCount() => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "search", "manifest.json"))).RootElement.GetProperty("docs").GetInt32();

static string Kb(long bytes) => $"{bytes / 1024.0:N1} KB";

static double Median(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}

string Ms(IEnumerable<double> values, bool target = true)
{
    var v = values.ToList();
    if (v.Count == 0) return "-";
    var text = $"{Median(v):0.0} / {v.Max():0.0}";
    return target && Median(v) > TargetMs ? $"**{text}**" : text;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

sealed record Timing(double InPage, double KeyToDom, double Wall, double Network);

sealed class QueryResult(string query)
{
    public string Query { get; } = query;
    public List<Timing> Cold { get; } = [];
    public List<Timing> Warm { get; } = [];
    public List<string> Fetched { get; } = [];
    public int WarmFetches { get; set; }
    public int Discarded { get; set; }
    public List<double> TypedFirst { get; } = [];
    public List<double> TypedLast { get; } = [];
    public List<double> TypedAll { get; } = [];
}
