using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using CredentialSite.Load;
using CredentialSite.Model;

namespace CredentialSite.Tests.Analyze;

/// <summary>
/// The two scores, exactly as catalog-format.md "Scores" defines them. Records are read from YAML with the
/// real readers, so each test shows its data as an author would write it.
/// </summary>
public class ScoresTests
{
    // ---------------------------------------------------------------- vetting

    [Fact]
    public void Vetting_WeighsYesPartialAndNo_WithDefaultWeights()
    {
        var issuer = Issuer("""
            publishedRubrics: yes
            assessorTraining: yes
            calibratedGrading: partial
            proctoredAssessment: no
            renewalPolicy: yes
            verifiableArtifacts: yes
            employerReferences: no
            standardsAlignment: partial
            externalEndorsement: yes
            """);

        var score = Scores.Vetting(issuer, Site());

        // 15 + 15 + 7.5 + 0 + 10 + 15 + 0 + 5 + 5 = 72.5 of 100
        Assert.Equal(72.5, score.Value);
        Assert.Equal("72.5", score.Display);
        Assert.Equal("moderate", score.Band);
        Assert.Equal(9, score.Rows.Count);
        Assert.Equal(7.5, score.Rows.Single(r => r.Key == "calibratedGrading").Points);
    }

    [Fact]
    public void Vetting_CountsAMissingCheckAsNo_AndListsItAsNotReviewed()
    {
        var issuer = Issuer("""
            publishedRubrics: yes
            """);

        var score = Scores.Vetting(issuer, Site());

        Assert.Equal(15, score.Value);
        Assert.Equal("weak", score.Band);
        var missing = score.Rows.Single(r => r.Key == "externalEndorsement");
        Assert.Equal("not reviewed", missing.Answer);
        Assert.Equal(0, missing.Points);
    }

    [Fact]
    public void Vetting_IsZero_WhenTheIssuerHasNoVettingSection()
    {
        var issuer = ReadIssuer("name: X\ntype: vendor\n");

        var score = Scores.Vetting(issuer, Site());

        Assert.Equal(0, score.Value);
        Assert.All(score.Rows, r => Assert.Equal("not reviewed", r.Answer));
    }

    [Theory]
    [InlineData("verifiableArtifacts: no\nproctoredAssessment: no\nrenewalPolicy: no\nemployerReferences: no", 60, "moderate")]
    [InlineData("proctoredAssessment: no\nrenewalPolicy: no\nstandardsAlignment: no", 70, "moderate")]
    [InlineData("standardsAlignment: no\nrenewalPolicy: no", 80, "strong")]
    [InlineData("verifiableArtifacts: no\nproctoredAssessment: no\nrenewalPolicy: no\nemployerReferences: no\nexternalEndorsement: partial", 57.5, "weak")]
    public void Vetting_UsesBands80And60(string noChecks, double expected, string band)
    {
        // Every check is yes except the ones listed (100 minus their weights).
        var answers = Vocabulary.VettingChecks.Select(c => c.Key)
            .Where(k => !noChecks.Contains(k + ":"))
            .Select(k => $"{k}: yes")
            .Append(noChecks);

        var score = Scores.Vetting(Issuer(string.Join("\n", answers)), Site());

        Assert.Equal(expected, score.Value);
        Assert.Equal(band, score.Band);
    }

    [Fact]
    public void Vetting_UsesSiteWeights_WhenSiteYmlOverridesThem()
    {
        var issuer = Issuer("""
            publishedRubrics: yes
            assessorTraining: yes
            calibratedGrading: yes
            proctoredAssessment: yes
            renewalPolicy: yes
            verifiableArtifacts: yes
            employerReferences: no
            standardsAlignment: yes
            externalEndorsement: yes
            """);
        var site = Site("""
            vetting:
              weights: { employerReferences: 25 }
            """);

        var score = Scores.Vetting(issuer, site);

        // 95 of a total weight of 120 = 79.17 → 79.2, below the strong band
        Assert.Equal(79.2, score.Value);
        Assert.Equal("moderate", score.Band);
        Assert.Equal(25, score.Rows.Single(r => r.Key == "employerReferences").Weight);
    }

    // ---------------------------------------------------------------- rigor

    [Theory]
    [InlineData("proctored-performance-task", 70)]
    [InlineData("scenario-simulation", 63)]
    [InlineData("capstone-project", 59.5)]
    [InlineData("work-sample", 56)]
    [InlineData("portfolio-review", 52.5)]
    [InlineData("oral-defense", 52.5)]
    [InlineData("supervisor-attestation", 42)]
    [InlineData("peer-review", 35)]
    [InlineData("knowledge-exam", 21)]
    public void Rigor_IsMethodWeightTimes70_ForASingleUncalibratedMethod(string method, double expected)
    {
        var badge = Badge($$"""
            assessment:
              - { method: {{method}}, assessors: 1 }
            """);

        Assert.Equal(expected, Scores.Rigor(badge, Site()).Value);
    }

    [Fact]
    public void Rigor_UsesTheStrongestMethod_WhenThereAreSeveral()
    {
        var badge = Badge("""
            assessment:
              - { method: knowledge-exam }
              - { method: scenario-simulation }
              - { method: peer-review }
            """);

        var score = Scores.Rigor(badge, Site());

        Assert.Equal(63, score.Value);
        Assert.Equal("Scenario simulation", score.Rows.Single(r => r.Key == "method").Answer);
    }

    [Fact]
    public void Rigor_Adds10Each_ForCalibrationTwoAssessorsAndAStrongRubric()
    {
        var badge = Badge("""
            assessment:
              - { method: knowledge-exam, calibrated: true }
              - { method: work-sample, assessors: 2 }
            rubric:
              levels: [{ id: low, name: Low }, { id: high, name: High }]
              requiredLevel: high
              criteria:
                - { id: a, name: A, levels: { low: x, high: y } }
                - { id: b, name: B, levels: { low: x, high: y } }
                - { id: c, name: C, levels: { low: x, high: y } }
            """);

        var score = Scores.Rigor(badge, Site());

        // 0.8 × 70 = 56, + 10 calibrated (on another method) + 10 two assessors + 10 rubric
        Assert.Equal(86, score.Value);
        Assert.Equal("high", score.Band);
        Assert.Equal([56, 10, 10, 10], score.Rows.Select(r => r.Points));
    }

    [Fact]
    public void Rigor_GivesNoRubricPoints_WhenTheRubricHasOnlyTwoCriteria()
    {
        var badge = Badge("""
            assessment: [{ method: proctored-performance-task }]
            rubric:
              levels: [{ id: low, name: Low }, { id: high, name: High }]
              requiredLevel: high
              criteria:
                - { id: a, name: A, levels: { low: x, high: y } }
                - { id: b, name: B, levels: { low: x, high: y } }
            """);

        Assert.Equal(70, Scores.Rigor(badge, Site()).Value);
    }

    [Fact]
    public void Rigor_GivesNoRubricPoints_WhenTheRubricHasNoRequiredLevel()
    {
        var badge = Badge("""
            assessment: [{ method: proctored-performance-task }]
            rubric:
              levels: [{ id: low, name: Low }, { id: high, name: High }]
              criteria:
                - { id: a, name: A, levels: { low: x, high: y } }
                - { id: b, name: B, levels: { low: x, high: y } }
                - { id: c, name: C, levels: { low: x, high: y } }
            """);

        Assert.Equal(70, Scores.Rigor(badge, Site()).Value);
    }

    [Fact]
    public void Rigor_IsZeroAndLow_WhenNoMethodIsPublished()
    {
        var score = Scores.Rigor(Badge(""), Site());

        Assert.Equal(0, score.Value);
        Assert.Equal("low", score.Band);
    }

    [Theory]
    [InlineData("proctored-performance-task", "calibrated: true, assessors: 1", 80, "high")]
    [InlineData("scenario-simulation", "calibrated: false, assessors: 1", 63, "medium")]
    [InlineData("supervisor-attestation", "calibrated: true, assessors: 2", 62, "medium")]
    [InlineData("capstone-project", "calibrated: false, assessors: 1", 59.5, "low")]
    public void Rigor_UsesBands80And60(string method, string extra, double expected, string band)
    {
        var badge = Badge($"assessment:\n  - {{ method: {method}, {extra} }}\n");

        var score = Scores.Rigor(badge, Site());

        Assert.Equal(expected, score.Value);
        Assert.Equal(band, score.Band);
    }

    [Fact]
    public void Rigor_UsesSiteMethodWeights_WhenSiteYmlOverridesThem()
    {
        var site = Site("""
            rigor:
              methods: { knowledge-exam: 1.0 }
            """);

        var score = Scores.Rigor(Badge("assessment: [{ method: knowledge-exam }]\n"), site);

        Assert.Equal(70, score.Value);
    }

    [Fact]
    public void Rigor_IsCappedAt100()
    {
        var site = Site("""
            rigor:
              methods: { proctored-performance-task: 1.2 }
            """);
        var badge = Badge("""
            assessment:
              - { method: proctored-performance-task, calibrated: true, assessors: 2 }
            """);

        // 84 + 10 + 10 = 104
        Assert.Equal(100, Scores.Rigor(badge, site).Value);
    }

    // ---------------------------------------------------------------- helpers: read records as an author writes them

    private static SiteConfig Site(string yaml = "")
    {
        var diags = new DiagnosticBag();
        var site = ReadCatalog.Site(Parse("title: T\nbaseUrl: https://example.org/\n" + yaml, "site.yml", diags), diags, null);
        AssertNoDiagnostics(diags);
        return site!;
    }

    private static Issuer Issuer(string vettingChecks) =>
        ReadIssuer("name: X\ntype: vendor\nvetting:\n" + string.Join("\n", vettingChecks.Split('\n').Select(l => "  " + l)) + "\n");

    private static Issuer ReadIssuer(string yaml)
    {
        var diags = new DiagnosticBag();
        var issuer = ReadCatalog.Issuer(Parse(yaml, "catalog/issuers/x.yml", diags), "x", diags);
        AssertNoDiagnostics(diags);
        return issuer!;
    }

    private static Badge Badge(string yaml)
    {
        var diags = new DiagnosticBag();
        var badge = ReadCatalog.Badge(Parse("name: X\ntier: baseline\nissuer: x\n" + yaml, "catalog/badges/x.yml", diags), "x", diags);
        AssertNoDiagnostics(diags);
        return badge!;
    }

    private static YamlFields Parse(string yaml, string path, DiagnosticBag diags) => YamlFile.Parse(yaml, path, diags)!;

    private static void AssertNoDiagnostics(DiagnosticBag diags) =>
        Assert.True(diags.Sorted().Count == 0, string.Join("\n", diags.Sorted()));
}
