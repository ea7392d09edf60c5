using System.Text.Json;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Analyze;

/// <summary>
/// Unpublished badges (draft, retired) never count toward readiness: the person page, the dossier, the people
/// index, the role and compare pages and the explorer's data all agree, with or without --drafts.
/// </summary>
public sealed class UnpublishedBadgesTests
{
    // Ada holds code-review and a capability badge; engineer-2 needs code-review and one capability badge.
    private static string Site(string status) => $"""
        -- catalog/badges/incident-command.yml --
        name: Incident Command
        status: {status}
        tier: capability
        issuer: academy
        -- input/portfolios/ada/portfolio.yml --
        name: Ada Example
        consent: {"{"} publish: true, scope: [profile, badges, readiness] {"}"}
        currentRole: engineer-1
        targetRole: engineer-2
        badges:
          - {"{"} badge: code-review, issued: 2026-03-10 {"}"}
          - {"{"} badge: incident-command, issued: 2026-04-01 {"}"}
        """;

    [Theory]
    [InlineData("draft", false)]
    [InlineData("draft", true)]
    [InlineData("retired", false)]
    public void AHeldDraftOrRetiredBadge_CountsOnNoPage_AndNotInTheExplorer(string status, bool drafts)
    {
        using var site = TestSite.Build(Site(status), o => o with { Drafts = drafts });
        Assert.Equal(0, site.ExitCode);
        // With the draft or retired badge, Ada would be ready; without it she is not, everywhere.
        site.AssertFile("people/ada/index.html", "Not yet ready", "! Ready for promotion");
        site.AssertFile("people/ada/dossier/index.html", "Not yet ready", "! Ready for promotion");
        site.AssertFile("people/index.html", "tag-not-ready", "! tag-ready");
        site.AssertFile("people/ada/index.html", status == "draft" ? "the badge is a draft, not yet awarded: it does not count" : "the badge is retired");
        // The role and compare pages offer only badges that can count.
        site.AssertFile("roles/engineer-2/index.html", "Stakeholder Management", "! Incident Command");
        site.AssertFile("compare/engineer-1--engineer-2/index.html", "Stakeholder Management", "! Incident Command");

        // The explorer's data: the badge is absent (an unpublished draft) or marked as never counting.
        using var explorer = JsonDocument.Parse(site.ReadFile("explorer.json"));
        var badge = explorer.RootElement.GetProperty("badges").EnumerateArray()
            .Where(b => b.GetProperty("id").GetString() == "incident-command").ToList();
        if (status == "draft" && !drafts) Assert.Empty(badge);
        else Assert.False(Assert.Single(badge).GetProperty("counts").GetBoolean());
        Assert.True(explorer.RootElement.GetProperty("badges").EnumerateArray()
            .Single(b => b.GetProperty("id").GetString() == "stakeholder-management").GetProperty("counts").GetBoolean());

        // And the portfolio's author is told, at the entry.
        site.AssertDiagnostic($"input/portfolios/ada/portfolio.yml:7:14: warning CS0106: 'incident-command' is {(status == "draft" ? "a draft badge" : "retired")}");
    }

    [Fact]
    public void AHiddenDraftOrRetiredBadge_GetsNoWarning()
    {
        using var site = TestSite.Build(Site("retired").Replace("issued: 2026-04-01", "issued: 2026-04-01, visibility: hidden")).AssertOk();
        site.AssertFile("people/ada/index.html", "Not yet ready", "! Incident Command");
    }

    [Fact]
    public void AnActiveBadge_Counts_AsTheControl()
    {
        using var site = TestSite.Build(Site("active")).AssertOk();
        site.AssertFile("people/ada/index.html", "Ready for promotion");
        site.AssertFile("people/index.html", "tag-ready");
    }
}
