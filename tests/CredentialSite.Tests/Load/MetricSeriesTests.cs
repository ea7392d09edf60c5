using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>A metric's series of dated values and its better direction (issue 17): read, checked at their place, and drawn.</summary>
public class MetricSeriesTests
{
    private const string Portfolio = """
        -- input/portfolios/ann/portfolio.yml --
        name: Ann
        consent: { publish: true, scope: [profile, badges, evidence, metrics] }
        badges:
          - badge: code-review
            issued: 2026-01-01
            evidence:
              - type: metric
                title: Lead time
                metric:
                  name: lead time
                  unit: days
                  better: SERIES_BETTER
                  series:
                    - { date: 2026-01-31, value: 9 }
                    - { date: 2026-03-31, value: SERIES_VALUE }
                    - { date: SERIES_DATE, value: 4 }
        """;

    private static string With(string better, string value, string date) =>
        Portfolio.Replace("SERIES_BETTER", better).Replace("SERIES_VALUE", value).Replace("SERIES_DATE", date);

    [Fact]
    public void ASeries_IsDrawn_WithTheChangeJudgedInWords()
    {
        using var site = TestSite.Build(With("lower", "6.5", "2026-06-30"));
        site.AssertFile("people/ann/index.html",
            "<svg role=\"img\" aria-labelledby=\"metric-code-review-1-t\"",
            "<title id=\"metric-code-review-1-t\">lead time over time</title>",
            "▼ -5 days, better",
            "<li>Mar 2026: 6.5 days</li>");
    }

    [Fact]
    public void BadSeriesValues_AreErrorsAtTheirPlace()
    {
        using var site = TestSite.Build(With("smaller", "many", "2026-01-31"));
        site.AssertDiagnostics(
            "input/portfolios/ann/portfolio.yml:12:19: error CS0004: 'smaller' is not a valid better",
            "input/portfolios/ann/portfolio.yml:15:42: error CS0002: 'value' must be a number, found 'many'",
            "input/portfolios/ann/portfolio.yml:16:23: error CS0015: the series has two values for 2026-01-31");
    }
}
