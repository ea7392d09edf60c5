using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredentialSite.Rdf.DataIntegrity;
using CredentialSite.Rdf.JsonLd;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Signing;

/// <summary>Builds with --keys: Data Integrity proofs and VC-JWTs that verify with the keys the DID document publishes.</summary>
public class SigningTests
{
    private const string Did = "did:web:example.org:issuers:academy";
    private const string CredentialPath = "people/sam/credentials/code-review.json";
    private const string JwtPath = "people/sam/credentials/code-review.jwt";

    private static JsonObject Json(TestSite site, string path) => JsonNode.Parse(site.ReadFile(path))!.AsObject();

    private static JsonObject Method(JsonObject did, string type) =>
        did["verificationMethod"]!.AsArray().Select(m => m!.AsObject()).Single(m => m["type"]!.GetValue<string>() == type);

    [Fact]
    public void ASignedCredential_VerifiesWithTheDidDocumentsKeys_AndAOneCharacterChangeFailsBoth()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        var credential = Json(site, CredentialPath);
        var did = Json(site, "issuers/academy/did.json");
        var edKey = Ed25519Multikey.DecodePublic(Method(did, "Multikey")["publicKeyMultibase"]!.GetValue<string>());
        var jwk = Method(did, "JsonWebKey")["publicKeyJwk"]!;
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk["n"]!.GetValue<string>()),
            Exponent = Base64Url.DecodeFromChars(jwk["e"]!.GetValue<string>()),
        });
        var jwt = site.ReadFile(JwtPath);

        var proof = credential["proof"]!.AsArray().Single()!;
        Assert.Equal("DataIntegrityProof", proof["type"]!.GetValue<string>());
        Assert.Equal("eddsa-rdfc-2022", proof["cryptosuite"]!.GetValue<string>());
        Assert.Equal("assertionMethod", proof["proofPurpose"]!.GetValue<string>());
        Assert.Equal("2026-11-01T00:00:00Z", proof["created"]!.GetValue<string>()); // the build's asOf
        Assert.Equal(Method(did, "Multikey")["id"]!.GetValue<string>(), proof["verificationMethod"]!.GetValue<string>());
        Assert.StartsWith(Did + "#ed25519-", proof["verificationMethod"]!.GetValue<string>());
        Assert.Equal(Did, credential["issuer"]!["id"]!.GetValue<string>());
        Assert.True(EddsaRdfc2022.Verify(credential, edKey));
        Assert.True(VerifyJwt(jwt, rsa));

        var changed = (JsonObject)credential.DeepClone();
        changed["name"] = "Code Reviev";
        Assert.False(EddsaRdfc2022.Verify(changed, edKey));
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("Code Review", "Code Reviev");
        Assert.False(VerifyJwt($"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}", rsa));
    }

    private static bool VerifyJwt(string jwt, RSA rsa)
    {
        var parts = jwt.Split('.');
        return parts.Length == 3 && rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [Fact]
    public void TheJwt_HasTheHeaderAndClaimsOfOb3_AndTheCredentialWithoutItsProof()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        var jwt = site.ReadFile(JwtPath);
        var parts = jwt.Split('.');
        Assert.DoesNotContain('=', jwt);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        var credential = Json(site, CredentialPath);

        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        Assert.Matches($"^{Did}#rsa-", header["kid"]!.GetValue<string>());
        Assert.Equal(Did, payload["iss"]!.GetValue<string>());
        Assert.Equal("https://example.org/people/sam/credentials/code-review.json", payload["jti"]!.GetValue<string>());
        Assert.Equal(credential["id"]!.GetValue<string>(), payload["jti"]!.GetValue<string>());
        Assert.Equal("https://example.org/people/sam/", payload["sub"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), payload["nbf"]!.GetValue<long>());
        Assert.Equal(new DateTimeOffset(2028, 3, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.Null(payload["iat"]);
        Assert.Null(payload["proof"]);
        foreach (var claim in new[] { "iss", "jti", "sub", "nbf", "exp" }) payload.Remove(claim);
        credential.Remove("proof");
        Assert.True(JsonNode.DeepEquals(credential, payload));
    }

    [Fact]
    public void SignedCredentials_ValidateAgainstOb3_AndLoseNothingInJsonLd()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        var credential = site.ReadFile(CredentialPath);
        Assert.Empty(Ob3Schemas.Credential.Validate(credential));
        Assert.Empty(JsonLdToRdf.ToRdf(credential).Issues);
        Assert.Empty(JsonLdToRdf.ToRdf(site.ReadFile("issuers/academy/did.json")).Issues);
        var profile = site.ReadFile("issuers/academy/profile.json");
        Assert.Empty(Ob3Schemas.Profile.Validate(profile));
        Assert.Empty(JsonLdToRdf.ToRdf(profile).Issues);
        Assert.Equal(Did, JsonNode.Parse(profile)!["id"]!.GetValue<string>());
    }

    [Fact]
    public void TheDidDocument_ListsEveryKey_AsAssertionMethod_AndLinksTheIssuerPage()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        var did = Json(site, "issuers/academy/did.json");
        Assert.Equal(Did, did["id"]!.GetValue<string>());
        Assert.Equal(["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            did["@context"]!.AsArray().Take(2).Select(c => c!.GetValue<string>()));
        var methods = did["verificationMethod"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, methods.Count);
        Assert.All(did["verificationMethod"]!.AsArray(), m => Assert.Equal(Did, m!["controller"]!.GetValue<string>()));
        Assert.Equal(methods, did["assertionMethod"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("https://example.org/issuers/academy/", did["alsoKnownAs"]![0]!.GetValue<string>());
        site.AssertFile("issuers/academy/index.html", "<a href=\"/issuers/academy/did.json\" type=\"application/did+json\">Test Academy DID document (did.json)</a>");
    }

    [Fact]
    public void NoPrivateKeyMaterial_ReachesTheOutput()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        var secrets = new List<string>();
        foreach (var file in Directory.EnumerateFiles(site.Keys(), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                var secret = JsonNode.Parse(text)!["secretKeyMultibase"]!.GetValue<string>();
                var seed = Ed25519Multikey.DecodeSecret(secret);
                secrets.AddRange([secret, secret[1..], Convert.ToBase64String(seed), Base64Url.EncodeToString(seed), Convert.ToHexString(seed)]);
            }
            else
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                var p = rsa.ExportParameters(true);
                foreach (var part in new[] { p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ! })
                    secrets.AddRange([Convert.ToBase64String(part)[..40], Base64Url.EncodeToString(part)[..40], Convert.ToHexString(part)[..40]]);
                secrets.AddRange(text.Split('\n').Where(l => l.Length > 40));
                secrets.Add("PRIVATE KEY");
            }
        }
        Assert.True(secrets.Count > 10);
        var output = TestSite.FilesUnder(site.Output);
        Assert.True(output.Count > 20);
        foreach (var file in output)
        {
            var bytes = File.ReadAllBytes(Path.Combine(site.Output, file));
            var text = Encoding.Latin1.GetString(bytes);
            foreach (var secret in secrets) Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{file} holds private key material");
        }
    }

    [Fact]
    public void Signing_IsDeterministic_ARebuildIsByteIdentical()
    {
        using var site = SignedSite.WithKeys();
        var first = Path.Combine(site.Root, "first");
        site.Run(o => o with { Keys = site.Keys(), Output = first }).AssertOk();
        site.BuildSigned().AssertOk();

        var files = TestSite.FilesUnder(site.Output).Where(f => !f.StartsWith(".credentialsite", StringComparison.Ordinal)).ToList();
        Assert.Contains(JwtPath, files);
        Assert.Equal(files, TestSite.FilesUnder(first).Where(f => !f.StartsWith(".credentialsite", StringComparison.Ordinal)));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))), $"{f} differs");
    }

    [Fact]
    public void APrivateKeyThatMatchesNoPublishedKey_IsAnError()
    {
        using var site = SignedSite.WithKeys();
        var ed = Directory.EnumerateFiles(Path.Combine(site.Keys(), "academy"), "*.ed25519.json").Single();
        File.WriteAllText(ed, $$"""{ "secretKeyMultibase": "{{Ed25519Multikey.EncodeSecret(RandomNumberGenerator.GetBytes(32))}}" }""");

        site.BuildSigned();

        var d = site.AssertDiagnostic($"{ed}:1:1: error CS0404: this private key's public key is not among the keys issuer 'academy' publishes");
        Assert.Contains("catalog/issuers/academy.yml", d.Hint);
        Assert.False(site.FileExists(CredentialPath));
    }

    [Fact]
    public void HalfAKeyPair_IsAWarning_AndTheIssuerIsNotSigned()
    {
        using var site = SignedSite.WithKeys();
        var folder = Path.Combine(site.Keys(), "academy");
        File.Delete(Directory.EnumerateFiles(folder, "*.rsa.pem").Single());

        site.BuildSigned();

        site.AssertDiagnostic($"{folder}:1:1: warning CS0406: only the Ed25519 (Data Integrity) private key of issuer 'academy' is here");
        Assert.True(site.FileExists(CredentialPath));
        Assert.DoesNotContain("\"proof\"", site.ReadFile(CredentialPath));
        Assert.False(site.FileExists(JwtPath));
    }

    [Fact]
    public void ThePrivateKeyOfARetiredKey_IsAnError()
    {
        using var site = SignedSite.WithKeys();
        site.NewKeys(); // rotates: the first keys are retired, their files moved to retired/
        var retired = Directory.EnumerateFiles(Path.Combine(site.Keys(), "academy", "retired"), "*.rsa.pem").Single();
        var back = Path.Combine(site.Keys(), "academy", Path.GetFileName(retired));
        File.Move(retired, back);

        site.BuildSigned();

        site.AssertDiagnostic($"{back}:1:1: error CS0404: this private key belongs to the retired key 'rsa-");
    }

    [Fact]
    public void AKeyFolderForAnIssuerWithoutKeys_IsAnError()
    {
        using var site = SignedSite.WithKeys();
        var other = Path.Combine(site.Keys(), "university");
        Directory.CreateDirectory(other);
        File.Copy(Directory.EnumerateFiles(Path.Combine(site.Keys(), "academy"), "*.rsa.pem").Single(), Path.Combine(other, "rsa-1.rsa.pem"));

        site.BuildSigned();

        site.AssertDiagnostic($"{other}:1:1: error CS0404: the key folder names no issuer 'university'");
    }

    [Fact]
    public void ValidateWithKeys_ChecksThem()
    {
        using var site = SignedSite.WithKeys();
        File.WriteAllText(Path.Combine(site.Keys(), "academy", "x.ed25519.json"), "{}");
        Assert.Equal(1, site.Cli("validate", "--source", "{src}", "--keys", site.Keys()));
        Assert.Contains("x.ed25519.json:1:1: error CS0405: not an Ed25519 private key file", site.Stderr);
    }

    [Fact]
    public void AKeyFolderInsideTheSource_IsAnError()
    {
        using var site = SignedSite.WithKeys();
        var inside = Path.Combine(site.Source, "private");
        Directory.Move(site.Keys(), inside);

        site.Run(o => o with { Keys = inside });

        site.AssertDiagnostic($"{inside}:1:1: error CS0403: the key folder '{inside}' lies inside the source folder");
        Assert.False(site.FileExists(CredentialPath));
    }

    [Fact]
    public void AKeyFolderInsideTheOutput_IsAnError()
    {
        using var site = SignedSite.WithKeys();
        site.Run(o => o with { Keys = site.Output });
        site.AssertDiagnostic($"{site.Output}:1:1: error CS0403: the key folder '{site.Output}' is the output folder");
    }

    [Fact]
    public void ABuildWithoutKeys_IsUnsigned_SaysSo_AndStillPublishesTheDidDocument()
    {
        using var site = SignedSite.WithKeys();
        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}"));
        Assert.Contains(", credentials unsigned (no --keys) (", site.Stdout);
        Assert.Null(Json(site, CredentialPath)["proof"]);
        Assert.False(site.FileExists(JwtPath));
        Assert.True(site.FileExists("issuers/academy/did.json"));
        site.AssertFile("people/sam/index.html", "<strong>unsigned</strong>", "! Signed by");

        Assert.Equal(0, site.Cli("build", "--source", "{src}", "--output", "{out}", "--keys", site.Keys()));
        Assert.Contains(", credentials signed for academy (", site.Stdout);
    }

    [Fact]
    public void ThePersonPageAndDossier_SaySignedBy_WithTheCredentialId_AndLinkJsonAndJwt()
    {
        using var site = SignedSite.WithKeys().BuildSigned().AssertOk();
        foreach (var page in new[] { "people/sam/index.html", "people/sam/dossier/index.html" })
        {
            var signed = site.Html(page).QuerySelector("p.signed");
            Assert.NotNull(signed);
            Assert.Contains("Signed by Test Academy", signed!.TextContent);
            Assert.Contains("https://example.org/people/sam/credentials/code-review.json", signed.QuerySelector("code")!.TextContent);
            var links = signed.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
            Assert.Contains(links, l => l.Item1 == "/people/sam/credentials/code-review.json" && l.TextContent.Contains("Open Badges 3.0 JSON"));
            Assert.Contains(links, l => l.Item1 == "/people/sam/credentials/code-review.jwt" && l.TextContent.Contains("VC-JWT"));
            site.AssertFile(page, "! <strong>unsigned</strong>");
        }
    }

    [Theory]
    [InlineData("https://owner.github.io/repo/", "did:web:owner.github.io:repo:issuers:northwind-academy")]
    [InlineData("https://credentials.example.org/", "did:web:credentials.example.org:issuers:northwind-academy")]
    [InlineData("http://localhost:8080/a/b/", "did:web:localhost%3A8080:a:b:issuers:northwind-academy")]
    public void TheDid_FollowsTheSiteAddress(string baseUrl, string did) =>
        Assert.Equal(did, CredentialSite.Signing.DidWeb.Did(new Uri(baseUrl), "northwind-academy"));
}
