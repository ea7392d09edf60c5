using CredentialSite.Tests.Support;

namespace CredentialSite.Tests;

/// <summary>The whole pipeline: the same input and date give the same bytes (parallel stages must not leak ordering).</summary>
public class SiteBuildTests
{
    [Fact]
    public void Build_IsByteIdentical_WhenRunTwiceWithTheSameAsOf()
    {
        using var site = TestSite.Create();
        var asOf = new DateOnly(2026, 11, 1);
        var second = Path.Combine(site.Root, "out2");

        site.Run(o => o with { AsOf = asOf }).AssertOk();
        site.Run(o => o with { AsOf = asOf, Output = second }).AssertOk();

        AssertSameFiles(site.Output, second);
    }

    [Fact]
    public void ACancelledRebuild_RendersAheadFromTheNewSource_AndLeavesThePreviousSiteUntouched()
    {
        using var site = TestSite.Create();
        site.Run().AssertOk();
        var before = site.ReadFile("badges/code-review/index.html");
        var yml = File.ReadAllText(Path.Combine(site.Source, "catalog/badges/code-review.yml"));
        site.Write("catalog/badges/code-review.yml", yml.Replace("name: Code Review", "name: Careful Code Review"));

        using var cancel = new CancellationTokenSource();
        string? ahead = null;
        Assert.ThrowsAny<OperationCanceledException>(() => SiteBuild.Run(new BuildOptions { Source = site.Source, Output = site.Output },
            planned: render =>
            {
                ahead = System.Text.Encoding.UTF8.GetString(render("badges/code-review/index.html")!);
                Assert.Null(render("no/such/page/index.html"));
                cancel.Cancel(); // as serve does when a newer save arrives
            },
            cancel: cancel.Token));

        Assert.Contains("Careful Code Review", ahead);
        Assert.Equal(before, site.ReadFile("badges/code-review/index.html"));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.GetDirectoryName(site.Output)!), e => e.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_IsByteIdentical_ForTheSampleSite()
    {
        using var site = TestSite.CreateExactly();
        var asOf = new DateOnly(2026, 11, 1);
        var first = Path.Combine(site.Root, "a");
        var second = Path.Combine(site.Root, "b");

        var r1 = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = first, AsOf = asOf });
        var r2 = SiteBuild.Run(new BuildOptions { Source = TestPaths.RepoRoot, Output = second, AsOf = asOf });

        Assert.False(r1.Diagnostics.HasErrors || r2.Diagnostics.HasErrors);
        AssertSameFiles(first, second);
    }

    [Fact]
    public void Build_UsesAsOfFromTheOptions_OverSiteYml()
    {
        using var site = TestSite.Build(options: o => o with { AsOf = new DateOnly(2027, 3, 5) }).AssertOk();

        site.AssertFile("index.html", "Catalog as of <time datetime=\"2027-03-05\">5 March 2027</time>");
        site.AssertFile("catalog.json", "\"asOf\": \"2027-03-05\"");
    }

    private static void AssertSameFiles(string a, string b)
    {
        var files = TestSite.FilesUnder(a);
        Assert.Equal(files, TestSite.FilesUnder(b));
        Assert.NotEmpty(files);
        var different = files.Where(f => !File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f)))).ToList();
        Assert.True(different.Count == 0, "files differ between the two builds: " + string.Join(", ", different));
    }
}
