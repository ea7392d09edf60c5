using System.Text.RegularExpressions;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Cli;

/// <summary>The command line: exit codes (0 ok, 1 input errors, 2 usage), what goes to stdout and stderr, and no stack traces.</summary>
public partial class CliAppTests
{
    [Fact]
    public void Help_ExitsZero_AndListsTheBuildAndValidateCommands()
    {
        var (code, stdout, _) = TestSite.RunCli("--help");

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^\s+build\s+Build the site", stdout);
        Assert.Matches(@"(?m)^\s+validate\s+Check everything", stdout);
    }

    [Fact]
    public void Cli_ExitsTwo_WhenAnOptionIsUnknown()
    {
        var (code, stdout, stderr) = TestSite.RunCli("build", "--no-such-option");

        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Cli_ExitsTwo_WhenAsOfIsNotADate()
    {
        using var site = TestSite.Create();

        var code = site.Cli("build", "--source", "{src}", "--output", "{out}", "--as-of", "notadate");

        Assert.Equal(2, code);
        Assert.Contains("--as-of 'notadate' is not a date; use YYYY-MM-DD", site.Stderr);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Build_PrintsAOneLineSummary_WithPagesWarningsAndElapsedTime()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/extra.yml --
            name: Extra
            sumary: A typo that only warns.
            tier: baseline
            issuer: academy
            """);

        var code = site.Cli("build", "--source", "{src}", "--output", "{out}");

        Assert.Equal(0, code);
        // the pages of the minimal site (with the three program pages and the verify page) + the extra badge's page
        Assert.Matches(@"^built: 27 pages \(\d+ rendered; \d+ files, \d+ changed\) in .+out, 1 warning, credentials unsigned \(no --keys\) \(\d+\.\d\d s\)\r?\n$", site.Stdout);
        Assert.StartsWith("catalog/badges/extra.yml:2:1: warning CS0007: unknown field 'sumary'", site.Stderr);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public void Build_PrintsTheTimeOfEachStage_WithStats()
    {
        using var site = TestSite.Create();

        var code = site.Cli("build", "--source", "{src}", "--output", "{out}", "--stats");

        Assert.Equal(0, code);
        foreach (var stage in new[] { "load", "validate", "render", "files", "write", "commit" })
            Assert.Matches($@"(?m)^  {stage}\s+\d+ ms$", site.Stdout.Replace("\r", ""));
        Assert.Matches(@"(?m)^built: 26 pages ", site.Stdout);
        // Each template's renders: the layout wraps every page; the test catalog has two badges.
        Assert.Matches(@"(?m)^    layout\.html\s+26 renders\s+\d+ ms \(\d+\.\d\d ms each\)$", site.Stdout.Replace("\r", ""));
        Assert.Matches(@"(?m)^    badge\.html\s+2 renders ", site.Stdout);
    }

    [Fact]
    public void Validate_ReportsEveryErrorInOneRun_AsPathLineColCodeMessage()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: gold
            issuer: academy
            -- catalog/badges/other.yml --
            name: Other
            tier: baseline
            issuer: acadmy
            -- catalog/badges/third.yml --
            name: Third
            tier: baseline
            issuer: academy
            renewal: { validFor: 2 years }
            -- catalog/badges/broken.yml --
            name: [unclosed
            -- catalog/roles/management.yml --
            name: Management
            roles:
              - id: manager
                name: Manager
                promotion:
                  from: [engineer-3]
                  packages:
                    - { name: Standard, rules: [{ all: [code-review] }] }
            """);

        var code = site.Cli("validate", "--source", "{src}");

        Assert.Equal(1, code);
        var lines = site.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var diagnostics = lines.Where(l => DiagnosticLine().IsMatch(l)).ToList();
        Assert.Equal(5, diagnostics.Count);
        Assert.StartsWith("catalog/badges/broken.yml:", diagnostics[0]);
        Assert.Contains(": error CS0001: YAML syntax error", diagnostics[0]);
        Assert.Equal("catalog/badges/extra.yml:2:7: error CS0004: 'gold' is not a valid tier", diagnostics[1]);
        Assert.Equal("catalog/badges/other.yml:3:9: error CS0009: unknown issuer 'acadmy'", diagnostics[2]);
        Assert.Equal("catalog/badges/third.yml:4:22: error CS0006: 'validFor' must be an ISO 8601 duration, found '2 years'", diagnostics[3]);
        Assert.Equal("catalog/roles/management.yml:6:14: error CS0009: unknown role 'engineer-3'", diagnostics[4]);
        // Every other line is a hint under its diagnostic or the final summary.
        Assert.All(lines.Except(diagnostics), l => Assert.Matches("^(hint: |failed: )", l));
        Assert.StartsWith("failed: 5 errors, 0 warnings; nothing written", lines[^1]);
        Assert.DoesNotContain("   at ", site.Stderr);
        Assert.Equal("", site.Stdout);
    }

    [Fact]
    public void Validate_WritesNothing_WhenTheSiteIsValid()
    {
        using var site = TestSite.Create();

        var code = site.Cli("validate", "--source", "{src}");

        Assert.Equal(0, code);
        Assert.Matches(@"^valid: no errors, 0 warnings; coverage: 0 competencies without a badge, 0 badges no role uses, 0 roles no badges reach \(\d+\.\d\d s\)\r?\n$", site.Stdout);
        Assert.Equal("", site.Stderr);
        Assert.Equal(["site"], Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Validate_ExitsOneWithoutAStackTrace_WhenTheBuildHitsAnInternalError()
    {
        // Today two files with the same id (.yml and .yaml) crash the analysis stage (see the skipped test in
        // ValidateCatalogTests); whatever happens, the user must see a message, not a stack trace.
        using var site = TestSite.Create("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            -- catalog/badges/extra.yaml --
            name: Extra again
            tier: baseline
            issuer: academy
            """);

        var code = site.Cli("validate", "--source", "{src}");

        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", site.Stderr);
        Assert.DoesNotContain("Exception:", site.Stdout);
    }

    [Fact]
    public void Build_ReportsMissingSiteYml_WhenTheSourceFolderIsNotASite()
    {
        using var site = TestSite.CreateExactly();

        var code = site.Cli("build", "--source", "{src}", "--output", "{out}");

        Assert.Equal(1, code);
        Assert.StartsWith("site.yml:1:1: error CS0013: no site.yml in ", site.Stderr);
    }

    [Fact]
    public void Build_ReportsInvalidUrl_WhenBaseUrlOptionIsNotAbsolute()
    {
        using var site = TestSite.Create();

        var code = site.Cli("build", "--source", "{src}", "--output", "{out}", "--base-url", "not-a-url");

        Assert.Equal(1, code);
        Assert.StartsWith("--base-url:1:1: error CS0014: baseUrl 'not-a-url' is not an absolute http(s) URL", site.Stderr);
    }

    [GeneratedRegex(@"^\S+:\d+:\d+: (error|warning) CS\d{4}: \S.*$")]
    private static partial Regex DiagnosticLine();
}
