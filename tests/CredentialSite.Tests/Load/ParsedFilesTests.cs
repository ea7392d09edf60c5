using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>`serve` re-parses only the files that changed; everything else comes from the previous build.</summary>
public sealed class ParsedFilesTests
{
    private static Model.Catalog Load(TestSite site, ParsedFiles parsed, DiagnosticBag diags) =>
        LoadCatalog.Run(new SourceFolder(site.Source), BuildOptions.Default, diags, parsed)!;

    [Fact]
    public void UnchangedFiles_AreReused_AndAChangedFileIsParsedAgain()
    {
        using var site = TestSite.Create();
        var parsed = new ParsedFiles();
        var first = Load(site, parsed, new DiagnosticBag());
        var afterFirst = parsed.Parsed;
        Assert.True(afterFirst >= 3); // issuer, framework, badges, ladder, portfolios

        var second = Load(site, parsed, new DiagnosticBag());
        Assert.Equal(afterFirst, parsed.Parsed); // nothing changed: nothing parsed
        Assert.Same(first.Badges.Single(b => b.Id == "code-review"), second.Badges.Single(b => b.Id == "code-review"));

        var path = "catalog/badges/code-review.yml";
        site.Write(path, File.ReadAllText(Path.Combine(site.Source, path)).Replace("name: Code Review", "name: Careful Code Review"));
        var third = Load(site, parsed, new DiagnosticBag());
        Assert.Equal(afterFirst + 1, parsed.Parsed);
        Assert.Equal("Careful Code Review", third.Badges.Single(b => b.Id == "code-review").Name);
        Assert.Same(first.Issuers.Single(), third.Issuers.Single());
    }

    [Fact]
    public void AReusedFile_ReportsItsDiagnosticsAgain()
    {
        using var site = TestSite.Create();
        site.Write("catalog/issuers/academy.yml", File.ReadAllText(Path.Combine(site.Source, "catalog/issuers/academy.yml")) + "colour: blue\n");
        var parsed = new ParsedFiles();
        var first = new DiagnosticBag();
        Load(site, parsed, first);
        var second = new DiagnosticBag();
        Load(site, parsed, second);

        var unknown = Assert.Single(second.Sorted(), d => d.Message.Contains("colour", StringComparison.Ordinal));
        Assert.Equal("catalog/issuers/academy.yml", unknown.Location.Path);
        Assert.Equal(first.Sorted().Select(d => d.ToString()), second.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void WithAWatcherReport_OnlyReportedFilesAndFoldersAreLookedAt()
    {
        using var site = TestSite.Create();
        var parsed = new ParsedFiles();
        string Full(string rel) => Path.GetFullPath(Path.Combine(site.Source, rel));
        ParsedFiles.Report Saw(string[]? changed = null, string[]? moved = null) =>
            new((changed ?? []).Select(Full).ToHashSet(), (moved ?? []).Select(Full).ToHashSet());
        var first = Load(site, parsed, new DiagnosticBag());
        var count = parsed.Parsed;

        // A reported edit is parsed again.
        var badge = "catalog/badges/code-review.yml";
        site.Write(badge, File.ReadAllText(Full(badge)).Replace("name: Code Review", "name: Reported Review"));
        parsed.Since(Saw(changed: [badge]));
        Assert.Equal("Reported Review", Load(site, parsed, new DiagnosticBag()).Badges.Single(b => b.Id == "code-review").Name);
        Assert.Equal(count + 1, parsed.Parsed);

        // A file created in a folder makes the folder be listed again; a deleted one leaves it.
        site.Write("catalog/badges/new-badge.yml", File.ReadAllText(Full(badge)).Replace("name: Reported Review", "name: New Badge"));
        parsed.Since(Saw(moved: ["catalog/badges/new-badge.yml"]));
        Assert.Contains(Load(site, parsed, new DiagnosticBag()).Badges, b => b.Id == "new-badge");
        File.Delete(Full("catalog/badges/new-badge.yml"));
        parsed.Since(Saw(moved: ["catalog/badges/new-badge.yml"]));
        Assert.DoesNotContain(Load(site, parsed, new DiagnosticBag()).Badges, b => b.Id == "new-badge");

        // A file the watcher did not report is not even looked at; without a report, every file is checked.
        var issuer = "catalog/issuers/academy.yml";
        site.Write(issuer, File.ReadAllText(Full(issuer)).Replace("name: Test Academy", "name: Unreported Academy"));
        parsed.Since(Saw());
        Assert.Same(first.Issuers.Single(), Load(site, parsed, new DiagnosticBag()).Issuers.Single());
        parsed.Since(null);
        Assert.Equal("Unreported Academy", Load(site, parsed, new DiagnosticBag()).Issuers.Single().Name);
    }
}
