using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Load;

/// <summary>
/// Promotion rules that can never be met, and empty packages, are errors at the rule (CS0019) or the list (CS0015):
/// they were accepted, and a package without rules made everyone ready.
/// </summary>
public class PromotionRuleChecksTests
{
    // The minimal site has two badges: code-review (baseline) and stakeholder-management (capability).
    private static string Ladder(string packages) => $"""
        -- catalog/roles/engineering.yml --
        name: Engineering
        roles:
          - id: engineer-1
            name: Engineer I
          - id: engineer-2
            name: Engineer II
            promotion:
              from: [engineer-1]
        {packages}
        """;

    [Fact]
    public void EmptyPackagesAndRules_AreErrors()
    {
        using var site = TestSite.Build(Ladder("""
                  packages: []
              - id: engineer-3
                name: Engineer III
                promotion:
                  packages:
                    - name: Anyone
                      rules: []
            """));

        site.AssertDiagnostics(
            "catalog/roles/engineering.yml:9:17: error CS0015: a promotion needs at least one package",
            "catalog/roles/engineering.yml:15:18: error CS0015: a package needs at least one rule");
    }

    [Fact]
    public void RulesThatCanNeverBeMet_AreErrorsAtTheRule()
    {
        using var site = TestSite.Build(Ladder("""
                  packages:
                    - name: Too many
                      rules:
                        - atLeast: 3
                    - name: Only a draft is distinction
                      rules:
                        - { atLeast: 1, tier: distinction }
                    - name: Retired
                      rules:
                        - all: [old]
                    - name: Together
                      rules:
                        - all: [stakeholder-management]
                        - { atLeast: 1, tier: capability }
            -- catalog/badges/old.yml --
            name: Old
            tier: baseline
            issuer: academy
            status: retired
            -- catalog/badges/next.yml --
            name: Next
            tier: distinction
            issuer: academy
            status: draft
            """));

        site.AssertDiagnostics(
            "catalog/roles/engineering.yml:12:24: error CS0019: this rule can never be met: it needs 3 badges, and only 2 that count toward a promotion pass its filters",
            "catalog/roles/engineering.yml:15:26: error CS0019: this rule can never be met: it needs a badge, and none that count toward a promotion pass its filters",
            "catalog/roles/engineering.yml:18:21: error CS0019: this rule can never be met: 'old' is retired and never counts toward a promotion",
            "catalog/roles/engineering.yml:19:11: error CS0019: this package can never be met: its rules need 2 different badges together, and at most 1 of them can be filled");
    }

    [Fact]
    public void ABadgeWithFieldErrors_PassesEveryFilter_SoNoRuleIsReportedBecauseOfIt()
    {
        using var site = TestSite.Build(Ladder("""
                  packages:
                    - rules:
                        - { atLeast: 2, tier: capability }
            -- catalog/badges/extra.yml --
            name: Extra
            tier: capabilty
            issuer: academy
            """));

        site.AssertDiagnostic("catalog/badges/extra.yml:2:7: error CS0004: 'capabilty' is not a valid tier");
    }
}
