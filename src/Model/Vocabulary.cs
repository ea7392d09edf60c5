namespace CredentialSite.Model;

/// <summary>The closed value sets of the catalog format.</summary>
public static class Vocabulary
{
    public static readonly string[] IssuerTypes =
        ["internal", "university", "professional-body", "industry-association", "vendor", "training-provider"];

    public static readonly string[] IssuerSectors = ["public", "private-non-profit", "private-for-profit"];

    public static readonly string[] VettingAnswers = ["yes", "partial", "no"];

    /// <summary>Vetting checks with their default weights, in display order.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, double>> VettingChecks =
    [
        new("publishedRubrics", 15), new("assessorTraining", 15), new("calibratedGrading", 15),
        new("proctoredAssessment", 10), new("renewalPolicy", 10), new("verifiableArtifacts", 15),
        new("employerReferences", 5), new("standardsAlignment", 10), new("externalEndorsement", 5),
    ];

    public static readonly IReadOnlyDictionary<string, string> VettingCheckNames = new Dictionary<string, string>
    {
        ["publishedRubrics"] = "Published rubrics",
        ["assessorTraining"] = "Assessor training",
        ["calibratedGrading"] = "Calibrated grading",
        ["proctoredAssessment"] = "Proctored assessment",
        ["renewalPolicy"] = "Renewal policy",
        ["verifiableArtifacts"] = "Verifiable artifacts",
        ["employerReferences"] = "Employer references",
        ["standardsAlignment"] = "Standards alignment",
        ["externalEndorsement"] = "External endorsement",
    };

    public static readonly string[] BadgeStatuses = ["draft", "pilot", "active", "retired"];

    public static readonly string[] Tiers = ["baseline", "capability", "distinction"];

    public static readonly string[] ImpactAreas =
        ["revenue", "risk-reduction", "efficiency", "customer-trust", "quality", "growth", "compliance"];

    /// <summary>Which way a metric improves (<c>metric.better</c>).</summary>
    public static readonly string[] MetricDirections = ["higher", "lower"];

    public static readonly string[] RenewalMethods = ["reassessment", "evidence-resubmission", "continuing-education", "none"];

    /// <summary>Assessment methods: default rigor weight, CTDL assessMethod concept, OB assessment-extension type.</summary>
    public static readonly IReadOnlyList<AssessmentMethodInfo> AssessmentMethods =
    [
        new("proctored-performance-task", "Proctored performance task", 1.0, "Performance", "Performance"),
        new("scenario-simulation", "Scenario simulation", 0.9, "Performance", "Performance"),
        new("capstone-project", "Capstone project", 0.85, "Artifact", "Artifact"),
        new("work-sample", "Work sample", 0.8, "Artifact", "Artifact"),
        new("portfolio-review", "Portfolio review", 0.75, "PortfolioEvaluation", "Artifact"),
        new("oral-defense", "Oral defense", 0.75, "Performance", "Performance"),
        new("supervisor-attestation", "Supervisor attestation", 0.6, "Performance", "Performance"),
        new("peer-review", "Peer review", 0.5, "Artifact", "Artifact"),
        new("knowledge-exam", "Knowledge exam", 0.3, "Exam", "Exam"),
    ];

    public static readonly IReadOnlyDictionary<string, AssessmentMethodInfo> MethodsById =
        AssessmentMethods.ToDictionary(m => m.Id);

    /// <summary>OB 3.0 AchievementType values (extensible with "ext:" names).</summary>
    public static readonly string[] AchievementTypes =
    [
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
        "SecondarySchoolDiploma",
    ];

    public static readonly string[] AlignmentTargetTypes =
        ["ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric", "CFRubricCriterion", "CFRubricCriterionLevel", "CTDL"];

    public static readonly string[] ConsentScopes = ["profile", "badges", "evidence", "metrics", "reflections", "attestations", "managerStatement", "plan", "readiness"];

    /// <summary>Where a promotion scorecard part's score comes from.</summary>
    public static readonly string[] ScorecardSources = ["readiness", "manager"];

    public static readonly string[] EvidenceKinds = ["artifact", "metric", "quote", "attestation"];

    public static readonly string[] Visibilities = ["public", "hidden"];
}

public sealed record AssessmentMethodInfo(string Id, string Name, double Weight, string CtdlMethod, string ObAssessmentType);
