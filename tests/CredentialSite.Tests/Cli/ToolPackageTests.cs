using System.Diagnostics;
using CredentialSite.Cli;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Cli;

/// <summary>
/// The tool as a team gets it (issue 14): <c>dotnet pack</c>, <c>dotnet tool install --tool-path</c> from that package,
/// then the installed <c>credentialsite</c> starts a site with <c>new</c> and builds it with --warnings-as-errors, in a
/// folder that has nothing of this repository (the built-in theme comes from the package).
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "tool-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void PackedTool_InstallsIntoAToolPath_StartsASite_AndBuildsIt()
    {
        var packages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        var work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        Run("dotnet", TestPaths.RepoRoot, "pack", Path.Combine(TestPaths.RepoRoot, "CredentialSite.csproj"), "-c", "Release", "-o", packages, "--nologo");
        Assert.True(File.Exists(Path.Combine(packages, $"CredentialSite.{CliApp.Version}.nupkg")));
        Run("dotnet", work, "tool", "install", "CredentialSite", "--version", CliApp.Version, "--tool-path", tools, "--add-source", packages);

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "credentialsite.exe" : "credentialsite");
        Assert.Equal(CliApp.Version, Run(tool, work, "--version").Trim());
        Run(tool, work, "new", "site");
        var built = Run(tool, work, "build", "--source", "site", "--warnings-as-errors");
        Assert.Contains("0 warnings", built);
        Assert.True(File.Exists(Path.Combine(work, "output", "badges", "code-review", "index.html")));
        Assert.Contains($"CredentialSite {CliApp.Version}", File.ReadAllText(Path.Combine(work, "output", "index.html")));
    }

    /// <summary>Runs a program to its end; its standard output, or a failed assertion with everything it printed.</summary>
    private static string Run(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} {string.Join(' ', args)} did not end");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
