using CredentialSite.Serve;
using CredentialSite.Tests.Browser;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Serve;

/// <summary>`serve`: live rebuilds with a reload event, and an error overlay that keeps the last good site.</summary>
public sealed class DevServerTests
{
    private sealed class Running : IAsyncDisposable
    {
        public required TestSite Site { get; init; }
        public required DevServer Server { get; init; }
        public required CancellationTokenSource Stop { get; init; }
        public required Task Loop { get; init; }
        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public async ValueTask DisposeAsync()
        {
            Stop.Cancel();
            await Loop.WaitAsync(TimeSpan.FromSeconds(10));
            Server.Dispose();
            Http.Dispose();
            Site.Dispose();
        }
    }

    /// <param name="log">The server's log for the site (default: none).</param>
    private static async Task<Running> StartAsync(Func<TestSite, TextWriter>? log = null)
    {
        var site = TestSite.Create();
        var server = new DevServer(new BuildOptions { Source = site.Source, Output = site.Output }, StaticServer.FreePort(), log?.Invoke(site) ?? TextWriter.Null);
        var ready = new TaskCompletionSource();
        var stop = new CancellationTokenSource();
        var loop = Task.Run(() => server.RunAsync(_ => ready.TrySetResult(), stop.Token));
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new Running { Site = site, Server = server, Stop = stop, Loop = loop };
    }

    /// <summary>Reads server-sent events until one named <paramref name="name"/> arrives; returns its data.</summary>
    private static async Task<string> NextEventAsync(StreamReader events, string name)
    {
        var current = "";
        while (await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) current = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == name) return line[6..];
        }
        throw new InvalidOperationException($"the event stream ended before '{name}'");
    }

    /// <summary>Opens the event stream as a tab does; <paramref name="page"/> is the URL path the tab shows, if it says.</summary>
    private static async Task<StreamReader> SubscribeAsync(Running r, string? page = null)
    {
        var query = page is null ? "" : "?page=" + Uri.EscapeDataString(page);
        var stream = await r.Http.GetStreamAsync($"http://127.0.0.1:{r.Server.Port}{DevServer.EventsPath}{query}");
        var reader = new StreamReader(stream);
        await NextEventAsync(reader, "hello");
        return reader;
    }

    [Fact]
    public async Task Serve_RebuildsOnSave_AndSendsAReloadEvent()
    {
        await using var r = await StartAsync();
        var page = $"{r.Server.Url}badges/code-review/";
        var html = await r.Http.GetStringAsync(page);
        Assert.Contains("Gives specific, kind and actionable review feedback.", html);
        Assert.Contains($"<script src=\"{DevServer.ScriptPath}\"></script>", html); // live reload, served only
        Assert.DoesNotContain(DevServer.ScriptPath, File.ReadAllText(Path.Combine(r.Site.Output, "badges/code-review/index.html")));
        using var events = await SubscribeAsync(r);

        var yml = File.ReadAllText(Path.Combine(r.Site.Source, "catalog/badges/code-review.yml"));
        r.Site.Write("catalog/badges/code-review.yml", yml.Replace("Gives specific, kind and actionable review feedback.", "Reviews with care."));

        Assert.Contains("changed", await NextEventAsync(events, "reload"));
        Assert.Contains("Reviews with care.", await r.Http.GetStringAsync(page));
    }

    [Fact]
    public async Task Serve_RendersTheOpenPageAhead_AndReloadsOtherTabsWhenTheSiteIsWritten()
    {
        await using var r = await StartAsync();
        var page = $"{r.Server.Url}badges/code-review/";
        using var onPage = await SubscribeAsync(r, new Uri(page).AbsolutePath);
        using var elsewhere = await SubscribeAsync(r);

        var yml = File.ReadAllText(Path.Combine(r.Site.Source, "catalog/badges/code-review.yml"));
        r.Site.Write("catalog/badges/code-review.yml", yml.Replace("Gives specific, kind and actionable review feedback.", "Reviews ahead of the rest."));

        // The tab on the edited page is told first, with the page rendered ahead of the rest of the site ...
        Assert.Contains("\"ahead\":true", await NextEventAsync(onPage, "reload"));
        Assert.Contains("Reviews ahead of the rest.", await r.Http.GetStringAsync(page));
        // ... and a tab that did not say which page it shows reloads once the whole site is written.
        Assert.Contains("changed", await NextEventAsync(elsewhere, "reload"));
        Assert.Contains("Reviews ahead of the rest.", File.ReadAllText(Path.Combine(r.Site.Output, "badges/code-review/index.html")));
        Assert.Contains("Reviews ahead of the rest.", await r.Http.GetStringAsync(page));
        var script = await r.Http.GetStringAsync($"http://127.0.0.1:{r.Server.Port}{DevServer.ScriptPath}");
        Assert.Contains("?page=", script); // the live-reload script says which page the tab shows
    }

    [Fact]
    public async Task Serve_ShowsTheErrorOverlay_AndKeepsTheLastGoodSite_WhenASaveBreaksTheBuild()
    {
        await using var r = await StartAsync();
        var page = $"{r.Server.Url}badges/code-review/";
        var before = await r.Http.GetStringAsync(page);
        using var events = await SubscribeAsync(r);

        r.Site.Write("catalog/badges/code-review.yml", "name: Code Review\ntier: gold\nissuer: academy\n");

        var error = await NextEventAsync(events, "build-error");
        Assert.Contains("catalog/badges/code-review.yml:2:7: error CS0004", System.Text.Json.JsonDocument.Parse(error).RootElement.GetProperty("diagnostics").GetString());
        Assert.Equal(before, await r.Http.GetStringAsync(page)); // the last good page is still served
        var script = await r.Http.GetStringAsync($"http://127.0.0.1:{r.Server.Port}{DevServer.ScriptPath}");
        Assert.Contains("credentialsite-error-overlay", script);
        Assert.Contains("build-error", script);
    }

    [Fact]
    public async Task Serve_WhenOnlyTheChecksAcrossFilesFail_TheTabRenderedAheadGetsTheOverlay_AndTheLastGoodPageIsServed()
    {
        await using var r = await StartAsync();
        var page = $"{r.Server.Url}badges/code-review/";
        var before = await r.Http.GetStringAsync(page);
        using var onPage = await SubscribeAsync(r, new Uri(page).AbsolutePath);

        // The file parses, so the open page may be rendered ahead; the unknown issuer is found by the checks across files.
        var yml = File.ReadAllText(Path.Combine(r.Site.Source, "catalog/badges/code-review.yml"));
        r.Site.Write("catalog/badges/code-review.yml", yml.Replace("issuer: academy", "issuer: academy-typo"));

        Assert.Contains("\"ahead\":true", await NextEventAsync(onPage, "reload"));
        var error = await NextEventAsync(onPage, "build-error");
        Assert.Contains("unknown issuer 'academy-typo'", System.Text.Json.JsonDocument.Parse(error).RootElement.GetProperty("diagnostics").GetString());
        Assert.Equal(before, await r.Http.GetStringAsync(page));
    }

    /// <summary>A log that runs an action when a line starting with a given text is written.</summary>
    private sealed class OnLine(string start, Action action) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(start, StringComparison.Ordinal) == true) action();
        }
    }

    [Fact]
    public async Task Serve_SeesASaveMadeAsTheFirstBuildEnded_BeforeTheServerWasReady()
    {
        const string Saved = "Saved during the first build.";
        // Saved as the first build ends, before the server is ready: the watcher must already be running.
        await using var r = await StartAsync(site =>
        {
            var path = Path.Combine(site.Source, "catalog/badges/code-review.yml");
            var edited = File.ReadAllText(path).Replace("Gives specific, kind and actionable review feedback.", Saved);
            return new OnLine("built:", () => File.WriteAllText(path, edited));
        });
        var page = "";
        for (var tries = 0; tries < 100 && !page.Contains(Saved); tries++)
        {
            await Task.Delay(100);
            page = await r.Http.GetStringAsync($"{r.Server.Url}badges/code-review/");
        }
        Assert.Contains(Saved, page);
    }

    [Fact]
    public async Task Serve_SeesEverySave_AfterTheFirstRebuild_IncludingANewBadgeFile()
    {
        await using var r = await StartAsync();
        using var events = await SubscribeAsync(r);
        var path = Path.Combine(r.Site.Source, "catalog/badges/code-review.yml");
        var yml = File.ReadAllText(path);
        // Every rebuild trusts what the watcher reported.
        foreach (var summary in new[] { "First edit.", "Second edit.", "Third edit." })
        {
            r.Site.Write("catalog/badges/code-review.yml", yml.Replace("Gives specific, kind and actionable review feedback.", summary));
            await NextEventAsync(events, "reload");
            Assert.Contains(summary, await r.Http.GetStringAsync($"{r.Server.Url}badges/code-review/"));
        }
        r.Site.Write("catalog/badges/pairing.yml", yml.Replace("name: Code Review", "name: Pairing"));
        await NextEventAsync(events, "reload");
        Assert.Contains("Pairing", await r.Http.GetStringAsync($"{r.Server.Url}badges/pairing/"));
    }

    [Fact]
    public async Task Serve_AnswersUnknownAddresses_WithThe404Page()
    {
        await using var r = await StartAsync();
        var response = await r.Http.GetAsync($"{r.Server.Url}no-such-page/");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
