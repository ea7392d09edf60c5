using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>Stage 2 (Validate): duplicate ids and references between files, each pointing at the exact value.</summary>
public class ValidateCatalogTests
{
    [Fact]
    public void Framework_ReportsDuplicateId_WhenTwoCompetenciesShareAnId()
    {
        using var site = TestSite.Build("""
            -- catalog/competencies/core.yml --
            name: Core Model
            levels: [awareness, developing, proficient, expert]
            competencies:
              - { id: code-quality, name: Code Quality, cluster: Craft }
              - { id: influence, name: Influence, cluster: Leadership }
              - { id: influence, name: Influence again }
            """);

        var d = site.AssertDiagnostic("catalog/competencies/core.yml:6:11: error CS0008: duplicate competency id 'influence'");
        Assert.Contains("catalog/competencies/core.yml:5:11", d.Hint); // where the first one is
    }

    [Fact]
    public void Ladders_ReportDuplicateRoleId_WhenTwoLaddersDefineTheSameRole()
    {
        using var site = TestSite.Build("""
            -- catalog/roles/management.yml --
            name: Management
            roles:
              - id: engineer-2
                name: Engineering Manager
            """);

        site.AssertDiagnostic("catalog/roles/management.yml:3:9: error CS0008: duplicate role id 'engineer-2'");
    }

    public static TheoryData<string, string, string> SameIdInYmlAndYaml => new()
    {
        // folder, content of extra.yaml, content of extra.yml (different inner ids, so only the file ids collide)
        { "badges", "name: A\ntier: baseline\nissuer: academy\n", "name: B\ntier: baseline\nissuer: academy\n" },
        { "issuers", "name: A\ntype: internal\n", "name: B\ntype: vendor\n" },
        { "competencies", "name: A\nlevels: [low]\ncompetencies: [{ id: c-one, name: One }]\n", "name: B\nlevels: [low]\ncompetencies: [{ id: c-two, name: Two }]\n" },
        { "roles", "name: A\nroles: [{ id: r-one, name: One }]\n", "name: B\nroles: [{ id: r-two, name: Two }]\n" },
    };

    [Theory]
    [MemberData(nameof(SameIdInYmlAndYaml))]
    public void Catalog_ReportsDuplicateId_WhenYmlAndYamlFilesShareAName(string folder, string first, string second)
    {
        using var site = TestSite.Build($"""
            -- catalog/{folder}/extra.yaml --
            {first}
            -- catalog/{folder}/extra.yml --
            {second}
            """);

        // "extra.yaml" sorts before "extra.yml": the second file is the duplicate.
        site.AssertDiagnostic($"catalog/{folder}/extra.yml:1:1: error CS0008");
    }

    [Fact]
    public void Role_ReportsUnknownBadgeAtItsOwnLine_WhenAnEarlierRoleItemIsNotAMapping()
    {
        using var site = TestSite.Build("""
            -- catalog/roles/engineering.yml --
            name: Engineering
            roles:
              - just-a-string
              - id: engineer-1
                name: Engineer I
                badges: { required: [code-review] }
              - id: engineer-2
                name: Engineer II
                badges: { required: [code-revie] }
            """);

        site.AssertDiagnostics(
            "catalog/roles/engineering.yml:3:5: error CS0002: 'roles[0]' must be a mapping",
            "catalog/roles/engineering.yml:9:26: error CS0009: unknown badge 'code-revie'");
    }

    [Fact]
    public void Badge_ReportsUnknownIssuerWithDidYouMean_WhenIssuerIsMisspelled()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: acadmy
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:3:9: error CS0009: unknown issuer 'acadmy'");
        Assert.Equal("did you mean 'academy'?", d.Hint);
    }

    [Fact]
    public void Badge_ReportsUnknownCompetency_WhenCompetencyIsNotInAnyFramework()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            competencies:
              - { competency: code-qualty, level: developing }
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:5:19: error CS0009: unknown competency 'code-qualty'");
        Assert.Equal("did you mean 'code-quality'?", d.Hint);
    }

    [Fact]
    public void Badge_ReportsUnknownLevel_WhenLevelIsNotALevelOfTheFramework()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            competencies:
              - { competency: code-quality, level: master }
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:5:40: error CS0009: 'master' is not a level of framework 'core'");
    }

    [Fact]
    public void Badge_ReportsUnknownBadge_WhenAPrerequisiteDoesNotExist()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            prerequisites: [stakeholder-management, code-reveiw]
            """);

        var d = site.AssertDiagnostic("catalog/badges/extra.yml:4:41: error CS0009: unknown badge 'code-reveiw'");
        Assert.Equal("did you mean 'code-review'?", d.Hint);
    }

    [Fact]
    public void Role_ReportsUnknownRole_WhenPromotionFromNamesAMissingRole()
    {
        using var site = TestSite.Build("""
            -- catalog/roles/management.yml --
            name: Management
            roles:
              - id: manager
                name: Manager
                promotion:
                  from: [engineer-3]
                  packages:
                    - name: Standard
                      rules:
                        - all: [code-review]
            """);

        site.AssertDiagnostic("catalog/roles/management.yml:6:14: error CS0009: unknown role 'engineer-3'");
    }

    [Fact]
    public void Role_ReportsUnknownBadge_WhenAPromotionRuleNamesAMissingBadge()
    {
        using var site = TestSite.Build("""
            -- catalog/roles/management.yml --
            name: Management
            roles:
              - id: manager
                name: Manager
                promotion:
                  from: [engineer-2]
                  packages:
                    - name: Standard
                      rules:
                        - all: [code-review, people-leadership]
            """);

        site.AssertDiagnostic("catalog/roles/management.yml:10:34: error CS0009: unknown badge 'people-leadership'");
    }

    [Fact]
    public void Badges_ReportCycle_WhenPrerequisitesLoop()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/code-review.yml --
            name: Code Review
            tier: baseline
            issuer: academy
            prerequisites: [stakeholder-management]
            """);

        // Reported at the link that closes the loop: stakeholder-management's own `prerequisites: [code-review]`.
        site.AssertDiagnostic("catalog/badges/stakeholder-management.yml:7:16: error CS0017: prerequisites form a cycle: code-review -> stakeholder-management -> code-review");
    }

    [Fact]
    public void Rubric_ReportsUnknownLevels_AndWarnsAboutMissingDescriptors()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            rubric:
              levels: [{ id: low, name: Low }, { id: high, name: High }]
              requiredLevel: hgh
              criteria:
                - { id: a, name: A, levels: { low: x, high: y } }
                - { id: b, name: B, levels: { low: x } }
            """);

        var d = site.AssertDiagnostics(
            "catalog/badges/extra.yml:6:18: error CS0009: unknown rubric level 'hgh'",
            "catalog/badges/extra.yml:9:33: warning CS0003: criterion 'b' has no descriptor for level 'high'");
        Assert.Equal("did you mean 'high'?", d[0].Hint);
    }

    [Fact]
    public void Badge_WarnsInvalidValue_WhenItsVersionHasNoChangelogEntry()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            version: 2.0.0
            governance:
              changelog:
                - { version: 1.0.0, date: 2026-01-15, changes: First. }
            """);

        site.AssertDiagnostic("catalog/badges/extra.yml:4:10: warning CS0015: version 2.0.0 has no changelog entry");
        Assert.Equal(0, site.ExitCode);
    }

    [Fact]
    public void TheChecks_StopWhenTheBuildIsDropped()
    {
        // A badge with an unknown issuer: the checks would report it, unless they stop first.
        using var site = TestSite.Create("""
            -- catalog/badges/orphan.yml --
            name: Orphan
            summary: Points at an issuer nobody defined.
            status: active
            tier: baseline
            issuer: nobody
            criteria: None.
            """);
        var catalog = site.LoadCatalog();

        var reported = new DiagnosticBag();
        ValidateCatalog.Run(catalog, reported);
        Assert.Contains(reported.All, d => d.Message.Contains("unknown issuer 'nobody'"));

        var dropped = new DiagnosticBag();
        Assert.ThrowsAny<OperationCanceledException>(() => ValidateCatalog.Run(catalog, dropped, new CancellationToken(true)));
        Assert.ThrowsAny<OperationCanceledException>(() => ValidatePortfolios.Run(catalog, new SourceFolder(site.Source), dropped, new CancellationToken(true)));
        Assert.Empty(dropped.All);
    }

    [Fact]
    public void ACompetencyOrBadgeListedTwice_IsAnErrorAtTheSecond_NotACrash()
    {
        // Found by the fuzz harness: a role naming a competency twice crashed the build.
        using var site = TestSite.Build("""
            -- catalog/roles/engineering.yml --
            name: Engineering
            roles:
              - id: engineer-1
                name: Engineer I
                competencies:
                  - { competency: code-quality, level: developing }
                  - { competency: code-quality, level: proficient }
                badges:
                  required: [code-review]
                  optional: [code-review]
              - id: engineer-2
                name: Engineer II
                competencies:
                  - { competency: code-quality, level: proficient }
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            competencies:
              - { competency: influence, level: developing }
              - { competency: influence, level: proficient }
            """);

        site.AssertDiagnostics(
            "catalog/badges/extra.yml:6:19: error CS0008: the competency 'influence' is listed twice",
            "catalog/roles/engineering.yml:7:23: error CS0008: the competency 'code-quality' is listed twice",
            "catalog/roles/engineering.yml:10:18: error CS0008: the badge 'code-review' is listed twice");
    }
}
