using System.Text.Json.Nodes;

namespace CredentialSite.Tests.Support;

/// <summary>
/// The validator the JSON-LD tests rely on: it must accept the official examples and reject each single defect,
/// or a passing JSON-LD test would prove nothing. (Adapted from the probe that compared it with python-jsonschema.)
/// </summary>
public class Ob3SchemaValidatorTests
{
    private static readonly string SchemaDir = TestPaths.Ob3Schemas;
    private static readonly string ExampleDir = TestPaths.Ob3Examples;
    private static readonly Ob3SchemaValidator Credential = Ob3SchemaValidator.FromFile(Path.Combine(SchemaDir, "achievementcredential.json"));

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

    public static readonly Dictionary<string, (Action<JsonObject> Mutate, string Expect)> Defects = new()
    {
        ["type as string"] = (c => c["type"] = "VerifiableCredential", "/type: expected type array"),
        ["missing criteria"] = (c => Ach(c).Remove("criteria"), "/credentialSubject/achievement: required property 'criteria' is missing"),
        ["wrong first @context"] = (c => c["@context"]![0] = "https://www.w3.org/2018/credentials/v1", "/@context/0: value"),
        ["achievement.type without Achievement"] = (c => Ach(c)["type"] = new JsonArray("Badge"), "/credentialSubject/achievement/type: array contains no item"),
        ["image extra property"] = (c => Ach(c)["image"]!["width"] = 10, "additional property 'width' is not allowed"),
        ["resultDescription without resultType"] = (c => Ach(c)["resultDescription"]![0]!.AsObject().Remove("resultType"), "/credentialSubject/achievement/resultDescription/0: required property 'resultType'"),
        ["achievementType not in enum nor ext:"] = (c => Ach(c)["achievementType"] = "NotAType", "/credentialSubject/achievement/achievementType: value matches none of the oneOf"),
        ["second @context not OB"] = (c => c["@context"]![1] = "https://example.com/ctx.json", "/@context/1: string"),
        ["validFrom not date-time"] = (c => c["validFrom"] = "yesterday", "/validFrom: string \"yesterday\" is not a valid date-time"),
        ["@context too short"] = (c => c["@context"]!.AsArray().RemoveAt(1), "/@context: array has 1 items"),
        ["@context extra item is a number"] = (c => c["@context"]!.AsArray().Add(5), "/@context/2: value matches none"),
        ["type lacks OpenBadgeCredential"] = (c => c["type"] = new JsonArray("VerifiableCredential"), "/type: array contains no item"),
        ["issuer is a number"] = (c => c["issuer"] = 42, "/issuer: value matches none of the oneOf"),
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
        Assert.Contains(errors, e => e.Contains(Defects[defect].Expect));
    }

    [Theory]
    [InlineData("spec-basic-openbadgecredential.json")]
    [InlineData("spec-complete-openbadgecredential.json")]
    [InlineData("spec-achievement-alignment-case.json")]
    [InlineData("spec-achievement-alignment-credential-engine.json")]
    [InlineData("spec-skill-assertion-ctdl.json")]
    public void Validate_AcceptsTheSpecExamples(string file) =>
        Assert.Empty(Credential.Validate(File.ReadAllText(Path.Combine(ExampleDir, file))));

    [Fact]
    public void Validate_AcceptsTheEndorsementExample_OnlyAgainstTheEndorsementSchema()
    {
        var json = File.ReadAllText(Path.Combine(ExampleDir, "spec-endorsementcredential.json"));
        Assert.Empty(Ob3SchemaValidator.FromFile(Path.Combine(SchemaDir, "endorsementcredential.json")).Validate(json));
        Assert.NotEmpty(Credential.Validate(json)); // not an AchievementCredential (same result as python-jsonschema)
    }

    [Fact]
    public void Validate_ChecksAStandaloneAchievement_AgainstTheAchievementSubSchema()
    {
        var ach = Ach(ValidCredential());
        ach.Insert(0, "@context", new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        Assert.Empty(Credential.Validate(ach.ToJsonString(), "#/$defs/Achievement"));

        ach.Remove("criteria");
        Assert.Contains("(root): required property 'criteria' is missing [#/$defs/Achievement/required]",
            Credential.Validate(ach.ToJsonString(), "#/$defs/Achievement"));

        ach["criteria"] = new JsonObject { ["narrative"] = "x" };
        ach["type"] = "Achievement";
        Assert.Contains(Credential.Validate(ach.ToJsonString(), "#/$defs/Achievement"), e => e.StartsWith("/type: expected type array"));
    }

    [Fact]
    public void Validate_ChecksProfiles_AgainstTheProfileSchema()
    {
        var profile = Ob3SchemaValidator.FromFile(Path.Combine(SchemaDir, "profile.json"));
        Assert.Empty(profile.Validate("""{"id":"https://badges.example.com/issuer","type":["Profile"],"name":"Org"}"""));
        Assert.NotEmpty(profile.Validate("""{"id":"https://badges.example.com/issuer","type":["Person"]}"""));
    }

    [Fact]
    public void Validate_AppliesGenericKeywords_AsJsonSchemaDefinesThem()
    {
        var v = new Ob3SchemaValidator("""
        {"$defs":{"S":{"type":["string","null"]}},
         "type":"object","properties":{"a":{"$ref":"#/$defs/S"},"n":{"type":"integer"},"k":{"const":{"x":[1,2]}},
           "t":{"items":[{"type":"string"}],"additionalItems":false},"u":{"anyOf":[{"type":"string"},{"type":"number"}]}},
         "additionalProperties":{"type":"boolean"}}
        """);
        Assert.Empty(v.Validate("""{"a":null,"n":3.0,"k":{"x":[1,2.0]},"t":["s"],"u":1,"extra":true}"""));
        Assert.Equal(6, v.Validate("""{"a":1,"n":3.5,"k":{"x":[2,1]},"t":["s",1],"u":[],"extra":"no"}""").Count);
    }

    [Fact]
    public void Constructor_Throws_WhenASchemaUsesAnUnsupportedKeywordOrABrokenRef()
    {
        Assert.Throws<NotSupportedException>(() => new Ob3SchemaValidator("""{"maxItems":1}"""));
        Assert.Throws<InvalidOperationException>(() => new Ob3SchemaValidator("""{"$ref":"#/$defs/Missing"}"""));
    }
}
