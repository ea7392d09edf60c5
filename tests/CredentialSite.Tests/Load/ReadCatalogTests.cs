using CredentialSite.Diagnostics;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>
/// Stage 1 (Load): each class of bad input in one file becomes one diagnostic with its stable code and the
/// repository-relative path, line and column of the offending value. New badges go in extra.yml so that
/// dropping a bad badge does not break references from the minimal site's ladder.
/// </summary>
public class ReadCatalogTests
{
    [Fact]
    public void Load_ReportsYamlSyntaxError_WhenAValueContainsAColonSpace()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            summary: Reviews: code well
            tier: baseline
            issuer: academy
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:2:17: error CS0001: YAML syntax error");
        Assert.Equal(1, site.ExitCode);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void AnchorsAndAliases_AreRead_AsTheValueTheyName()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: &name Extra Badge
            summary: *name
            tier: baseline
            issuer: academy
            tags: &tags [alpha, beta]
            competencies:
              - &c { competency: code-quality, level: developing }
            assessment:
              - { method: knowledge-exam }
            alignments: []
            """).AssertOk();

        var badge = site.LoadCatalog().Badges.Single(b => b.Id == "extra");
        Assert.Equal("Extra Badge", badge.Summary);
        Assert.Equal(["alpha", "beta"], badge.Tags);
    }

    [Fact]
    public void AnAliasToNoAnchor_IsAYamlSyntaxError_AtTheAlias()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            summary: *nowhere
            tier: baseline
            issuer: academy
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:2:10: error CS0001: YAML syntax error");
    }

    [Fact]
    public void ASecondDocument_IsAYamlSyntaxError_AtItsStart()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            ---
            name: Second
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:4:1: error CS0001: YAML syntax error: a second YAML document starts here");
    }

    [Theory]
    [InlineData("tags: [alpha, beta", "'['")]
    [InlineData("competencies: { competency: code-quality", "'{'")]
    public void ABracketLeftOpen_BeforeMoreLines_IsAYamlSyntaxError_AtTheBracket(string line, string bracket)
    {
        // YamlDotNet's scanner throws a bare InvalidOperationException here: it was an internal error.
        using var site = TestSite.Build($"""
            -- catalog/badges/extra.yml --
            name: Extra
            {line}
            tier: baseline
            issuer: academy
            """);

        var d = site.AssertDiagnostic($"catalog/badges/extra.yml:2:{line.IndexOf(bracket[1]) + 1}: error CS0001: YAML syntax error: the {bracket} opened here is not closed");
        Assert.Equal(1, site.ExitCode);
        Assert.Contains("close it", d.Hint);
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreAnError_AtTheirPlace_InYamlAndInPages()
    {
        using var site = TestSite.Create("""
            -- catalog/badges/extra.yml --
            -- input/pages/help.md --
            """);
        File.WriteAllBytes(Path.Combine(site.Source, "catalog/badges/extra.yml"),
            [.. "name: Ext"u8, 0xFF, .. "ra\ntier: baseline\nissuer: academy\n"u8]);
        File.WriteAllBytes(Path.Combine(site.Source, "input/pages/help.md"),
            [.. "---\ntitle: Help\n---\nCaf\u00e9 "u8, 0xC3, 0x28, .. " menu\n"u8]);
        // A byte order mark is fine.
        File.WriteAllBytes(Path.Combine(site.Source, "input/pages/about.md"), [.. "\uFEFF---\ntitle: About\n---\nHi.\n"u8]);
        site.Run();

        site.AssertDiagnostics(
            "catalog/badges/extra.yml:1:10: error CS0001: the file is not valid UTF-8",
            "input/pages/help.md:4:6: error CS0001: the file is not valid UTF-8");
    }

    [Fact]
    public void AKeyRepeatedInOneMapping_IsAYamlSyntaxError_AtTheSecondOne()
    {
        // In a mapping the loader reads field by field (the badge) and in one it reads whole (a criterion's descriptors).
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            tier: capability
            -- catalog/badges/other.yml --
            name: Other
            tier: baseline
            issuer: academy
            rubric:
              levels: [{ id: low, name: Low }, { id: high, name: High }]
              criteria:
                - id: c
                  name: C
                  levels: { low: Weak., high: Strong., low: Again. }
            """);

        site.AssertDiagnostics(
            "catalog/badges/extra.yml:4:1: error CS0001: YAML syntax error: the key 'tier' appears twice in this mapping",
            "catalog/badges/other.yml:9:44: error CS0001: YAML syntax error: the key 'low' appears twice in this mapping");
    }

    [Fact]
    public void AKeyThatIsNotAText_AndNestingTooDeep_AreYamlSyntaxErrors()
    {
        var deep = new string('[', 300) + new string(']', 300);
        using var site = TestSite.Build($"""
            -- catalog/badges/extra.yml --
            name: Extra
            ? [a, b]
            : 1
            -- catalog/badges/other.yml --
            name: {deep}
            """);

        site.AssertDiagnostics(
            "catalog/badges/extra.yml:2:3: error CS0001: YAML syntax error: a key must be a text, not a list or a mapping",
            "catalog/badges/other.yml:1:207: error CS0001: YAML syntax error: lists and mappings nest deeper than 200 levels");
    }

    [Fact]
    public void Badge_ReportsWrongType_WhenTagsIsAScalarInsteadOfAList()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            tags: leadership
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:4:7: error CS0002: 'tags' must be a list");
        Assert.Contains("tags: [leadership]", d.Hint);
    }

    [Fact]
    public void Badge_ReportsWrongType_WhenNameIsAMapping()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: { en: Extra }
            tier: baseline
            issuer: academy
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:1:7: error CS0002: 'name' must be a text, found a mapping");
    }

    [Fact]
    public void Badge_ReportsMissingField_WhenTierIsAbsent()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            issuer: academy
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:1:1: error CS0003: missing required field 'tier'");
    }

    [Fact]
    public void Badge_ReportsInvalidEnum_WhenTierIsGold()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: gold
            issuer: academy
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:2:7: error CS0004: 'gold' is not a valid tier");
        Assert.Contains("baseline, capability, distinction", d.Hint);
    }

    [Fact]
    public void Approval_ReportsInvalidDate_WhenMonthIs13()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            governance:
              approvals:
                - { step: design, by: Team, date: 2026-13-01 }
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:6:39: error CS0005: 'date' must be an ISO 8601 date, found '2026-13-01'");
    }

    [Fact]
    public void Vetting_ReportsInvalidDate_WhenReviewedIsNotADate()
    {
        using var site = TestSite.Build("""
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: internal
            vetting:
              reviewed: 2026-02-30
            """);

        site.AssertDiagnostic("catalog/issuers/academy.yml:4:13: error CS0005: 'reviewed' must be an ISO 8601 date");
    }

    [Fact]
    public void Renewal_ReportsInvalidDuration_WhenValidForIsWords()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            renewal:
              validFor: 2 years
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:5:13: error CS0006: 'validFor' must be an ISO 8601 duration, found '2 years'");
        Assert.Contains("P2Y", d.Hint);
    }

    [Fact]
    public void Badge_WarnsUnknownFieldWithDidYouMean_WhenSummaryIsMisspelled()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            sumary: One line.
            tier: baseline
            issuer: academy
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:2:1: warning CS0007: unknown field 'sumary'");
        Assert.Equal("did you mean 'summary'?", d.Hint);
        Assert.Equal(0, site.ExitCode); // a warning alone does not fail the build
        Assert.True(site.FileExists("badges/extra/index.html"));
    }

    [Fact]
    public void Build_FailsOnUnknownField_WhenWarningsAreErrors()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            sumary: One line.
            tier: baseline
            issuer: academy
            """, o => o with { WarningsAsErrors = true });

        site.AssertDiagnostic("catalog/badges/extra.yml:2:1: warning CS0007");
        Assert.Equal(1, site.ExitCode);
        Assert.False(site.FileExists("index.html"));
    }

    [Fact]
    public void Badge_ReportsIdMismatch_WhenIdDiffersFromFileName()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            id: extra-badge
            name: Extra
            tier: baseline
            issuer: academy
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:1:5: error CS0010: id 'extra-badge' does not match the file name 'extra'");
        Assert.Contains("rename the file", d.Hint);
    }

    [Fact]
    public void Badge_ReportsImageWithoutAlt_WhenImageAltIsMissing()
    {
        using var site = TestSite.Build("""
            -- input/assets/extra.svg --
            <svg xmlns="http://www.w3.org/2000/svg"/>
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            image: assets/extra.svg
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:4:8: error CS0011: the badge has an image but no imageAlt");
    }

    [Fact]
    public void Badge_ReportsInvalidId_WhenFileNameHasUpperCase()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/Extra_Badge.yml --
            name: Extra
            tier: baseline
            issuer: academy
            """);

        site.AssertDiagnostic("catalog/badges/Extra_Badge.yml:1:1: error CS0012: 'Extra_Badge' is not a valid id");
    }

    [Fact]
    public void ATextRepeatedAcrossFiles_IsOneStringInMemory()
    {
        using var site = TestSite.Create();
        var badges = site.LoadCatalog().Badges.Where(b => b.Issuer == "academy").ToList();

        Assert.True(badges.Count >= 2);
        // Two files, two parses, one string: the second badge's issuer id is the first one's.
        Assert.Same(badges[0].Issuer, badges[1].Issuer);
        Assert.Same(badges[0].Status, badges[1].Status);
    }
}
