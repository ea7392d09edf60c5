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
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(60_000); // a 2-core CI machine under load can be slow; a real hang still fails
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
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
