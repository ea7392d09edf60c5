using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Write;

/// <summary>Stage 8 (Write): the site is written to a staging folder and swapped in, so a failed build never harms the previous output.</summary>
public class WriteSiteTests
{
    [Fact]
    public void FailedBuild_LeavesThePreviousOutputIntact()
    {
        using var site = TestSite.Create();
        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}"));
        var before = File.ReadAllBytes(Path.Combine(site.Output, "index.html"));
        var filesBefore = TestSite.FilesUnder(site.Output);

        site.Write("catalog/badges/code-review.yml", "name: Code Review\ntier: gold\nissuer: academy\n");
        var code = site.Cli("build", "--source", "{src}", "--output", "{out}");

        Assert.Equal(1, code);
        Assert.Contains("catalog/badges/code-review.yml:2:7: error CS0004", site.Stderr);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(site.Output, "index.html")));
        Assert.Equal(filesBefore, TestSite.FilesUnder(site.Output));
    }

    [Fact]
    public void Rebuild_RemovesFilesOfDeletedBadges_AndLeavesNoStagingFolder()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            """).AssertOk();
        Assert.True(site.FileExists("badges/extra/index.html"));

        site.Delete("catalog/badges/extra.yml");
        site.Run().AssertOk();

        Assert.False(site.FileExists("badges/extra/index.html"));
        Assert.False(site.FileExists("badges/extra.json"));
        Assert.Equal(["out", "site"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
