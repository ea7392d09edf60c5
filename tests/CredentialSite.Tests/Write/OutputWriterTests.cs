using CredentialSite.Diagnostics;
using CredentialSite.Write;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Write;

/// <summary>Writing: files are staged and moved in only when the build succeeds, and only files whose bytes changed are rewritten.</summary>
public class OutputWriterTests
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
        Assert.Equal([".out.lock", ".out.render-cache", "out", "site"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rebuild_AfterEditingOneBadge_RewritesOnlyTheFilesWhoseBytesChanged()
    {
        using var site = TestSite.Build().AssertOk();
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var f in site.OutputFiles()) File.SetLastWriteTimeUtc(Path.Combine(site.Output, f), stamp);
        var before = site.OutputFiles().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(site.Output, f)));

        // Only the summary of one badge changes.
        var yml = File.ReadAllText(Path.Combine(site.Source, "catalog/badges/stakeholder-management.yml"));
        site.Write("catalog/badges/stakeholder-management.yml", yml.Replace("Builds agreement for change across teams.", "Builds agreement across teams."));
        site.Run().AssertOk();

        var touched = site.OutputFiles().Where(f => File.GetLastWriteTimeUtc(Path.Combine(site.Output, f)) != stamp).ToList();
        var changed = site.OutputFiles().Where(f => !before[f].SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f)))).ToList();
        Assert.Equal(changed, touched); // what was rewritten is exactly what changed
        Assert.Contains("badges/stakeholder-management/index.html", touched);
        Assert.Contains("badges/stakeholder-management.json", touched);
        Assert.Contains("badges/index.html", touched);                 // lists the summary
        Assert.DoesNotContain("badges/code-review/index.html", touched);
        Assert.DoesNotContain("competencies/influence/index.html", touched); // lists badge names, not summaries
        Assert.DoesNotContain("about/index.html", touched);
        Assert.DoesNotContain("css/site.css", touched);
        Assert.True(touched.Count < before.Count / 2, $"{touched.Count} of {before.Count} files rewritten: {string.Join(", ", touched)}");
        // The marker lists the site's files (the edit changed the search index's terms); it is not a file of the site.
        Assert.Equal(Result(site).FilesChanged, touched.Count(f => f != OutputManifest.FileName));
    }

    private static BuildResult Result(TestSite site) => site.Result!;

    [Fact]
    public void AFileThatCannotBeCreated_FailsTheCommit_AndNothingReachesTheOutput()
    {
        using var site = TestSite.Create();
        var output = site.Output; // not built yet: a fresh output folder
        var writer = OutputWriter.Begin(output, site.Source, new DiagnosticBag())!;
        writer.Put("page", [1]);
        writer.Put("page/index.html", [2]); // needs a folder where a file was created

        // The file system's own error (which one depends on which file the creating threads made first).
        var error = Record.Exception(() => writer.Commit(new HashSet<string> { "page", "page/index.html" }));
        Assert.True(error is IOException or UnauthorizedAccessException, $"unexpected: {error}");
        writer.Dispose();
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(site.Root), e => e.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void Rebuild_RestoresABadgeJsonFileDeletedFromTheOutput_ThoughItsPageIsUnchanged()
    {
        using var site = TestSite.Build().AssertOk();
        var json = site.ReadFile("badges/code-review.json");
        File.Delete(Path.Combine(site.Output, "badges/code-review.json"));

        site.Run().AssertOk();

        Assert.Equal(json, site.ReadFile("badges/code-review.json")); // made with its page, so the page is rendered again
        Assert.Equal(1, site.Result!.PagesWritten);
    }

    [Fact]
    public void Build_RefusesAnOutputFolderThatContainsTheSource()
    {
        using var site = TestSite.Create();
        var code = site.Cli("build", "--source", "{src}", "--output", site.Root);
        Assert.Equal(1, code);
        Assert.Contains("error CS0204: the output folder contains the source folder", site.Stderr);
        Assert.True(File.Exists(Path.Combine(site.Source, "site.yml")));
    }

    [Fact]
    public void Rebuild_RendersOnlyAffectedPages_AndGivesTheSameOutputAsAFullBuild()
    {
        using var site = TestSite.Build().AssertOk();
        site.Run().AssertOk();
        Assert.Equal(0, site.Result!.PagesWritten); // nothing changed: nothing rendered

        // The criteria text appears on the badge's own page only.
        var yml = File.ReadAllText(Path.Combine(site.Source, "catalog/badges/code-review.yml"));
        site.Write("catalog/badges/code-review.yml", yml.Replace("criteria: Review ten pull requests.", "criteria: Review twelve pull requests."));
        site.Run().AssertOk();
        Assert.Equal(1, site.Result!.PagesWritten);
        site.AssertFile("badges/code-review/index.html", "Review twelve pull requests.");

        // The incremental output equals a full build of the same source into an empty folder.
        var fresh = Path.Combine(site.Root, "fresh");
        var full = SiteBuild.Run(new BuildOptions { Source = site.Source, Output = fresh });
        Assert.Equal(full.PagesTotal, full.PagesWritten);
        var files = TestSite.FilesUnder(fresh);
        Assert.Equal(files, site.OutputFiles());
        foreach (var f in files)
            Assert.Equal(File.ReadAllText(Path.Combine(fresh, f)), File.ReadAllText(Path.Combine(site.Output, f)));

        // A template change re-renders every page.
        site.Write("theme/templates/404.html", "<h1>Lost</h1>");
        site.Run().AssertOk();
        Assert.Equal(site.Result!.PagesTotal, site.Result.PagesWritten);
    }

    [Fact]
    public void KeptPages_HaveTheirLinksCheckedAgain_WhenATargetDisappears()
    {
        using var site = TestSite.Build("""
            -- input/assets/guide.txt --
            A guide.
            -- input/pages/help.md --
            ---
            title: Help
            ---
            Read [the guide](/assets/guide.txt).
            """).AssertOk();
        site.Delete("input/assets/guide.txt");
        site.Run();
        Assert.Equal(0, site.Result!.PagesWritten); // no page changed, so none was rendered...
        site.AssertDiagnostic("input/pages/help.md:4:18: error CS0202"); // ...but the kept page's link was checked and is now broken
        Assert.Contains("CS0202", site.Diagnostics[0].Code);
        Assert.True(site.FileExists("assets/guide.txt")); // and the failed build changed nothing
    }
}
