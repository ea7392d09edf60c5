using CredentialSite.Rdf.JsonLd;

namespace CredentialSite.Tests.Rdf;

/// <summary>Safe mode: expansion with the pinned contexts reports every term and type the contexts do not define.</summary>
public class SafeModeTests
{
    private static string Credential(bool withAssessmentContext) => $$"""
        {
          "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"{{(withAssessmentContext ? ",\n\"https://purl.imsglobal.org/spec/ob-assessment/v2p0/context\"" : "")}}
          ],
          "id": "https://example.org/credentials/1",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.org/issuer", "type": ["Profile"], "name": "Example"},
          "validFrom": "2025-01-01T00:00:00Z",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "https://example.org/badges/k8s",
              "type": ["Achievement"],
              "name": "Kubernetes",
              "description": "Runs clusters.",
              "criteria": {"narrative": "Pass the exam."},
              "resultDescription": [{
                "id": "https://example.org/badges/k8s#exam",
                "type": ["ResultDescription", "AssessmentResultDescription"],
                "name": "Exam",
                "resultType": "Status",
                "description": "A proctored exam.",
                "assessmentType": "Exam",
                "assessmentOutput": "A score",
                "evaluationMethod": "Automated",
                "hasGroupEvaluation": false,
                "hasGroupParticipation": false
              }]
            }
          }
        }
        """;

    [Fact]
    public void Assessment_terms_without_their_context_are_reported_as_dropped()
    {
        var issues = JsonLdToRdf.ToRdf(Credential(withAssessmentContext: false)).Issues;

        var dropped = issues.Where(i => i.Kind == JsonLdIssueKind.DroppedProperty).Select(i => i.Term).Order().ToList();
        Assert.Equal(["assessmentOutput", "assessmentType", "evaluationMethod", "hasGroupEvaluation", "hasGroupParticipation"], dropped);
        var type = Assert.Single(issues, i => i.Kind == JsonLdIssueKind.UndefinedType);
        Assert.Equal("AssessmentResultDescription", type.Term);
        Assert.Equal("$.credentialSubject.achievement.resultDescription[0].type", type.Path);
    }

    [Fact]
    public void With_the_assessment_context_nothing_is_dropped_and_the_terms_reach_the_rdf()
    {
        var rdf = JsonLdToRdf.ToRdf(Credential(withAssessmentContext: true));

        Assert.Empty(rdf.Issues);
        Assert.Contains(rdf.Quads, q => q.Predicate.Value == "https://w3id.org/openbadges/extensions#assessmentType");
        Assert.Contains(rdf.Quads, q => q.Object.Value == "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AssessmentResultDescription");
    }

    [Fact]
    public void A_context_that_is_not_pinned_is_a_clear_error_and_never_fetched()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdToRdf.ToRdf("""{"@context": "https://schema.org", "name": "x"}"""));
        Assert.Equal("loading remote context failed", error.Code);
        Assert.Contains("<https://schema.org> is not one of the pinned contexts", error.Message);
    }

    [Fact]
    public void Redefining_a_protected_vc_term_is_an_error()
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdToRdf.ToRdf("""
            {"@context": ["https://www.w3.org/ns/credentials/v2", {"name": "https://example.org/name"}], "name": "x"}
            """));
        Assert.Equal("protected term redefinition", error.Code);
    }

    [Fact]
    public void Every_pinned_context_loads_and_processes()
    {
        foreach (var url in PinnedContexts.Files.Keys)
        {
            var rdf = JsonLdToRdf.ToRdf($$"""{"@context": "{{url}}", "@id": "https://example.org/x"}""");
            Assert.Empty(rdf.Issues);
        }
    }
}
