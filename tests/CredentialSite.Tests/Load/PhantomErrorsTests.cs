using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>
/// Every problem once, and no phantom ones: a record with field errors is still loaded (with placeholders), so that
/// files naming it report nothing and its own references are checked in the same run.
/// </summary>
public class PhantomErrorsTests
{
    [Fact]
    public void OneBadgeWithFiveMistakes_ReportsAllFive_AndNothingElsewhere()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/code-review.yml --
            name: Code Review
            tier: capabilty
            issuer: acadmy
            competencies:
              - { competency: code-qualty, level: developing }
            rubric:
              levels: [{ id: ok, name: OK }]
              criteria:
                - { id: clarity, name: Clarity, weight: -10, levels: { ok: Clear. } }
            governance:
              approvals:
                - { step: review, date: 2026-02-30 }
            -- input/portfolios/ann/portfolio.yml --
            name: Ann
            consent: { publish: true, scope: [profile, badges] }
            targetRole: engineer-2
            badges:
              - { badge: code-review, issued: 2026-01-01, results: { clarity: ok } }
            """);

        // The minimal site's ladder names code-review three times and the other badge has it as a prerequisite:
        // none of them is reported.
        site.AssertDiagnostics(
            "catalog/badges/code-review.yml:2:7: error CS0004: 'capabilty' is not a valid tier",
            "catalog/badges/code-review.yml:3:9: error CS0009: unknown issuer 'acadmy'",
            "catalog/badges/code-review.yml:5:19: error CS0009: unknown competency 'code-qualty'",
            "catalog/badges/code-review.yml:9:45: error CS0015: 'weight' must be more than 0 and at most 100, found -10",
            "catalog/badges/code-review.yml:12:29: error CS0005: 'date' must be an ISO 8601 date");
    }

    [Fact]
    public void AnIssuerAFrameworkAndALadder_WithFieldErrors_CanStillBeNamed()
    {
        using var site = TestSite.Build("""
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: univercity
            -- catalog/competencies/core.yml --
            version: "1.0"
            levels: [awareness, developing, proficient, expert]
            competencies:
              - { id: code-quality, cluster: Craft }
              - { id: influence, name: Influence, cluster: Leadership }
            -- catalog/roles/engineering.yml --
            roles:
              - { id: engineer-1, name: Engineer I, level: one }
              - id: engineer-2
                name: Engineer II
                promotion:
                  from: [engineer-1]
                  packages:
                    - rules:
                        - all: [code-review]
            -- input/portfolios/ann/portfolio.yml --
            consent: { publish: true, scope: [profile, badges] }
            currentRole: engineer-1
            targetRole: engineer-3
            """);

        site.AssertDiagnostics(
            "catalog/issuers/academy.yml:2:7: error CS0004: 'univercity' is not a valid type",
            "catalog/competencies/core.yml:1:1: error CS0003: missing required field 'name'",
            "catalog/competencies/core.yml:4:5: error CS0003: missing required field 'name'",
            "catalog/roles/engineering.yml:1:1: error CS0003: missing required field 'name'",
            "catalog/roles/engineering.yml:2:48: error CS0002: 'level' must be a whole number",
            // The portfolio without a name still has its references checked.
            "input/portfolios/ann/portfolio.yml:1:1: error CS0003: missing required field 'name'",
            "input/portfolios/ann/portfolio.yml:3:13: error CS0009: unknown role 'engineer-3'");
    }

    [Fact]
    public void ABadgeOrIssuerFileThatDoesNotParse_IsReportedOnce_NotAsUnknownWhereverItIsNamed()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/code-review.yml --
            name: Code Review
            tier: [capability
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: {university
            -- input/portfolios/ann/portfolio.yml --
            name: Ann
            consent: { publish: true, scope: [profile, badges] }
            badges:
              - { badge: code-review, issued: 2026-01-01 }
            """);

        // The ladder, the other badge and the portfolio name code-review, and every badge names academy: only the two
        // files' own syntax errors are reported.
        var lines = site.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.All(lines, d => Assert.DoesNotContain("CS0009", d));
        Assert.Contains(lines, d => d.StartsWith("catalog/badges/code-review.yml:", StringComparison.Ordinal));
        Assert.Contains(lines, d => d.StartsWith("catalog/issuers/academy.yml:", StringComparison.Ordinal));
    }
}
