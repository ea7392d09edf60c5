using AngleSharp.Dom;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Render;

/// <summary>Stages 4-5 (Plan, Render): every kind of page and the facts each one must show.</summary>
public class PagesTests
{
    [Fact]
    public void Build_WritesEveryKindOfPage_ForTheMinimalSite()
    {
        using var site = TestSite.Build().AssertOk();

        site.AssertFile("index.html", "<h1>Test Catalog</h1>", "<strong>2</strong> badges", "<strong>2</strong> roles");
        site.AssertFile("badges/index.html", "<h1>All badges</h1>", ">Code Review</a>", ">Stakeholder Management</a>");
        site.AssertFile("badges/code-review/index.html", "<h1>Code Review</h1>", "Gives specific, kind and actionable review feedback.");
        site.AssertFile("issuers/index.html", "<h1>Issuers</h1>", ">Test Academy</a>");
        site.AssertFile("issuers/academy/index.html", "<h1>Test Academy</h1>", "Vetting 100/100", ">Code Review</a>");
        site.AssertFile("competencies/index.html", "<h1>Competencies</h1>", ">Core Model</a>");
        site.AssertFile("frameworks/core/index.html", "<h1>Core Model</h1>", "<h2 id=\"cluster-0\">Craft</h2>", ">Code Quality</a>");
        site.AssertFile("competencies/code-quality/index.html", "<h1>Code Quality</h1>", "Writes readable code.",
            "<a href=\"/badges/code-review/\">Code Review</a> — at developing level", "<a href=\"/roles/engineer-1/\">Engineer I</a>");
        site.AssertFile("roles/index.html", "<h1>Career ladders and roles</h1>", ">Engineering</a>");
        site.AssertFile("ladders/engineering/index.html", "<h1>Engineering</h1>", ">Engineer I</a>", ">Engineer II</a>", "1 promotion package");
        site.AssertFile("roles/engineer-1/index.html", "<h1>Engineer I</h1>", "This is an entry role");
        site.AssertFile("about/index.html", "<h1>About the program</h1>", "<p>Badges make skills visible.</p>");
        site.AssertFile("404.html", "<h1>Page not found</h1>", "! <link rel=\"canonical\"");
    }

    [Fact]
    public void BadgePage_ShowsApprovalStepsByTheirGivenName_ElseTheirIdAsWritten()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/stakeholder-management.yml --
            name: Stakeholder Management
            tier: capability
            issuer: academy
            governance:
              approvals:
                - { step: sme-review, name: SME review, by: Guild, date: 2026-01-10 }
                - { step: council-signoff, by: Council }
            """).AssertOk();
        site.AssertFile("badges/stakeholder-management/index.html",
            "<span class=\"step\">SME review</span> by Guild", "<span class=\"step\">council-signoff</span> by Council", "! Sme review");
    }

    [Fact]
    public void BadgePage_MarksThePassingLevelOfEachRubricCriterion()
    {
        using var site = TestSite.Build().AssertOk();

        var rows = site.Html("badges/code-review/index.html").QuerySelectorAll("table.rubric tbody tr");

        // Levels: Emerging, Proficient, Exemplary. The rubric passes at Proficient; "Tone" overrides it with Emerging.
        var clarity = Row(rows, "Clarity");
        Assert.Equal(["", "is-required", "is-passing"], clarity.QuerySelectorAll("td").Select(td => td.ClassName ?? ""));
        Assert.Contains("passing level", clarity.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("Pass at: Proficient", clarity.TextContent);
        var tone = Row(rows, "Tone");
        Assert.Equal(["is-required", "is-passing", "is-passing"], tone.QuerySelectorAll("td").Select(td => td.ClassName ?? ""));
        Assert.Contains("Pass at: Emerging", tone.TextContent);
    }

    [Fact]
    public void BadgePage_ShowsTheRigorScoreWithItsBreakdown()
    {
        using var site = TestSite.Build().AssertOk();

        var doc = site.Html("badges/code-review/index.html");

        // work-sample 0.8 × 70 = 56, calibrated +10, 2 assessors +10, rubric has only 2 criteria +0
        Assert.Equal(
        [
            "Strongest method | Work sample | 70 | 56",
            "Calibrated assessors | yes | 10 | 10",
            "Two or more assessors | yes | 10 | 10",
            "Rubric with 3+ criteria and a passing level | no | 10 | 0",
        ], Cells(doc, "#assessment table.score-table tbody tr", 4));
        Assert.Equal("Assessment rigor: 76/100 (medium)", Text(doc.QuerySelector("#rigor")!));
    }

    [Fact]
    public void IssuerPage_ShowsTheVettingScoreComputedPerSpec_AndMissingChecksAsNotReviewed()
    {
        using var site = TestSite.Build("""
            -- catalog/issuers/academy.yml --
            name: Test Academy
            type: internal
            vetting:
              publishedRubrics: yes
              assessorTraining: partial
              calibratedGrading: yes
              proctoredAssessment: no
              renewalPolicy: yes
              verifiableArtifacts: yes
              standardsAlignment: partial
              externalEndorsement: yes
            """).AssertOk();

        // 15 + 7.5 + 15 + 0 + 10 + 15 + 0 (employerReferences missing) + 5 + 5 = 72.5
        var doc = site.Html("issuers/academy/index.html");
        Assert.Contains("Vetting 72.5/100, moderate", Text(doc.QuerySelector(".page-header")!));
        var rows = Cells(doc, "table.score-table tbody tr", 4);
        Assert.Contains("Assessor training | partial | 15 | 7.5", rows);
        Assert.Contains("Employer references | not reviewed | 5 | 0", rows);
        Assert.Equal("Score | moderate | 72.5 | out of 100", string.Join(" | ", doc.QuerySelectorAll("table.score-table tfoot tr > *").Select(Text)));
        site.AssertFile("badges/code-review/index.html", "vetting 72.5/100");
    }

    [Fact]
    public void BadgePage_DescribesRenewalInWords()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra
            tier: baseline
            issuer: academy
            renewal: { validFor: P18M, method: evidence-resubmission }
            -- catalog/badges/forever.yml --
            name: Forever
            tier: baseline
            issuer: academy
            renewal: { validFor: never, method: continuing-education }
            """).AssertOk();

        site.AssertFile("badges/code-review/index.html",
            "Valid for 2 years from the date it is issued. A grace period of 90 days follows expiry. Renewal requires a new assessment against the current criteria.");
        site.AssertFile("badges/extra/index.html", "Valid for 18 months from the date it is issued. Renewal requires submitting fresh evidence.");
        site.AssertFile("badges/stakeholder-management/index.html", "<p>Does not expire.</p>");
        site.AssertFile("badges/forever/index.html", "<p>Does not expire. Holders keep it current by continuing education.</p>");
    }

    [Fact]
    public void RolePage_StatesEveryRuleOfEachPromotionPackage()
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
                    - name: Leadership
                      rules:
                        - all: [stakeholder-management, code-review]
                    - name: Broad
                      rules:
                        - atLeast: 2
                          cluster: Leadership
                        - atLeast: 1
                          tier: baseline
                          of: [code-review]
            -- catalog/badges/mentoring.yml --
            name: Mentoring
            tier: baseline
            issuer: academy
            competencies:
              - { competency: influence, level: developing }
            """).AssertOk(); // mentoring: two Leadership badges, or the Broad package could never be met (CS0019)

        var doc = site.Html("roles/manager/index.html");
        var rules = doc.QuerySelectorAll("#promotion-h ~ .package").Select(p => Text(p.QuerySelector("h3")!) + ": "
            + string.Join(" / ", p.QuerySelectorAll("ol.rules > li > p:first-child").Select(Text))).ToList();
        Assert.Equal(
        [
            "Package 1: Leadership: Hold all of: Stakeholder Management and Code Review.",
            "Package 2: Broad: Hold at least 2 badges in the Leadership cluster. / Hold at least 1 baseline badge from Code Review.",
        ], rules);
        site.AssertFile("roles/manager/index.html",
            "Promotion from <a href=\"/roles/engineer-2/\">Engineer II</a> (Engineering, a lateral move).",
            "Any <strong>one</strong> of the 2 packages below is enough.",
            "each badge counts toward at most one rule");
        site.AssertFile("roles/engineer-2/index.html", "<p>Hold Code Review.</p>", "<p>Hold at least 1 capability badge.</p>");
    }

    [Fact]
    public void BadgePage_ListsTheRolesThatRequireOrRecommendIt()
    {
        using var site = TestSite.Build().AssertOk();

        var doc = site.Html("badges/code-review/index.html");
        Assert.Equal(["Engineer I (Engineering)", "Engineer II (Engineering)"], ListAfter(doc, "Required for"));
        Assert.Equal(["Engineer II (Engineering)"], ListAfter(doc, "Named in promotion packages for"));
        var other = site.Html("badges/stakeholder-management/index.html");
        Assert.Equal(["Engineer II (Engineering)"], ListAfter(other, "Recommended for"));
        Assert.Empty(ListAfter(other, "Required for"));
    }

    private const string DraftBadgeAndPage = """
        -- catalog/badges/extra.yml --
        name: Extra Draft
        status: draft
        tier: baseline
        issuer: academy
        -- input/pages/roadmap.md --
        ---
        title: Roadmap
        draft: true
        ---
        Coming soon.
        """;

    [Fact]
    public void Build_LeavesOutDraftBadgesAndPages_ByDefault()
    {
        using var site = TestSite.Build(DraftBadgeAndPage).AssertOk();

        Assert.False(site.FileExists("badges/extra/index.html"));
        Assert.False(site.FileExists("badges/extra.json"));
        Assert.False(site.FileExists("roadmap/index.html"));
        site.AssertFile("badges/index.html", "! Extra Draft");
        site.AssertFile("catalog.json", "! Extra Draft");
        site.AssertFile("sitemap.xml", "! badges/extra/", "! roadmap/");
        site.AssertFile("index.html", "! Roadmap");
    }

    [Fact]
    public void Build_PublishesDraftBadgesAndPages_WithDraftsOption()
    {
        using var site = TestSite.Build(DraftBadgeAndPage, o => o with { Drafts = true }).AssertOk();

        site.AssertFile("badges/extra/index.html", "<h1>Extra Draft</h1>", "<strong>Draft.</strong>");
        site.AssertFile("badges/index.html", ">Extra Draft</a>");
        site.AssertFile("roadmap/index.html", "<h1>Roadmap</h1>", "Coming soon.");
    }

    [Fact]
    public void RetiredBadge_IsPublishedAndMarkedAsRetired()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Old Practice
            status: retired
            tier: capability
            issuer: academy
            """).AssertOk();

        site.AssertFile("badges/extra/index.html", "status-retired", "<strong>Retired.</strong> This badge is no longer awarded.");
        site.AssertFile("badges/index.html", "3 badges, including 1 retired.", "badge-card tier-capability is-retired");
        site.AssertFile("badges/code-review/index.html", "! is-retired");
        // A retired badge no longer counts toward promotion ("Hold at least 1 capability badge." on Engineer II).
        site.AssertFile("roles/engineer-2/index.html", ">Stakeholder Management</a> <span class=\"muted\">(Capability)</span>", "! Old Practice");
    }

    [Fact]
    public void Pages_EscapeCatalogText_SoItCannotInjectMarkup()
    {
        using var site = TestSite.Build("""
            -- catalog/badges/extra.yml --
            name: Extra <img src=x onerror=alert(1)>
            summary: Uses <b>bold</b> & more
            tier: baseline
            issuer: academy
            """).AssertOk();

        site.AssertFile("badges/extra/index.html",
            "<h1>Extra &lt;img src=x onerror=alert(1)&gt;</h1>", "Uses &lt;b&gt;bold&lt;/b&gt; &amp; more", "! <img src=x");
    }

    // ---------------------------------------------------------------- helpers

    private static IElement Row(IEnumerable<IElement> rows, string header) =>
        rows.Single(r => r.QuerySelector("th")!.TextContent.StartsWith(header, StringComparison.Ordinal));

    /// <summary>The first <paramref name="count"/> cells of each matching row, as "a | b | c".</summary>
    private static List<string> Cells(IParentNode doc, string rowSelector, int count) =>
        doc.QuerySelectorAll(rowSelector).Select(r => string.Join(" | ", r.Children.Take(count).Select(Text))).ToList();

    /// <summary>The items of the list that follows the h3 with this text (empty when there is no such heading).</summary>
    private static List<string> ListAfter(IParentNode doc, string heading)
    {
        var h = doc.QuerySelectorAll("h3").FirstOrDefault(e => Text(e) == heading);
        return h?.NextElementSibling?.QuerySelectorAll("li").Select(Text).ToList() ?? [];
    }

    private static string Text(IElement e) => string.Join(" ", e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
