using CredentialSite.Tests.Support;
using Microsoft.Playwright;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// The sample site signed for northwind-academy (keys made by <c>keys new</c> into a temporary key folder, as
/// Verify/VerifySiteTests does), built under /repo/ and served on 127.0.0.1, with Debian's Chromium: the verify page's
/// own credentials are then this site's signed JSON and VC-JWTs.
/// </summary>
public sealed class VerifyPageFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private Import.SampleCopy? _copy;

    public string? SkipReason { get; private set; }
    public IBrowser Browser { get; private set; } = null!;
    public StaticServer Server { get; private set; } = null!;
    public string Output => _copy!.Output;

    public string Url(string relative) => Server.BaseUrl + relative;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"Chromium is missing at {BrowserFixture.ChromiumPath}: .ci/run must install it.");
            SkipReason = $"Chromium is not installed at {BrowserFixture.ChromiumPath}; install it with 'apt-get install chromium'.";
            return;
        }
        _copy = new Import.SampleCopy();
        var keys = Path.Combine(_copy.Root, "keys");
        var port = StaticServer.FreePort();
        var (code, stdout, stderr) = TestSite.RunCli("keys", "new", "--issuer", "northwind-academy", "--keys", keys, "--source", _copy.Source, "--output", _copy.Output);
        if (code != 0) throw new InvalidOperationException($"keys new exited with {code}:\n{stdout}\n{stderr}");
        (code, stdout, stderr) = TestSite.RunCli("build", "--source", _copy.Source, "--output", _copy.Output,
            "--base-url", $"http://127.0.0.1:{port}/repo/", "--keys", keys);
        if (code != 0) throw new InvalidOperationException($"build --keys exited with {code}:\n{stdout}\n{stderr}");
        Server = new StaticServer(_copy.Output, "/repo/", port);
        (_playwright, Browser) = await BrowserFixture.LaunchAsync();
    }

    public Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => BrowserFixture.NewPageAsync(Browser, options);

    public async Task DisposeAsync()
    {
        await BrowserFixture.CloseAsync(_playwright, Browser);
        Server?.Dispose();
        _copy?.Dispose();
    }
}
