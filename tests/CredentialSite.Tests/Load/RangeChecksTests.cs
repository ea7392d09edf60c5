using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>
/// Numbers, durations and dates are range-checked where they are read: each of these inputs was an internal error
/// (in build, while validate said the site was fine) and is now a located diagnostic, reported by validate too.
/// </summary>
public class RangeChecksTests
{
    [Fact]
    public void NumbersThatAreInfiniteOrNotNumbers_AreErrorsAtTheirValue_InValidateAndBuild()
    {
        const string files = """
            -- site.yml --
            title: Test Catalog
            baseUrl: https://example.org/
            asOf: 2026-11-01
            rigor: { methods: { work-sample: 1e400 } }
            vetting: { weights: { publishedRubrics: NaN, assessorTraining: -5 } }
            badgesPerPage: 99999999999999999999
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            rubric:
              levels: [{ id: low, name: Low, points: 1e400 }]
              criteria:
                - { id: c, name: C, weight: -Infinity, levels: { low: Weak. } }
                - { id: d, name: D, weight: 0, levels: { low: Weak. } }
            -- input/portfolios/ann/portfolio.yml --
            name: Ann
            consent: { publish: true, scope: [profile, badges, evidence, metrics] }
            badges:
              - badge: code-review
                issued: 2026-01-01
                evidence:
                  - type: metric
                    title: Lead time
                    metric: { name: lead time, before: 1e400, after: 5 }
            """;
        string[] expected =
        [
            "catalog/badges/extra.yml:5:42: error CS0015: 'points' must be at least 0, found 1e400",
            "catalog/badges/extra.yml:7:33: error CS0015: 'weight' must be more than 0 and at most 100, found -Infinity",
            "catalog/badges/extra.yml:8:33: error CS0015: 'weight' must be more than 0 and at most 100, found 0",
            "input/portfolios/ann/portfolio.yml:9:44: error CS0015: 'before' must be from -10^15 to 10^15, found 1e400",
            "site.yml:4:34: error CS0015: 'methods.work-sample' must be from 0 to 10, found 1e400",
            "site.yml:5:41: error CS0015: 'weights.publishedRubrics' must be from 0 to 1000, found NaN",
            "site.yml:5:64: error CS0015: 'weights.assessorTraining' must be from 0 to 1000, found -5",
            "site.yml:6:16: error CS0015: 'badgesPerPage' must be at least 1, found 99999999999999999999",
        ];
        using var site = TestSite.Build(files);
        site.AssertDiagnostics(expected);

        using var validated = TestSite.Create(files);
        Assert.Equal(1, validated.Cli("validate", "--source", "{src}"));
        Assert.DoesNotContain("internal error", validated.Stderr);
        Assert.Contains(expected[0], validated.Stderr);
    }

    [Fact]
    public void ADurationOfMoreThan1000Years_IsAnErrorAtTheValue()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            renewal: { validFor: P99999999999999999999Y, gracePeriod: P1001Y }
            """);

        site.AssertDiagnostics(
            "catalog/badges/extra.yml:4:22: error CS0006: 'validFor' must be at most 1000 years long, found 'P99999999999999999999Y'",
            "catalog/badges/extra.yml:4:59: error CS0006: 'gracePeriod' must be at most 1000 years long, found 'P1001Y'");
    }

    [Fact]
    public void AnExpiryPastTheCalendarsEnd_IsThatEnd()
    {
        // Issued near the calendar's end: issued + validFor (P2Y) is past 9999-12-31, which is as good as never.
        using var late = TestSite.Build("""
            -- input/portfolios/ann/portfolio.yml --
            name: Ann
            consent: { publish: true, scope: [profile, badges] }
            targetRole: engineer-2
            badges:
              - { badge: code-review, issued: 9999-06-01 }
            """, o => o with { AsOf = new DateOnly(9999, 12, 1) });
        late.AssertOk();
        late.AssertFile("people/ann/index.html", "Code Review");
    }

    [Fact]
    public void AtLeast_ZeroOrHuge_IsOneErrorAtTheValue()
    {
        using var site = TestSite.Build("""
            -- catalog/roles/engineering.yml --
            name: Engineering
            roles:
              - id: engineer-1
                name: Engineer I
              - id: engineer-2
                name: Engineer II
                promotion:
                  from: [engineer-1]
                  packages:
                    - name: Standard
                      rules:
                        - atLeast: 0
                        - atLeast: 4000000000
                          tier: capability
            """);

        site.AssertDiagnostics(
            "catalog/roles/engineering.yml:12:24: error CS0015: 'atLeast' must be from 1 to 1000, found 0",
            "catalog/roles/engineering.yml:13:24: error CS0015: 'atLeast' must be from 1 to 1000, found 4000000000");
    }
}
