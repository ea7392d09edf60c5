using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Program;

/// <summary>Issue 18: the combined promotion scorecard, its weights checked, shown in the dossier.</summary>
public sealed class ScorecardTests
{
    private static string Site(string scorecard) => TestSite.Minimal.Replace("""
                    - atLeast: 1
                      tier: capability
        """, """
                    - atLeast: 1
                      tier: capability
              scorecard:
        """ + "\n" + scorecard) + """

        -- input/portfolios/ada/portfolio.yml --
        name: Ada
        consent: { publish: true, scope: [profile, badges, readiness, attestations] }
        currentRole: engineer-1
        targetRole: engineer-2
        badges:
          - { badge: code-review, issued: 2026-03-10 }
        managerStatement:
          by: Dana Manager
          statement: Ada delivers.
          demonstrated: Specific, kind review.
          results: Fewer defects reached production.
          repeatable: Yes, on every team she joined.
          scores: { outcomes: 80 }
        """;

    private const string Parts = """
                - { part: outcomes, name: Performance outcomes, weight: 60, source: manager }
                - { part: badges, name: Badge attainment, weight: 40, source: readiness }
        """;

    [Fact]
    public void TheDossier_ShowsTheScorecard_WithWeightsAndSources()
    {
        using var site = TestSite.CreateExactly(Site(Parts)).Run().AssertOk();
        // Ada fills 1 of the 2 slots of the package and holds the 1 required badge: attainment 2/3.
        site.AssertFile("people/ada/dossier/index.html",
            "Promotion scorecard for Engineer II",
            "<tr><th scope=\"row\">Performance outcomes</th><td class=\"num\">60%</td><td>manager statement by Dana Manager</td><td class=\"num\">80</td><td class=\"num\">48</td></tr>",
            "<tr><th scope=\"row\">Badge attainment</th><td class=\"num\">40%</td><td>badge attainment, computed from readiness</td><td class=\"num\">66.7</td><td class=\"num\">26.7</td></tr>",
            "<td class=\"num\">74.7</td>",
            "What did the badge demonstrate?", "Fewer defects reached production.", "Is the behaviour repeatable?");
    }

    [Fact]
    public void AManagerScore_ForAPartTheScorecardDoesNotScoreByManager_IsALocatedError()
    {
        using var site = TestSite.CreateExactly(Site(Parts).Replace("scores: { outcomes: 80 }", "scores: { outcome: 80, badges: 90 }")).Run();
        site.AssertDiagnostics(
            "input/portfolios/ada/portfolio.yml:13:13: error CS0009: 'outcome' is not a manager-scored part of the target role's promotion scorecard",
            "input/portfolios/ada/portfolio.yml:13:26: error CS0009: 'badges' is not a manager-scored part of the target role's promotion scorecard");
    }

    [Fact]
    public void Weights_ThatDoNotAddUpTo100_OrAreZero_OrRepeatAPart_AreLocatedErrors()
    {
        using var site = TestSite.CreateExactly(Site("""
                    - { part: outcomes, weight: 0, source: manager }
                    - { part: outcomes, weight: 30, source: manager }
                    - { part: badges, weight: 40, source: readiness }
            """)).Run();
        site.AssertDiagnostics(
            "catalog/roles/engineering.yml:26:37: error CS0021: the scorecard part 'outcomes' has weight 0",
            "catalog/roles/engineering.yml:27:19: error CS0021: the scorecard names the part 'outcomes' twice",
            "catalog/roles/engineering.yml:26:9: error CS0021: the scorecard's weights add up to 70, not 100");
        Assert.Equal(1, site.ExitCode);
    }
}
