using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Program;

/// <summary>Issue 18: approval steps with time-boxes, the governance page, and separation of duties.</summary>
public sealed class GovernanceTests
{
    // asOf is 2026-11-01. Review started when authoring ended (2026-09-01) and has site.yml's 14 days: overdue since 2026-09-15.
    private static string Flow(string site = "governance: { timeBox: P14D }") => TestSite.Minimal
        .Replace("asOf: 2026-11-01\n", $"asOf: 2026-11-01\n{site}\n")
        .Replace("""
        governance:
          changelog:
        """, """
        governance:
          appeals: Write to the Canary Appeals Board.
          approvals:
            - { step: author, by: Ann Author, date: 2026-09-01 }
            - { step: review, by: Rex Reviewer }
            - { step: signoff, by: Council, started: 2026-10-20, timeBox: P30D }
          changelog:
        """);

    [Fact]
    public void AStepPastItsTimeBox_IsOverdue_OnTheGovernancePage()
    {
        using var site = TestSite.CreateExactly(Flow()).Run().AssertOk();
        site.AssertFile("program/governance/index.html",
            "<tr><th scope=\"row\"><a href=\"/badges/code-review/\">Code Review</a></th><td>review</td><td>Rex Reviewer</td>",
            "<time datetime=\"2026-09-15\">", "<td class=\"num\">47</td>",
            "<h3>review <span class=\"muted\">(1)</span></h3>",
            "Canary Appeals Board", "First version.");
        site.AssertFile("index.html", "<a href=\"/program/governance/\">Governance</a>");
    }

    [Fact]
    public void AStepWithinItsTimeBox_OrWithoutOne_IsNotOverdue()
    {
        using var site = TestSite.CreateExactly(Flow(site: "")).Run().AssertOk(); // no default time-box: review has none
        site.AssertFile("program/governance/index.html", "No approval step is open past its time-box.");
    }

    [Fact]
    public void TheSamePerson_DoingSeparateSteps_IsALocatedWarning()
    {
        using var site = TestSite.CreateExactly(Flow("governance: { separateSteps: [author, review] }").Replace("by: Rex Reviewer", "by: ann  author")).Run();
        site.AssertDiagnostic("catalog/badges/code-review.yml:32:27: warning CS0020: 'review' and 'author' were both done by ann author, but site.yml says they must be done by different people");
        Assert.Equal(0, site.ExitCode);
    }
}
