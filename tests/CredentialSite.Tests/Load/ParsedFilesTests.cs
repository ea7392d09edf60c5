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
}
