using System.Text.Json.Nodes;

namespace CredentialSite.Tests.Support;

/// <summary>
/// The schema setup the JSON-LD tests rely on: it must accept the official examples and reject each single defect
/// at the place it is, or a passing JSON-LD test would prove nothing.
/// </summary>
public class Ob3SchemasTests
{
    private static readonly Ob3Schemas.Ob3Schema Credential = Ob3Schemas.Credential;

    private static JsonObject ValidCredential() => JsonNode.Parse("""
    {
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "https://badges.example.com/credentials/1",
      "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "name": "Test credential",
      "issuer": { "id": "https://badges.example.com/issuer", "type": ["Profile"], "name": "Example Org" },
      "validFrom": "2024-01-01T00:00:00Z",
      "credentialSubject": {
        "id": "did:example:123",
        "type": ["AchievementSubject"],
        "achievement": {
          "id": "https://badges.example.com/badges/k8s.json",
          "type": ["Achievement"],
          "achievementType": "Badge",
          "name": "K8s", "description": "Desc",
          "criteria": { "narrative": "Do stuff" },
          "image": { "id": "https://badges.example.com/img/k8s.png", "type": "Image", "caption": "cap" },
          "resultDescription": [{ "id": "urn:uuid:rd1", "type": ["ResultDescription"], "name": "Score", "resultType": "Percent" }],
          "alignment": [{ "type": ["Alignment"], "targetName": "X", "targetUrl": "https://example.com/x" }]
        }
      }
    }
    """)!.AsObject();

    private static JsonObject Ach(JsonObject c) => c["credentialSubject"]!["achievement"]!.AsObject();

    /// <summary>Each defect, where in the document it must be reported, and by which schema keyword.</summary>
    public static readonly Dictionary<string, (Action<JsonObject> Mutate, string At, string Keyword)> Defects = new()
    {
        ["type as string"] = (c => c["type"] = "VerifiableCredential", "/type", "type"),
        ["missing criteria"] = (c => Ach(c).Remove("criteria"), "/credentialSubject/achievement", "required"),
        ["wrong first @context"] = (c => c["@context"]![0] = "https://www.w3.org/2018/credentials/v1", "/@context/0", "enum"),
        ["achievement.type without Achievement"] = (c => Ach(c)["type"] = new JsonArray("Badge"), "/credentialSubject/achievement/type", "contains"),
        ["image extra property"] = (c => Ach(c)["image"]!["width"] = 10, "/credentialSubject/achievement/image/width", "additionalProperties"),
        ["resultDescription without resultType"] = (c => Ach(c)["resultDescription"]![0]!.AsObject().Remove("resultType"), "/credentialSubject/achievement/resultDescription/0", "required"),
        ["achievementType not in enum nor ext:"] = (c => Ach(c)["achievementType"] = "NotAType", "/credentialSubject/achievement/achievementType", "enum"),
        ["second @context not OB"] = (c => c["@context"]![1] = "https://example.com/ctx.json", "/@context/1", "pattern"),
        ["validFrom not date-time"] = (c => c["validFrom"] = "yesterday", "/validFrom", "format"),
        ["@context too short"] = (c => c["@context"]!.AsArray().RemoveAt(1), "/@context", "minItems"),
        ["@context extra item is a number"] = (c => c["@context"]!.AsArray().Add(5), "/@context/2", "type"),
        ["type lacks OpenBadgeCredential"] = (c => c["type"] = new JsonArray("VerifiableCredential"), "/type", "contains"),
        ["issuer is a number"] = (c => c["issuer"] = 42, "/issuer", "type"),
    };

    public static IEnumerable<object[]> DefectNames() => Defects.Keys.Select(k => new object[] { k });

    [Fact]
    public void Validate_AcceptsAMinimalCredential_WhenMultiValuedPropertiesAreArrays() =>
        Assert.Empty(Credential.Validate(ValidCredential().ToJsonString()));

    [Theory]
    [MemberData(nameof(DefectNames))]
    public void Validate_RejectsTheCredential_WhenItHasOneDefect(string defect)
    {
        var doc = ValidCredential();
        Defects[defect].Mutate(doc);
        var errors = Credential.Validate(doc.ToJsonString());
        Assert.NotEmpty(errors);
        var (_, at, keyword) = Defects[defect];
        Assert.True(errors.Any(e => e.StartsWith(at + ": ") && e.EndsWith("/" + keyword + "]")),
            $"no '{keyword}' error at {at} in:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData("spec-basic-openbadgecredential.json")]
    [InlineData("spec-complete-openbadgecredential.json")]
    [InlineData("spec-achievement-alignment-case.json")]
    [InlineData("spec-achievement-alignment-credential-engine.json")]
    [InlineData("spec-skill-assertion-ctdl.json")]
    public void Validate_AcceptsTheSpecExamples(string file) =>
        Assert.Empty(Credential.Validate(File.ReadAllText(Path.Combine(TestPaths.Ob3Examples, file))));

    [Fact]
    public void Validate_AcceptsTheEndorsementExample_OnlyAgainstTheEndorsementSchema()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.Ob3Examples, "spec-endorsementcredential.json"));
        Assert.Empty(Ob3Schemas.Endorsement.Validate(json));
        Assert.NotEmpty(Credential.Validate(json)); // not an AchievementCredential
    }

    [Fact]
    public void Validate_ChecksAStandaloneAchievement_AgainstTheAchievementPartOfTheSchema()
    {
        var ach = Ach(ValidCredential());
        ach.Insert(0, "@context", new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        Assert.Empty(Ob3Schemas.Achievement.Validate(ach.ToJsonString()));

        ach.Remove("criteria");
        Assert.Contains(Ob3Schemas.Achievement.Validate(ach.ToJsonString()),
            e => e.StartsWith("(root): ") && e.Contains("\"criteria\"") && e.EndsWith("/required]"));

        ach["criteria"] = new JsonObject { ["narrative"] = "x" };
        ach["type"] = "Achievement";
        Assert.Contains(Ob3Schemas.Achievement.Validate(ach.ToJsonString()), e => e.StartsWith("/type: ") && e.EndsWith("/type]"));
    }

    [Fact]
    public void Validate_ChecksProfiles_AgainstTheProfileSchema()
    {
        Assert.Empty(Ob3Schemas.Profile.Validate("""{"id":"https://badges.example.com/issuer","type":["Profile"],"name":"Org"}"""));
        Assert.NotEmpty(Ob3Schemas.Profile.Validate("""{"id":"https://badges.example.com/issuer","type":["Person"]}"""));
    }

    [Fact]
    public void Schemas_AreReadAsDraft201909_WithTupleItemsAndFormatsAsserted()
    {
        // Tuple-form "items" with "additionalItems" (the OB @context rule) only means this in draft 2019-09 and before.
        var tuple = Ob3Schemas.FromText("""{"items":[{"type":"string"}],"additionalItems":false}""");
        Assert.Empty(tuple.Validate("""["a"]"""));
        Assert.NotEmpty(tuple.Validate("""["a", 1]"""));

        var dates = Ob3Schemas.FromText("""{"format":"date-time"}""");
        Assert.Empty(dates.Validate("\"2026-03-10T00:00:00Z\""));
        Assert.NotEmpty(dates.Validate("\"2026-03-10\""));
    }

    [Fact]
    public void Schemas_NeverFetchARemoteReference()
    {
        var error = Record.Exception(() =>
        {
            var schema = Ob3Schemas.FromText("""{"$ref":"https://schemas.example.com/not-vendored.json"}""");
            schema.Validate("{}");
        });
        Assert.NotNull(error);
        Assert.Contains("https://schemas.example.com/not-vendored.json is not vendored", error.ToString());
    }
}
