namespace CredentialSite.Tests.Support;

/// <summary>The repository's own sample site, built once per test class into a temp dir (the repo is never written).</summary>
public sealed class SampleSiteFixture : IDisposable
{
    public SampleSiteFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "sample-" + Guid.NewGuid().ToString("N")[..12]);
        Output = Path.Combine(Root, "out");
        Result = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = Output });
    }

    public string Root { get; }

    public string Output { get; }

    public BuildResult Result { get; }

    /// <summary>Output-relative paths of the files matching a pattern such as "badges/*.json".</summary>
    public IReadOnlyList<string> Files(string folder, string pattern, bool recursive = false) =>
        Directory.EnumerateFiles(Path.Combine(Output, folder), pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public string Read(string relPath) => File.ReadAllText(Path.Combine(Output, relPath));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_TEST_SITES") == "1") return;
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
