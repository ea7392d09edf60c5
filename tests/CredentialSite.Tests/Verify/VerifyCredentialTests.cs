using System.Text;
using CredentialSite.Model;
using CredentialSite.Verify;

namespace CredentialSite.Tests.Verify;

/// <summary>The build's verifier on hostile input: every file gets a verdict and a diagnostic, never an exception.</summary>
public sealed class VerifyCredentialTests
{
    private static readonly VerifyCredential Verifier = new(new TrustedKeys([], new Uri("https://example.org/")), new DateOnly(2026, 11, 1));

    [Theory]
    [InlineData("", "CS0501")]
    [InlineData("[]", "CS0501")]
    [InlineData("{\"issuer\": 5, \"credentialSubject\": {}}", "CS0501")]
    [InlineData("{\"issuer\": \"did:key:z6Mkx\", \"credentialSubject\": {}}", "CS0501")] // unsigned
    [InlineData("{\"issuer\": \"did:key:z6Mkx\", \"credentialSubject\": {}, \"proof\": {\"type\": \"DataIntegrityProof\", \"cryptosuite\": \"eddsa-rdfc-2022\", \"proofPurpose\": \"assertionMethod\", \"verificationMethod\": \"did:key:z6Mkx#z6Mkx\", \"proofValue\": 7}}", "CS0502")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJ2YyI6e319.", "CS0501")]
    [InlineData("e30.e30.e30", "CS0501")]
    [InlineData("!!!.???.***", "CS0501")]
    public void Hostile_input_gets_a_diagnostic_never_an_exception(string text, string code)
    {
        var result = Verifier.Run(Encoding.UTF8.GetBytes(text));

        Assert.Equal(CredentialCheck.Failed, result.Check.Outcome);
        Assert.Contains(result.Problems, p => p.Code == code);
    }

    [Fact]
    public void A_key_the_issuer_does_not_control_is_CS0504()
    {
        var result = Verifier.Run(Encoding.UTF8.GetBytes(Impostor()));

        Assert.Equal(CredentialCheck.Failed, result.Check.Outcome);
        Assert.Contains(result.Problems, p => p.Code == "CS0504" && p.Message.Contains("not by the credential's issuer 'https://impostor.example/issuer'"));
    }

    /// <summary>valid-did-key.json claiming another issuer than the did:key that signed it.</summary>
    public static string Impostor() => System.Text.RegularExpressions.Regex.Replace(
        File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "tests", "CredentialSite.Tests", "Verify", "Credentials", "valid-did-key.json")),
        "(\"issuer\": \\{\\s*\"id\": )\"[^\"]+\"", "$1\"https://impostor.example/issuer\"");

    [Fact]
    public void A_proof_value_of_the_wrong_type_fails_without_throwing()
    {
        var valid = File.ReadAllText(Path.Combine(Support.TestPaths.RepoRoot, "tests", "CredentialSite.Tests", "Verify", "Credentials", "valid-did-key.json"));
        var hostile = System.Text.RegularExpressions.Regex.Replace(valid, "\"proofValue\": \"[^\"]+\"", "\"proofValue\": [1, 2]");

        var result = Verifier.Run(Encoding.UTF8.GetBytes(hostile));

        Assert.Equal(CredentialCheck.Failed, result.Check.Outcome);
        Assert.Contains(result.Problems, p => p.Code == "CS0502");
    }
}

/// <summary>build --online: where a did:web DID or an HTTPS key is fetched from (did:web method §3.2).</summary>
public sealed class FetchKeysTests
{
    [Theory]
    [InlineData("did:web:issuer.example", "https://issuer.example/.well-known/did.json")]
    [InlineData("did:web:issuer.example:badges", "https://issuer.example/badges/did.json")]
    [InlineData("did:web:localhost%3A8443:a:b", "https://localhost:8443/a/b/did.json")]
    [InlineData("https://keys.example/k/1", "https://keys.example/k/1")]
    public void A_DID_or_key_URL_is_fetched_from_its_address(string id, string url) =>
        Assert.Equal(url, FetchKeys.Address(id)?.ToString());
}
