namespace CredentialSite.Tests.Support;

/// <summary>The test helper itself: a broken helper would make every other test meaningless.</summary>
public class TestSiteTests
{
    [Fact]
    public void MinimalSite_BuildsWithoutAnyDiagnostic()
    {
        using var site = TestSite.Build().AssertOk();

        site.AssertFile("index.html", "Test Catalog");
    }

    [Fact]
    public void ParseTxtar_SplitsSectionsAndKeepsContent()
    {
        var files = TestSite.ParseTxtar("""
            -- a.yml --
            name: A
              nested: 1
            -- dir/b.md --
            ---
            title: B
            ---
            """);

        Assert.Equal(["a.yml", "dir/b.md"], files.Select(f => f.Path));
        Assert.Equal("name: A\n  nested: 1\n", files[0].Content);
        Assert.Equal("---\ntitle: B\n---\n", files[1].Content);
    }

    [Fact]
    public void Create_LaysFilesOverMinimal_WhenPathRepeats()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/code-review.yml --
            name: Replaced
            """);

        Assert.Equal("name: Replaced\n", File.ReadAllText(Path.Combine(site.Source, "catalog/badges/code-review.yml")));
        Assert.True(File.Exists(Path.Combine(site.Source, "catalog/issuers/academy.yml")));
    }

    [Fact]
    public void AssertFile_Fails_WhenANegatedLineIsPresent()
    {
        using var site = TestSite.Build().AssertOk();

        site.AssertFile("index.html", "! no such text");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => site.AssertFile("index.html", "! Test Catalog"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => site.AssertFile("index.html", "no such text"));
    }

    [Fact]
    public void Dispose_RemovesTheTempDir()
    {
        var site = TestSite.Create();
        site.Dispose();

        Assert.False(Directory.Exists(site.Root) && Environment.GetEnvironmentVariable("KEEP_TEST_SITES") != "1");
    }
}
