using CredentialSite.Tests.Support;
using Microsoft.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// Builds the repository's sample site under the base path /repo/, serves it on 127.0.0.1 and starts
/// Debian's Chromium (never a downloaded browser). Without Chromium the browser tests fail in CI
/// (CI=true) and are skipped locally with a message saying how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public StaticServer Server { get; private set; } = null!;

    public string Output { get; private set; } = "";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "browser-" + Guid.NewGuid().ToString("N")[..12]);

    public string Url(string relative) => Server.BaseUrl + relative;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: .ci/run must install it (apt-get install chromium).");
            SkipReason = $"Chromium is not installed at {ChromiumPath}; install it with 'apt-get install chromium' to run the browser tests.";
            return;
        }
        Output = Path.Combine(Root, "out");
        var port = StaticServer.FreePort();
        var result = SiteBuild.Run(new BuildOptions
        {
            Source = TestPaths.RepoRoot, Output = Output, BaseUrl = $"http://127.0.0.1:{port}/repo/",
            // Tiny shards, so the searches below also go through split shards, as a large catalog's do.
            SearchShardBytes = 600,
            // A badge index of several pages, as a large catalog's is (badges-by/name/2/ is checked by axe).
            BadgesPerPage = 12,
        });
        if (!result.Succeeded(false))
            throw new InvalidOperationException("the sample site did not build: " + string.Join("\n", result.Diagnostics.Sorted()));
        Server = new StaticServer(Output, "/repo/", port);
        (_playwright, Browser) = await LaunchAsync();
    }

    /// <summary>Debian's headless Chromium, driven by Playwright (also for fixtures that build their own site).</summary>
    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(Browser);

    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000); // a 2-core CI machine under load can be slow; a real hang still fails
        return await context.NewPageAsync();
    }

    /// <summary>Closes the browser and Playwright, when they were started.</summary>
    public static async Task CloseAsync(IPlaywright? playwright, IBrowser? browser)
    {
        if (playwright is null) return;
        if (browser is not null) await browser.CloseAsync();
        playwright.Dispose();
    }

    public async Task DisposeAsync()
    {
        await CloseAsync(_playwright, Browser);
        Server?.Dispose();
        if (Environment.GetEnvironmentVariable("KEEP_TEST_SITES") != "1" && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
