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

    /// <summary>A published person holding one badge, with a target role (readiness, dossier).</summary>
    private const string Ada = """
        -- input/portfolios/ada/portfolio.yml --
        name: Ada Example
        consent: { publish: true, date: 2026-06-01, scope: [profile, badges, readiness] }
        currentRole: engineer-1
        targetRole: engineer-2
        badges:
          - { badge: code-review, version: 1.0.0, issued: 2026-03-10 }
        """;

    /// <summary>
    /// serve keeps the records of unchanged files, and what was derived from them (accepted badges per promotion rule,
    /// rigor scores, badge cards, consented portfolios), from one build to the next. After each edit below, which
    /// changes something derived from records that did not change, its rebuild must equal a fresh build.
    /// </summary>
    [Fact]
    public void ARebuildThatKeepsRecords_GivesTheSameSiteAsAFreshBuild_AfterEditsToWhatDerivedFactsRead()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/incident-command.yml --
            name: Incident Command
            summary: Leads the response to an incident.
            tier: capability
            issuer: academy
            competencies:
              - { competency: code-quality, level: proficient }
            assessment:
              - { method: oral-defense }

            """ + Ada);
        var parsed = new CredentialSite.Load.ParsedFiles();
        var options = new BuildOptions { Source = site.Source, Output = site.Output };
        Assert.False(SiteBuild.Run(options, parsed).Diagnostics.HasErrors);
        var edits = new (string Path, string From, string To)[]
        {
            // The role's "atLeast 1, tier: capability" rule now accepts one badge fewer (its pool changed).
            ("catalog/badges/stakeholder-management.yml", "tier: capability", "tier: baseline"),
            // Rigor scores, and the cards showing them, read the site's method weights.
            ("site.yml", "asOf: 2026-11-01", "asOf: 2026-11-01\nrigor: { methods: { oral-defense: 0.1 } }"),
            // Cards show the issuer's name and the competencies' clusters.
            ("catalog/issuers/academy.yml", "name: Test Academy", "name: Renamed Academy"),
            ("catalog/competencies/core.yml", "cluster: Craft", "cluster: Engineering Craft"),
            // A summary edit, and a rename that changes the badges' order.
            ("catalog/badges/incident-command.yml", "summary: Leads the response to an incident.", "summary: Leads incident response."),
            ("catalog/badges/code-review.yml", "name: Code Review", "name: Zealous Code Review"),
            // Ada's target role changes: her readiness and page.
            ("input/portfolios/ada/portfolio.yml", "targetRole: engineer-2", "targetRole: engineer-1"),
        };
        for (var i = 0; i < edits.Length; i++)
        {
            var (path, from, to) = edits[i];
            var text = File.ReadAllText(Path.Combine(site.Source, path));
            Assert.Contains(from, text);
            site.Write(path, text.Replace(from, to));
            var rebuilt = SiteBuild.Run(options, parsed);
            Assert.False(rebuilt.Diagnostics.HasErrors, string.Join("\n", rebuilt.Diagnostics.Sorted()));
            var fresh = Path.Combine(site.Root, $"fresh-{i}");
            Assert.False(SiteBuild.Run(options with { Output = fresh }).Diagnostics.HasErrors);
            AssertSameFiles(site.Output, fresh);
        }
        site.AssertFile("badges/code-review/index.html", "Renamed Academy");
    }

    /// <summary>serve plans and renders each open page on its own, ahead of the rest: it must be the page the build writes.</summary>
    [Fact]
    public void EveryPageRenderedAhead_IsByteIdenticalToThePageTheBuildWrites()
    {
        using var site = TestSite.Create(Ada);
        site.Run().AssertOk();
        var pages = TestSite.FilesUnder(site.Output).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Contains("people/ada/dossier/index.html", pages);
        Assert.Contains("about/index.html", pages);

        var ahead = new Dictionary<string, byte[]?>();
        var result = SiteBuild.Run(new BuildOptions { Source = site.Source, Output = site.Output, DryRun = true },
            planned: render => { foreach (var page in pages) ahead[page] = render(page); });

        Assert.False(result.Diagnostics.HasErrors);
        foreach (var page in pages)
            Assert.True(File.ReadAllBytes(Path.Combine(site.Output, page)).AsSpan().SequenceEqual(ahead[page]), page);
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
