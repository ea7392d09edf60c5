using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Verify;

/// <summary>
/// tests/verify-js/verify-site.mjs, the independent verifier (npm's @digitalbazaar/vc and jose): it passes a signed
/// site, fails one changed character in a credential or a VC-JWT, and fails a site where it has nothing to check.
/// </summary>
public sealed partial class VerifySiteTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "verify-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_TEST_SITES") == "1") return;
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // The end-to-end proof that what the build signs, others can verify: keys only from the built site.
    [Fact]
    public void The_signed_sample_site_verifies_with_the_npm_libraries_and_one_changed_character_fails()
    {
        const string baseUrl = "https://example.org/catalog/";
        // keys new writes the public keys into the source's issuer YAML: a copy of the sample, never the repository.
        using var copy = new Import.SampleCopy();
        var keys = Path.Combine(_root, "keys");
        var output = Path.Combine(_root, "out");
        var (code, stdout, stderr) = TestSite.RunCli("keys", "new", "--issuer", "northwind-academy", "--keys", keys,
            "--source", copy.Source, "--output", output);
        Assert.True(code == 0, $"keys new exited with {code}:\n{stdout}\n{stderr}");
        (code, stdout, stderr) = TestSite.RunCli("build", "--source", copy.Source, "--output", output,
            "--base-url", baseUrl, "--keys", keys);
        Assert.True(code == 0, $"build --keys exited with {code}:\n{stdout}\n{stderr}");
        Assert.True(File.Exists(Path.Combine(output, "issuers", "northwind-academy", "did.json")), "no did:web DID document for northwind-academy");

        var run = Verify(output, baseUrl);
        run.AssertAllOk();
        Assert.True(run.Credentials > 0, $"nothing was verified:\n{run.Stdout}");
        // The issuer's revocation list is signed like its credentials, and verifies too.
        Assert.Contains("ok issuers/northwind-academy/status/revocation.json", run.Lines);
        // A credential reported revoked must be one its portfolio revokes.
        foreach (var line in run.Lines.Where(l => l.StartsWith("revoked ", StringComparison.Ordinal)))
        {
            var path = line["revoked ".Length..line.IndexOf(':')].Split('/');
            Assert.True(PortfolioRevokes(copy.Source, person: path[1], badge: Path.GetFileNameWithoutExtension(path[3])), line);
        }

        AssertOneChangedCharacterFails(output, baseUrl, run);
    }

    [Fact]
    public void The_verifier_passes_a_site_the_npm_libraries_signed_and_one_changed_character_fails()
    {
        // Signed by tests/verify-js/make-fixture.mjs with throwaway keys (nothing of the tool's): checks the verifier.
        const string baseUrl = "https://example.org/catalog/";
        var output = Path.Combine(_root, "fixture");
        var (code, stdout, stderr) = VerifyJs.Run("make-fixture.mjs", null, output, baseUrl);
        Assert.True(code == 0, $"make-fixture.mjs exited with {code}:\n{stdout}\n{stderr}");

        var run = Verify(output, baseUrl);
        run.AssertAllOk();
        Assert.Equal(4, run.Credentials);
        Assert.Contains("ok issuers/acme/status/revocation.json", run.Lines);

        AssertOneChangedCharacterFails(output, baseUrl, run);
    }

    [Fact]
    public void The_verifier_fails_a_credential_of_a_signing_issuer_whose_proof_was_removed()
    {
        const string baseUrl = "https://example.org/";
        var output = Path.Combine(_root, "stripped");
        var (code, _, stderr) = VerifyJs.Run("make-fixture.mjs", null, output, baseUrl);
        Assert.True(code == 0, stderr);
        var file = Path.Combine(output, "people", "bob", "credentials", "code-review.json");
        var credential = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.True(credential.Remove("proof"));
        File.WriteAllText(file, credential.ToJsonString());

        var run = Verify(output, baseUrl);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("FAIL people/bob/credentials/code-review.json: no proof, but its issuer did:web:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verifier_reports_a_revoked_credential_and_with_fail_revoked_fails_it()
    {
        const string baseUrl = "https://example.org/";
        var output = Path.Combine(_root, "revoked");
        var (code, _, stderr) = VerifyJs.Run("make-fixture.mjs", null, output, baseUrl, "--revoked");
        Assert.True(code == 0, stderr);

        var run = Verify(output, baseUrl);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("revoked people/alice/credentials/api-design.json: revocation bit 42 ", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("revoked people/alice/credentials/api-design.jwt: revocation bit 42 ", StringComparison.Ordinal));
        Assert.Contains("ok people/bob/credentials/code-review.json", run.Lines);
        Assert.Equal(2, run.Summary.GetProperty("revoked").GetInt32());

        var strict = Verify(output, baseUrl, "--fail-revoked");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(strict.Lines, l => l.StartsWith("FAIL people/alice/credentials/api-design.json: revocation bit 42 ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verifier_fails_a_site_with_nothing_signed_in_it()
    {
        // The sample as it is built without keys: every credential unsigned, so nothing checked, so no pass.
        Assert.True(sample.Result.Succeeded(false), "the sample site did not build");
        var run = Verify(sample.Output, "https://northwind.github.io/credentials/");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, run.Credentials);
        Assert.Contains(run.Lines, l => l.StartsWith("unsigned people/", StringComparison.Ordinal));
        Assert.Contains("nothing was verified", run.Summary.GetProperty("error").GetString());
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Changes one letter of the name in one credential's JSON and one letter in another credential's VC-JWT payload
    /// (re-encoded, signature kept): exactly those fail (and the first one's JWT, which no longer matches its JSON).
    /// </summary>
    private static void AssertOneChangedCharacterFails(string output, string baseUrl, Run before)
    {
        var signed = before.Lines.Where(l => l.StartsWith("ok people/", StringComparison.Ordinal) && l.EndsWith(".json", StringComparison.Ordinal))
            .Select(l => l["ok ".Length..]).ToList();
        Assert.True(signed.Count >= 2, $"need two signed credentials, found:\n{before.Stdout}");
        var json = signed[0];
        var jwt = Path.ChangeExtension(signed[1], ".jwt");

        var jsonFile = Path.Combine(output, json);
        File.WriteAllText(jsonFile, ChangeOneLetterOfName(File.ReadAllText(jsonFile)));
        var jwtFile = Path.Combine(output, jwt);
        var parts = File.ReadAllText(jwtFile).Trim().Split('.');
        Assert.Equal(3, parts.Length);
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1]));
        parts[1] = Base64UrlEncode(Encoding.UTF8.GetBytes(ChangeOneLetterOfName(payload)));
        File.WriteAllText(jwtFile, string.Join('.', parts));

        var after = Verify(output, baseUrl);
        Assert.Equal(1, after.ExitCode);
        var failed = after.Lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
        Assert.Contains(failed, l => l.StartsWith($"FAIL {json}: ", StringComparison.Ordinal) && l.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(failed, l => l.StartsWith($"FAIL {jwt}: signature", StringComparison.Ordinal));
        Assert.Contains(failed, l => l.StartsWith($"FAIL {Path.ChangeExtension(json, ".jwt")}: payload differs", StringComparison.Ordinal));
        Assert.True(failed.Count == 3, $"expected exactly three failures:\n{after.Stdout}");
    }

    /// <summary>Whether the person's portfolio entry for the badge has a revoked: (its lines up to the next entry).</summary>
    private static bool PortfolioRevokes(string source, string person, string badge)
    {
        var file = Path.Combine(source, "input", "portfolios", person, "portfolio.yml");
        if (!File.Exists(file)) return false;
        var entries = Regex.Split(File.ReadAllText(file), @"^\s*-\s+badge:\s*", RegexOptions.Multiline);
        return entries.Any(e => Regex.IsMatch(e, $@"\A{Regex.Escape(badge)}[ \t]*$", RegexOptions.Multiline)
            && Regex.IsMatch(e, @"^\s+revoked:", RegexOptions.Multiline));
    }

    /// <summary>The first letter of the first "name" value, its case flipped.</summary>
    private static string ChangeOneLetterOfName(string json)
    {
        var match = NameValue().Match(json);
        Assert.True(match.Success, "no \"name\" with a letter in it");
        var i = match.Groups[1].Index;
        var c = json[i];
        return json[..i] + (char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) + json[(i + 1)..];
    }

    [GeneratedRegex("\"name\"\\s*:\\s*\"[^\"A-Za-z]*([A-Za-z])")]
    private static partial Regex NameValue();

    private static byte[] Base64UrlDecode(string s) =>
        Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Run(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Lines, JsonElement Summary)
    {
        public int Credentials => Summary.GetProperty("credentials").GetInt32();

        public void AssertAllOk()
        {
            Assert.True(ExitCode == 0, $"verify-site.mjs exited with {ExitCode}:\n{Stdout}\n{Stderr}");
            Assert.All(Lines, l => Assert.True(l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("unsigned ", StringComparison.Ordinal)
                || l.StartsWith("revoked ", StringComparison.Ordinal), l));
            Assert.Equal(0, Summary.GetProperty("failed").GetInt32());
        }
    }

    private static Run Verify(string output, string baseUrl, params string[] options)
    {
        var (code, stdout, stderr) = VerifyJs.Run("verify-site.mjs", null, [output, baseUrl, .. options]);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0 && lines[^1].StartsWith('{'), $"verify-site.mjs printed no summary (exit {code}):\n{stdout}\n{stderr}");
        return new Run(code, stdout, stderr, lines[..^1], JsonDocument.Parse(lines[^1]).RootElement.Clone());
    }
}
