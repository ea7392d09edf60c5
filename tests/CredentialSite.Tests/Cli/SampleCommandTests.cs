using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Cli;

/// <summary>`sample` writes a valid, deterministic synthetic catalog (issue: performance and benchmarks).</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "sample-cmd-" + Guid.NewGuid().ToString("N")[..12]);

    private string Generate(string name, int badges, int portfolios, int seed)
    {
        var dir = Path.Combine(_root, name);
        var (code, stdout, stderr) = TestSite.RunCli("sample", "--badges", badges.ToString(), "--portfolios", portfolios.ToString(),
            "--seed", seed.ToString(), "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"^sample: \d+ files \(" + badges + " badges", stdout);
        return dir;
    }

    [Theory]
    [InlineData(5, 1, 3)]
    [InlineData(120, 12, 1)]
    public void Sample_IsAValidCatalog_WithNoDiagnostics(int badges, int portfolios, int seed)
    {
        var dir = Generate("s", badges, portfolios, seed);
        var result = SiteBuild.Run(new BuildOptions { Source = dir, Output = Path.Combine(_root, "out") });
        Assert.True(result.Diagnostics.Sorted().Count == 0, string.Join("\n", result.Diagnostics.Sorted()));
        Assert.Equal(badges, Directory.GetFiles(Path.Combine(dir, "catalog", "badges")).Length);
        Assert.Equal(portfolios, Directory.GetDirectories(Path.Combine(dir, "input", "portfolios")).Length);
    }

    [Fact]
    public void Sample_IsByteIdentical_ForTheSameSeed_AndDiffers_ForAnother()
    {
        var a = Generate("a", 40, 4, 9);
        var b = Generate("b", 40, 4, 9);
        var c = Generate("c", 40, 4, 10);
        var files = TestSite.FilesUnder(a);
        Assert.Equal(files, TestSite.FilesUnder(b));
        foreach (var f in files) Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        Assert.Contains(files, f => File.Exists(Path.Combine(c, f)) && !File.ReadAllBytes(Path.Combine(a, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(c, f))));
    }

    [Fact]
    public void Sample_RefusesANonEmptyFolder()
    {
        var dir = Path.Combine(_root, "full");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        var (code, _, stderr) = TestSite.RunCli("sample", "--badges", "5", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("not an empty folder", stderr);
        Assert.Equal("x", File.ReadAllText(Path.Combine(dir, "keep.txt")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
