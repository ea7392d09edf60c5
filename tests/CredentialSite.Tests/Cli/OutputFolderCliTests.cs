using System.Diagnostics;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Cli;

/// <summary>The output folder's rules on the command line: two build processes at once, serve's output folder, --force.</summary>
public class OutputFolderCliTests
{
    /// <summary>Starts the tool as its own process (the build of this test run, beside the test assembly).</summary>
    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "credentialsite.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    [Fact]
    public async Task TwoBuildProcessesAtOnceIntoANewFolder_BothSucceed_AndTheSiteIsWhole()
    {
        using var site = TestSite.Create();
        var expected = Path.Combine(site.Root, "expected");
        SiteBuild.Run(new BuildOptions { Source = site.Source, Output = expected });

        for (var round = 0; round < 2; round++)
        {
            if (Directory.Exists(site.Output)) Directory.Delete(site.Output, recursive: true);
            var builds = new[] { Start("build", "-s", site.Source, "-o", site.Output), Start("build", "-s", site.Source, "-o", site.Output) };
            foreach (var p in builds)
            {
                var stderr = p.StandardError.ReadToEndAsync();
                await p.StandardOutput.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await p.WaitForExitAsync(timeout.Token);
                Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {await stderr}"); // today's crash: "internal error: IOException"
                p.Dispose();
            }
            Assert.Equal(TestSite.FilesUnder(expected), site.OutputFiles());
            Assert.DoesNotContain(Directory.GetFileSystemEntries(site.Root), e => e.Contains("staging", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Serve_RefusesAFolderItDidNotWrite_AndStopsAtOnce_WithoutServingIt()
    {
        using var site = TestSite.Create();
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "notes.txt"), "my notes");

        var serve = Task.Run(() => site.Cli("serve", "--source", "{src}", "--output", "{out}", "--port", CredentialSite.Tests.Browser.StaticServer.FreePort().ToString()));
        var ended = await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(serve, ended); // today it deletes the notes and serves the site
        Assert.Equal(1, await serve);
        Assert.Contains("error CS0205: the output folder is not empty and was not written by CredentialSite", site.Stderr);
        Assert.Equal(["notes.txt"], site.OutputFiles());
    }

    [Fact]
    public void Build_IntoTheCatalog_ExitsOne_AndTheCatalogIsIntact()
    {
        using var site = TestSite.Create();
        var catalog = TestSite.FilesUnder(Path.Combine(site.Source, "catalog"));

        var code = site.Cli("build", "--source", "{src}", "--output", "{src}/catalog");

        Assert.Equal(1, code);
        Assert.Matches(@"catalog:1:1: error CS0204: the output folder is inside the source's catalog/ folder\r?\n    hint: ", site.Stderr);
        Assert.Contains("nothing written", site.Stderr);
        Assert.Equal(catalog, TestSite.FilesUnder(Path.Combine(site.Source, "catalog")));
    }

    [Fact]
    public void Help_OfBuildAndServe_ListsForce()
    {
        Assert.Contains("--force", TestSite.RunCli("build", "--help").Stdout);
        Assert.Contains("--force", TestSite.RunCli("serve", "--help").Stdout);
    }
}
