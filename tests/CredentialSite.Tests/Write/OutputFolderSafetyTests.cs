using CredentialSite.Diagnostics;
using CredentialSite.Tests.Support;
using CredentialSite.Write;

namespace CredentialSite.Tests.Write;

/// <summary>
/// The user's files are never at risk: the output folder is never the source or one of its folders, a folder the tool
/// did not write is refused (or, with --force, adopted without losing a file), only files the tool wrote are ever
/// deleted, killed builds' staging folders are removed, and two builds of one folder never mix or crash.
/// </summary>
public class OutputFolderSafetyTests
{
    private static IReadOnlyList<string> SourceFiles(TestSite site) => TestSite.FilesUnder(site.Source);

    /// <summary>A file of the user's in the output folder.</summary>
    private static void WriteOutput(TestSite site, string relPath, string text)
    {
        var full = Path.Combine(site.Output, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Theory]
    [InlineData("{src}/catalog")]
    [InlineData("{src}/catalog/")]
    [InlineData("{src}/input")]
    [InlineData("{src}/input/pages")]
    [InlineData("{src}/theme")]
    [InlineData("{src}/CATALOG")] // the same folder on macOS's and Windows' file systems
    [InlineData("{src}/input/../catalog/badges")]
    public void Build_RefusesAnOutputFolderInsideTheSourcesFolders_AndDeletesNothing(string output)
    {
        using var site = TestSite.Create("""
            -- theme/assets/extra.css --
            body { color: black; }
            """);
        var before = SourceFiles(site);

        var code = site.Cli("build", "--source", "{src}", "--output", output);

        Assert.Equal(1, code);
        Assert.Contains("error CS0204: the output folder is inside the source's ", site.Stderr);
        Assert.Contains("hint: choose a folder of its own for the site", site.Stderr);
        Assert.DoesNotContain("internal error", site.Stderr);
        Assert.Equal(before, SourceFiles(site));
    }

    [Theory]
    [InlineData("{src}", "is the source folder")]
    [InlineData("{src}/", "is the source folder")]
    [InlineData("{src}/catalog/..", "is the source folder")]
    public void Build_RefusesTheSourceFolderItself(string output, string message)
    {
        using var site = TestSite.Create();
        var before = SourceFiles(site);

        Assert.Equal(1, site.Cli("build", "--source", "{src}", "--output", output));

        Assert.Contains($"error CS0204: the output folder {message}", site.Stderr);
        Assert.Equal(before, SourceFiles(site));
    }

    [Fact]
    public void Build_RefusesAnOutputFolderThatIsALinkToTheCatalog()
    {
        using var site = TestSite.Create();
        var link = Path.Combine(site.Root, "published");
        Directory.CreateSymbolicLink(link, Path.Combine(site.Source, "catalog"));
        var before = SourceFiles(site);

        Assert.Equal(1, site.Cli("build", "--source", "{src}", "--output", link));

        Assert.Contains("error CS0204: the output folder is inside the source's catalog/ folder", site.Stderr);
        Assert.Equal(before, SourceFiles(site));
    }

    [Fact]
    public void Build_RefusesAnOutputFolderThatHoldsTheSourceThroughALink()
    {
        using var site = TestSite.Create();
        var up = Path.Combine(site.Root, "up");
        Directory.CreateSymbolicLink(up, site.Root); // up/ is the folder that holds site/
        var before = SourceFiles(site);

        Assert.Equal(1, site.Cli("build", "--source", "{src}", "--output", up));

        Assert.Contains("error CS0204: the output folder contains the source folder", site.Stderr);
        Assert.Equal(before, SourceFiles(site));
    }

    [Fact]
    public void Build_RefusesANonEmptyFolderItDidNotWrite_AndKeepsItsFiles()
    {
        using var site = TestSite.Create();
        WriteOutput(site, "notes.txt", "my notes");
        WriteOutput(site, "photos/cat.jpg", "jpeg");

        Assert.Equal(1, site.Cli("build", "--source", "{src}", "--output", "{out}"));

        Assert.Contains("error CS0205: the output folder is not empty and was not written by CredentialSite", site.Stderr);
        Assert.Contains("pass --force", site.Stderr);
        Assert.Equal(["notes.txt", "photos/cat.jpg"], site.OutputFiles());
    }

    [Fact]
    public void Build_WithForce_AdoptsAForeignFolder_AndNeverDeletesItsFiles()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            """);
        WriteOutput(site, "notes.txt", "my notes");
        WriteOutput(site, "badges/old/keep.txt", "mine");

        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}", "--force"));
        Assert.True(site.FileExists("badges/extra/index.html"));
        Assert.True(site.FileExists(OutputManifest.FileName));

        // Later builds need no --force; removing a badge removes its files and only those.
        site.Delete("catalog/badges/extra.yml");
        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}"));

        Assert.False(site.FileExists("badges/extra/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "badges/extra")));
        Assert.Equal("my notes", site.ReadFile("notes.txt"));
        Assert.Equal("mine", site.ReadFile("badges/old/keep.txt"));
    }

    [Fact]
    public void Rebuild_KeepsAFileTheUserPutInTheOutput()
    {
        using var site = TestSite.Build().AssertOk();
        WriteOutput(site, "google1234.html", "google-site-verification: google1234.html");

        site.Run().AssertOk();

        Assert.True(site.FileExists("google1234.html"));
    }

    [Fact]
    public void Rebuild_DeletesNoFileOutsideTheOutput_WhateverTheMarkerLists()
    {
        using var site = TestSite.Build().AssertOk();
        var outside = Path.Combine(site.Root, "precious.txt");
        File.WriteAllText(outside, "keep");
        File.AppendAllText(Path.Combine(site.Output, OutputManifest.FileName), "../precious.txt\n/" + outside.TrimStart('/') + "\n");

        site.Run().AssertOk();

        Assert.True(File.Exists(outside));
    }

    [Fact]
    public void Rebuild_DeletesNothingThroughALinkTheUserPutInTheOutput()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            """).AssertOk();
        // The user moved the badge's folder elsewhere and left a link to it.
        var elsewhere = Path.Combine(site.Root, "elsewhere");
        Directory.Move(Path.Combine(site.Output, "badges/extra"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(site.Output, "badges/extra"), elsewhere);

        site.Delete("catalog/badges/extra.yml");
        site.Run().AssertOk();

        Assert.True(File.Exists(Path.Combine(elsewhere, "index.html")));
    }

    [Fact]
    public void Rebuild_OfAnOutputFolderOfAnEarlierVersion_IsRecognisedByItsRenderCache()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            """).AssertOk();
        File.Delete(Path.Combine(site.Output, OutputManifest.FileName)); // as an earlier version left it
        WriteOutput(site, "notes.txt", "mine");

        site.Delete("catalog/badges/extra.yml");
        site.Run().AssertOk();

        Assert.False(site.FileExists("badges/extra/index.html")); // listed in the render cache: written by the tool
        Assert.True(site.FileExists("notes.txt"));                 // not listed: kept
        Assert.True(site.FileExists(OutputManifest.FileName));
    }

    [Fact]
    public void Build_WritesIntoAnEmptyFolder_AndMarksIt()
    {
        using var site = TestSite.Create();
        Directory.CreateDirectory(site.Output);

        site.Run().AssertOk();

        var marker = site.ReadFile(OutputManifest.FileName).Split('\n');
        Assert.StartsWith("# CredentialSite output folder", marker[0]);
        Assert.Contains("index.html", marker);
        Assert.DoesNotContain(OutputManifest.FileName, marker);
    }

    [Fact]
    public void Build_RemovesStagingFoldersLeftByKilledBuilds_ButNotOtherFiles()
    {
        using var site = TestSite.Build().AssertOk();
        var stale = Path.Combine(site.Root, ".out.staging-999999");
        Directory.CreateDirectory(Path.Combine(stale, "badges"));
        File.WriteAllText(Path.Combine(stale, "badges/index.html"), "half a site");
        var notStaging = Path.Combine(site.Root, ".out.staging-notes");
        Directory.CreateDirectory(notStaging);

        site.Run().AssertOk();

        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(notStaging));
    }

    [Fact]
    public void Build_WaitsForAnotherBuildOfTheSameFolder_ThenFailsClearly_AndLeavesItsStagingAlone()
    {
        using var site = TestSite.Build().AssertOk();
        var other = OutputWriter.Begin(site.Output, site.Source, new DiagnosticBag())!; // a live build, staging
        var staging = Path.Combine(site.Root, $".out.staging-{Environment.ProcessId}");
        Assert.True(Directory.Exists(staging));

        site.Run(o => o with { LockTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(1, site.ExitCode);
        var error = Assert.Single(site.Diagnostics);
        Assert.Equal(DiagnosticCodes.OutputLocked, error.Code);
        Assert.Contains("another build is writing to this output folder", error.ToString());
        Assert.True(Directory.Exists(staging));

        other.Dispose(); // the other build ends: the folder is free again
        site.Run().AssertOk();
    }

    [Fact]
    public async Task TwoBuildsAtOnceIntoANewFolder_BothSucceed_AndTheSiteIsWhole()
    {
        using var site = TestSite.Create();
        var expected = Path.Combine(site.Root, "expected");
        SiteBuild.Run(new BuildOptions { Source = site.Source, Output = expected });

        for (var round = 0; round < 3; round++)
        {
            if (Directory.Exists(site.Output)) Directory.Delete(site.Output, recursive: true);
            var builds = Enumerable.Range(0, 2)
                .Select(_ => Task.Run(() => SiteBuild.Run(new BuildOptions { Source = site.Source, Output = site.Output })))
                .ToArray();
            var results = await Task.WhenAll(builds); // an exception here is the crash this test is about

            foreach (var r in results)
                Assert.False(r.Diagnostics.HasErrors, string.Join("\n", r.Diagnostics.Sorted()));
            Assert.Equal(TestSite.FilesUnder(expected), site.OutputFiles());
            foreach (var f in site.OutputFiles())
                Assert.True(File.ReadAllBytes(Path.Combine(expected, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))), $"{f} differs");
            Assert.DoesNotContain(Directory.GetFileSystemEntries(site.Root), e => e.Contains("staging", StringComparison.Ordinal));
        }
    }
}
