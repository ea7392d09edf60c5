using System.Text;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Program;

/// <summary>Issue 18: outcomes from consented portfolios only, in groups of at least outcomes.minCohort people.</summary>
public sealed class OutcomesTests
{
    // Three people earned code-review in 2026-Q1 (a group of 3, reported with minCohort 3, suppressed with the default 5);
    // two earned it in 2019-Q3 (the canary quarter: never reported); one who did not consent in 2018-Q2.
    private static string People()
    {
        var text = new StringBuilder();
        void Person(string id, string consent, string issued, string extra = "") => text.Append($"""

            -- input/portfolios/{id}/portfolio.yml --
            name: {id}
            consent: {consent}
            currentRole: engineer-2
            badges:
              - {"{"} badge: code-review, issued: {issued} {"}"}
            plan:
              - {"{"} title: Learn review, started: 2025-12-01, badge: code-review {"}"}
            history:
              - {"{"} role: engineer-1, from: 2024-01-01 {"}"}
              - {"{"} role: engineer-2, from: {extra} {"}"}
            """);
        const string all = "{ publish: true, scope: [profile, badges, plan] }";
        Person("ann", all, "2026-01-10", "2025-01-01");
        Person("ben", all, "2026-02-10", "2025-03-01");
        Person("cat", all, "2026-03-10", "2025-05-01");
        Person("dan", all, "2019-08-10", "2025-01-01");
        Person("eve", all, "2019-09-10", "2025-01-01");
        Person("fay", "{ publish: false, scope: [badges] }", "2018-05-10", "2025-01-01");
        return text.ToString();
    }

    [Fact]
    public void ACohortBelowTheMinimum_AppearsInNoOutputFile()
    {
        using var site = TestSite.Build(People()).AssertOk(); // minCohort 5 by default: no quarter has 5 people
        site.AssertFile("program/outcomes/index.html", "Every group of this outcome has fewer than 5 people: none is shown.", "! 2026-Q1");
        foreach (var file in site.OutputFiles())
        {
            var text = File.ReadAllText(Path.Combine(site.Output, file));
            foreach (var canary in new[] { "2019-Q3", "2018-Q2", "2026-Q1" })
                Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{file} contains '{canary}'");
        }
    }

    [Fact]
    public void AGroupOfAtLeastMinCohort_IsReported_AndTheSmallerOnesAreNot()
    {
        using var site = TestSite.CreateExactly(TestSite.Minimal.Replace("asOf: 2026-11-01\n", "asOf: 2026-11-01\noutcomes: { minCohort: 3 }\n"), People())
            .Run().AssertOk();
        site.AssertFile("program/outcomes/index.html",
            "<tr><th scope=\"row\">2026-Q1</th><td class=\"num\">3</td><td>3</td></tr>",
            "Other groups of this outcome have fewer than 3 people and are not shown.",
            "! 2019-Q3", "! 2018-Q2",
            // plan start 2025-12-01 to issue dates 40, 71 and 99 days later (the 2019 badges precede the plan: not counted)
            "<tr><th scope=\"row\">Code Review</th><td class=\"num\">3</td><td>71 days</td></tr>",
            // engineer-1 from 2024-01-01 until 2025-01-01 (ann, dan, eve), -03-01 (ben), -05-01 (cat): median 366 days
            "<tr><th scope=\"row\">Engineer I</th><td class=\"num\">5</td><td>12 months</td></tr>");
        site.AssertFile("index.html", "<a href=\"/program/outcomes/\">Outcomes</a>");
    }
}
