using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Analyze;

/// <summary>The readiness engine (pure C#): assignment of badges to rules, expiry, retirement, the promotion window.</summary>
public sealed class ReadinessTests
{
    // Badges: a, b capability; c distinction; old retired capability; new draft capability; exp capability expiring after 1 year.
    private const string Catalog = """
        -- catalog/badges/a.yml --
        name: A
        tier: capability
        issuer: academy
        impact: [revenue]
        competencies: [{ competency: influence, level: proficient }]
        -- catalog/badges/b.yml --
        name: B
        tier: capability
        issuer: academy
        -- catalog/badges/c.yml --
        name: C
        tier: distinction
        issuer: academy
        -- catalog/badges/old.yml --
        name: Old
        tier: capability
        status: retired
        issuer: academy
        -- catalog/badges/new.yml --
        name: New
        tier: capability
        status: draft
        issuer: academy
        -- catalog/badges/exp.yml --
        name: Exp
        tier: capability
        issuer: academy
        renewal: { validFor: P1Y }
        -- catalog/roles/ladder.yml --
        name: Ladder
        roles:
          - id: junior
            name: Junior
            level: 1
          - id: greedy-trap
            name: Greedy trap
            level: 2
            promotion:
              from: [junior]
              packages:
                - name: Only
                  rules:
                    - atLeast: 1
                      tier: capability
                    - all: [a]
          - id: double
            name: Double counting
            level: 3
            promotion:
              from: [junior]
              packages:
                - name: Only
                  rules:
                    - all: [a]
                    - atLeast: 1
                      tier: capability
          - id: alternatives
            name: Alternatives
            level: 4
            badges: { required: [b] }
            promotion:
              from: [junior]
              packages:
                - name: Distinction route
                  rules: [{ atLeast: 1, tier: distinction }]
                - name: Breadth route
                  rules: [{ atLeast: 2, tier: capability }]
          - id: filtered
            name: Filtered
            level: 5
            promotion:
              from: [junior]
              packages:
                - name: Only
                  rules:
                    - { atLeast: 1, cluster: Leadership, impact: revenue }
                    - { atLeast: 1, of: [b, c] }
        """;

    private static readonly DateOnly AsOf = new(2026, 11, 1);

    private static (Catalog Catalog, Dictionary<string, Badge> Badges, Dictionary<string, Competency> Competencies) Load()
    {
        using var site = TestSite.Create(Catalog);
        var diags = new DiagnosticBag();
        var catalog = LoadCatalog.Run(new SourceFolder(site.Source), BuildOptions.Default, diags)!;
        Assert.False(diags.HasErrors, string.Join("\n", diags.Sorted()));
        return (catalog, catalog.Badges.ToDictionary(b => b.Id), catalog.Frameworks.SelectMany(f => f.Competencies).ToDictionary(c => c.Id));
    }

    private static readonly (Catalog Catalog, Dictionary<string, Badge> Badges, Dictionary<string, Competency> Competencies) Data = Load();

    private static EarnedBadge Held(string id, DateOnly? issued = null, DateOnly? expires = null) =>
        new(id, null, issued ?? new DateOnly(2026, 1, 1), expires, null, null, [], [], null, "public", "");

    private static ReadinessReport Evaluate(string role, DateOnly? window, params EarnedBadge[] held) =>
        Readiness.Evaluate(held, Data.Catalog.Ladders.SelectMany(l => l.Roles).Single(r => r.Id == role), Data.Badges, Data.Competencies, AsOf, window);

    [Fact]
    public void Assignment_FindsTheValidOne_WhereGreedyFails()
    {
        // Greedy in rule order gives A to "atLeast 1 capability" and leaves "all: [a]" empty; B must take that rule instead.
        var report = Evaluate("greedy-trap", null, Held("a"), Held("b"));
        Assert.True(report.Ready);
        Assert.Equal(["b"], report.Packages[0].Rules[0].Assigned);
        Assert.Equal(["a"], report.Packages[0].Rules[1].Assigned);
    }

    [Fact]
    public void OneBadge_CountsTowardAtMostOneRule()
    {
        // A matches both rules, but counts once: a second capability badge is missing.
        var report = Evaluate("double", null, Held("a"));
        Assert.False(report.Ready);
        Assert.Equal(1, report.Packages[0].Missing);
        Assert.Equal(["a"], report.Packages[0].Rules[0].Assigned);
        Assert.Equal(1, report.Packages[0].Rules[1].Missing);
        Assert.Equal(["b", "exp", "stakeholder-management"], report.Packages[0].Rules[1].Candidates); // retired "old" never is
    }

    [Fact]
    public void AnyOnePackage_Suffices_AndRequiredBadgesMustBeHeld()
    {
        var report = Evaluate("alternatives", null, Held("a"), Held("c"));
        Assert.True(report.Packages[0].Met);            // distinction route
        Assert.False(report.Packages[1].Met);           // breadth route: 1 of 2
        Assert.False(report.Ready);                     // but required b is missing
        Assert.Equal([("b", false)], report.Required.Select(r => (r.BadgeId, r.Held)));
        Assert.True(Evaluate("alternatives", null, Held("a"), Held("b")).Ready); // breadth route with b
    }

    [Fact]
    public void RetiredBadges_DoNotCount()
    {
        var report = Evaluate("double", null, Held("a"), Held("old"));
        Assert.False(report.Ready);
        Assert.Equal("retired", report.Held.Single(h => h.BadgeId == "old").State);
    }

    [Fact]
    public void DraftBadges_DoNotCount_AndAreNoCandidates()
    {
        var report = Evaluate("double", null, Held("a"), Held("new"));
        Assert.False(report.Ready);
        Assert.Equal("draft", report.Held.Single(h => h.BadgeId == "new").State);
        Assert.Equal(["b", "exp", "stakeholder-management"], report.Packages[0].Rules[1].Candidates); // and not "new"
    }

    [Theory]
    [InlineData("2025-11-01", false)] // validFor P1Y: expires 2026-11-01, which is asOf: expired from that day on
    [InlineData("2025-11-02", true)]  // expires 2026-11-02: still valid at asOf
    public void Expiry_IsJudgedAtAsOf(string issued, bool counts)
    {
        var report = Evaluate("double", null, Held("a"), Held("exp", DateOnly.Parse(issued)));
        Assert.Equal(counts, report.Ready);
        Assert.Equal(counts ? "valid" : "expired", report.Held.Single(h => h.BadgeId == "exp").State);
    }

    [Fact]
    public void ExplicitExpires_OverridesTheRenewalPeriod()
    {
        var report = Evaluate("double", null, Held("a"), Held("b", expires: new DateOnly(2026, 10, 31)));
        Assert.False(report.Ready);
        Assert.Equal("expired", report.Held.Single(h => h.BadgeId == "b").State);
    }

    [Fact]
    public void BadgesExpiringBeforeThePromotionWindow_AreFlagged()
    {
        var window = new DateOnly(2027, 3, 31);
        var report = Evaluate("double", window, Held("a"), Held("exp", new DateOnly(2026, 3, 1)));
        Assert.True(report.Ready); // valid now...
        var exp = report.Held.Single(h => h.BadgeId == "exp");
        Assert.True(exp.ExpiresBeforeWindow); // ...but gone by 2027-03-01
        Assert.False(report.Held.Single(h => h.BadgeId == "a").ExpiresBeforeWindow); // never expires
    }

    [Fact]
    public void Filters_CombineWithAnd()
    {
        // Rule 1 needs Leadership cluster AND revenue impact: only A. Rule 2: one of b, c.
        Assert.True(Evaluate("filtered", null, Held("a"), Held("c")).Ready);
        var report = Evaluate("filtered", null, Held("b"), Held("c"));
        Assert.False(report.Ready);
        Assert.Equal(["a"], report.Packages[0].Rules[0].Candidates);
    }

    [Fact]
    public void UnknownBadges_AreReported_AndDoNotCount()
    {
        var report = Evaluate("double", null, Held("a"), Held("ghost"));
        Assert.Equal("unknown", report.Held.Single(h => h.BadgeId == "ghost").State);
        Assert.False(report.Ready);
    }
}
