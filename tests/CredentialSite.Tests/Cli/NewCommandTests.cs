using CredentialSite.Cli;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Cli;

/// <summary>`new` starts a site that builds cleanly, publishes nobody, and deploys with the installed tool (issue 14).</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "new-cmd-" + Guid.NewGuid().ToString("N")[..12]);

    private string New()
    {
        var dir = Path.Combine(_root, "site");
        var (code, stdout, stderr) = TestSite.RunCli("new", dir);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"^new: \d+ files in ", stdout);
        return dir;
    }

    [Fact]
    public void New_WritesASiteThatBuildsWithNoWarnings_AndPublishesNobody()
    {
        var dir = New();
        var output = Path.Combine(_root, "out");
        var (code, _, stderr) = TestSite.RunCli("build", "--source", dir, "--output", output, "--warnings-as-errors");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        foreach (var page in new[] { "badges/code-review/index.html", "badges/service-design/index.html", "badges/technical-leadership/index.html",
                     "roles/senior-engineer/index.html", "about/index.html" })
            Assert.True(File.Exists(Path.Combine(output, page)), page);
        // The example portfolio has no consent: nothing about Sam is published.
        Assert.False(Directory.Exists(Path.Combine(output, "people")));
        foreach (var file in TestSite.FilesUnder(output))
            Assert.DoesNotContain("Sam Example", File.ReadAllText(Path.Combine(output, file)));
    }

    [Fact]
    public void New_WritesTheCatalogTeamsFiles_AndAWorkflowThatUsesThePinnedTool()
    {
        var dir = New();
        foreach (var file in new[] { "site.yml", "README.md", ".gitignore", ".vscode/settings.json", "input/pages/about.md",
                     "catalog/issuers/academy.yml", "catalog/competencies/engineering.yml", "catalog/roles/engineering.yml" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(dir, "catalog", "badges")).Length);
        Assert.Contains($"\"version\": \"{CliApp.Version}\"", File.ReadAllText(Path.Combine(dir, ".config", "dotnet-tools.json")));
        var workflow = File.ReadAllText(Path.Combine(dir, ".github", "workflows", "pages.yml"));
        Assert.Contains("dotnet tool restore", workflow);
        Assert.Contains("credentialsite build --output _site --base-url \"${{ steps.pages.outputs.base_url }}/\" --warnings-as-errors", workflow);
        Assert.Contains("actions/upload-pages-artifact", workflow);
        Assert.Contains("actions/deploy-pages", workflow);
        Assert.DoesNotContain("dotnet run", workflow);
    }

    [Fact]
    public void New_RefusesANonEmptyFolder_AndWritesNothing()
    {
        var dir = Path.Combine(_root, "full");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var (code, _, stderr) = TestSite.RunCli("new", dir);
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("is not empty", stderr);
        Assert.Equal(["notes.txt"], TestSite.FilesUnder(dir));
    }

    [Fact]
    public void Build_WithoutSiteYml_HintsAtNew()
    {
        Directory.CreateDirectory(_root);
        var (code, _, stderr) = TestSite.RunCli("build", "--source", _root, "--output", Path.Combine(_root, "out"));
        Assert.Equal(CliApp.InputErrors, code);
        Assert.Contains("error CS0013", stderr);
        Assert.Contains("credentialsite new", stderr);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
