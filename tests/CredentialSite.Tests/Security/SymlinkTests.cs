using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Security;

/// <summary>
/// Nothing leaves the source folder: a symbolic link that leads outside it is never followed, wherever it is (assets,
/// pages, catalog, portfolios and their files, theme, site.yml); it is a located error (CS0103) and its target's
/// content reaches no output file. A link that stays inside the source folder is followed.
/// </summary>
public sealed class SymlinkTests
{
    private const string Secret = "CANARY-SECRET-TOKEN-5e1d";

    /// <summary>A folder beside the source (in the test's temp dir) holding a secret file and folder, as /etc or /proc would.</summary>
    private static string Outside(TestSite site)
    {
        var outside = Path.Combine(site.Root, "elsewhere");
        Directory.CreateDirectory(Path.Combine(outside, "folder"));
        File.WriteAllText(Path.Combine(outside, "secret.txt"), Secret + "\n");
        File.WriteAllText(Path.Combine(outside, "folder", "secret.txt"), Secret + "\n");
        File.WriteAllText(Path.Combine(outside, "page.md"), $"---\ntitle: {Secret}\n---\n{Secret}\n");
        File.WriteAllText(Path.Combine(outside, "badge.yml"), $"name: {Secret}\ntier: baseline\nissuer: academy\n");
        return outside;
    }

    private static void Link(TestSite site, string relPath, string target)
    {
        var full = Path.Combine(site.Source, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (Directory.Exists(target)) Directory.CreateSymbolicLink(full, target);
        else File.CreateSymbolicLink(full, target);
    }

    private static void AssertNoSecretAnywhere(TestSite site)
    {
        foreach (var file in site.OutputFiles())
            Assert.False(File.ReadAllText(Path.Combine(site.Output, file)).Contains(Secret, StringComparison.Ordinal), $"{file} holds the secret");
        Assert.DoesNotContain(site.Diagnostics, d => d.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("input/assets/env.txt", "secret.txt")]                  // a file: /proc/self/environ, /etc/passwd
    [InlineData("input/assets/shared", "folder")]                       // a folder of assets
    [InlineData("input/pages/leak.md", "page.md")]                      // a free page
    [InlineData("input/pages/more", "folder")]
    [InlineData("catalog/badges/leak.yml", "badge.yml")]                // a catalog file
    [InlineData("theme/static/leak.txt", "secret.txt")]                 // the site's theme override
    [InlineData("theme/templates", "folder")]
    public void LinkLeadingOutside_IsALocatedError_AndNotFollowed(string link, string target)
    {
        using var site = TestSite.Create();
        Link(site, link, Path.Combine(Outside(site), target));
        site.Run();
        var d = site.AssertDiagnostic($"{link}:1:1: error CS0103: '{link}' is a symbolic link that leads outside the source folder");
        Assert.NotNull(d.Hint);
        Assert.Equal(1, site.ExitCode);
        AssertNoSecretAnywhere(site);
    }

    [Theory]
    [InlineData("catalog/badges")]
    [InlineData("input/assets")]
    [InlineData("input/portfolios")]
    public void CatalogOrInputFolder_ThatIsALinkLeadingOutside_IsAnError(string folder)
    {
        using var site = TestSite.Create();
        var outside = Outside(site);
        Directory.CreateDirectory(Path.Combine(outside, "folder", "p"));
        File.WriteAllText(Path.Combine(outside, "folder", "p", "portfolio.yml"), $"name: {Secret}\nconsent: {{ publish: true, scope: [profile] }}\n");
        if (Directory.Exists(Path.Combine(site.Source, folder))) Directory.Delete(Path.Combine(site.Source, folder), recursive: true);
        Link(site, folder, Path.Combine(outside, "folder"));
        site.Run();
        // (Without the badges, roles name unknown badges too.)
        Assert.Contains(site.Diagnostics, d => d.ToString().StartsWith($"{folder}:1:1: error CS0103", StringComparison.Ordinal));
        AssertNoSecretAnywhere(site);
    }

    [Fact]
    public void SiteYml_ThatIsALinkLeadingOutside_IsAnError()
    {
        using var site = TestSite.Create();
        var outside = Outside(site);
        File.Move(Path.Combine(site.Source, "site.yml"), Path.Combine(outside, "site.yml"));
        Link(site, "site.yml", Path.Combine(outside, "site.yml"));
        site.Run();
        site.AssertDiagnostic("site.yml:1:1: error CS0103");
    }

    [Fact]
    public void PortfolioFolder_ThatIsALinkLeadingOutside_IsNotRead()
    {
        using var site = TestSite.Create();
        var outside = Outside(site);
        Directory.CreateDirectory(Path.Combine(outside, "eve", "evidence"));
        File.WriteAllText(Path.Combine(outside, "eve", "portfolio.yml"), $"""
            name: {Secret}
            consent: {"{"} publish: true, scope: [profile, badges, evidence] {"}"}
            """);
        Link(site, "input/portfolios/eve", Path.Combine(outside, "eve"));
        site.Run();
        site.AssertDiagnostic("input/portfolios/eve:1:1: error CS0103");
        AssertNoSecretAnywhere(site);
    }

    [Fact]
    public void PortfolioYml_ThatIsALinkLeadingOutside_IsNotRead()
    {
        using var site = TestSite.Create();
        var outside = Outside(site);
        File.WriteAllText(Path.Combine(outside, "portfolio.yml"), $"name: {Secret}\nconsent: {{ publish: true, scope: [profile] }}\n");
        Link(site, "input/portfolios/eve/portfolio.yml", Path.Combine(outside, "portfolio.yml"));
        site.Run();
        site.AssertDiagnostic("input/portfolios/eve/portfolio.yml:1:1: error CS0103");
        AssertNoSecretAnywhere(site);
    }

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    private const string Eve = """
        -- input/portfolios/eve/portfolio.yml --
        name: Eve
        consent: { publish: true, scope: [profile, badges, evidence] }
        photo: photo.png
        photoAlt: Eve
        badges:
          - badge: code-review
            evidence:
              - { type: artifact, title: Notes, file: evidence/notes.txt }
        -- input/portfolios/other/portfolio.yml --
        name: Other
        consent: { publish: false }
        -- input/portfolios/other/private.txt --
        not Eve's
        """;

    [Theory]
    [InlineData("input/portfolios/eve/evidence/notes.txt", "OUTSIDE", "input/portfolios/eve/portfolio.yml:8:47: error CS0103")]
    [InlineData("input/portfolios/eve/evidence", "OUTSIDE-FOLDER", "input/portfolios/eve/portfolio.yml:8:47: error CS0103")]
    [InlineData("input/portfolios/eve/photo.png", "OUTSIDE", "input/portfolios/eve/portfolio.yml:3:8: error CS0103")]
    [InlineData("input/portfolios/eve/evidence/notes.txt", "../../other/private.txt", "input/portfolios/eve/portfolio.yml:8:47: error CS0102")]
    public void PortfolioFiles_ThatAreLinksLeadingOut_AreErrorsAtTheirField(string link, string target, string expected)
    {
        using var site = TestSite.Create(Eve);
        var outside = Outside(site);
        Link(site, link, target switch
        {
            "OUTSIDE" => Path.Combine(outside, "secret.txt"),
            "OUTSIDE-FOLDER" => Path.Combine(outside, "folder"),
            _ => target,
        });
        if (!link.EndsWith("photo.png")) File.WriteAllBytes(Path.Combine(site.Source, "input/portfolios/eve/photo.png"), Png);
        site.Run();
        Assert.Contains(site.Diagnostics, d => d.ToString().StartsWith(expected, StringComparison.Ordinal));
        AssertNoSecretAnywhere(site);
    }

    [Fact]
    public void LinksThatStayInside_AreFollowed_AndLinkLoopsEnd()
    {
        using var site = TestSite.Create("""
            -- input/assets/files/a.txt --
            A
            -- input/pages/shared/extra.md --
            ---
            title: Extra
            ---
            Extra.
            """);
        Link(site, "input/assets/b.txt", "files/a.txt");
        Link(site, "input/assets/files/again", "..");               // a loop: listed once
        Link(site, "input/pages/team.md", "shared/extra.md");
        site.Run().AssertOk();
        Assert.Equal("A\n", site.ReadFile("assets/b.txt"));
        Assert.Equal("A\n", site.ReadFile("assets/files/a.txt"));
        site.AssertFile("team/index.html", "Extra.");
    }

    [Fact]
    public void BrokenLink_IsAMissingFile_NotACrash()
    {
        using var site = TestSite.Create();
        Link(site, "input/assets/gone.svg", "nothing-here.svg");
        site.Run();
        site.AssertDiagnostic("input/assets/gone.svg:1:1: error CS0016");
    }
}
