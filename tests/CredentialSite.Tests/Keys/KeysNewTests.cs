using CredentialSite.Tests.Signing;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Keys;

/// <summary><c>credentialsite keys new</c>: private keys into the key folder, public keys into the issuer's YAML, rotation.</summary>
public class KeysNewTests
{
    [Fact]
    public void KeysNew_WritesPublicKeysIntoTheYaml_AndPrivateFilesIntoTheFolder()
    {
        using var site = TestSite.Create("""
            -- catalog/issuers/academy.yml --
            # The academy (this comment stays).
            name: Test Academy
            type: internal
            url: https://academy.example
            """);
        site.NewKeys();

        var yaml = File.ReadAllText(Path.Combine(site.Source, "catalog/issuers/academy.yml"));
        Assert.StartsWith("# The academy (this comment stays).\nname: Test Academy\ntype: internal\nurl: https://academy.example\nkeys:\n", yaml);
        Assert.Matches(@"  - id: ed25519-\d{4}-\d\d-\d\d\n    type: Multikey\n    created: \d{4}-\d\d-\d\d\n    publicKeyMultibase: z6Mk\w+\n", yaml);
        Assert.Matches(@"  - id: rsa-\d{4}-\d\d-\d\d\n    type: JsonWebKey\n    created: \d{4}-\d\d-\d\d\n    publicKeyJwk:\n      kty: RSA\n      n: [\w-]+\n      e: AQAB\n", yaml);
        var files = TestSite.FilesUnder(site.Keys());
        Assert.Equal(2, files.Count);
        Assert.Matches(@"^academy/ed25519-[\d-]+\.ed25519\.json$", files[0]);
        Assert.Matches(@"^academy/rsa-[\d-]+\.rsa\.pem$", files[1]);
        if (!OperatingSystem.IsWindows())
            foreach (var f in files)
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(site.Keys(), f)));
        Assert.DoesNotContain("secretKeyMultibase", yaml);
        Assert.DoesNotContain("PRIVATE", yaml);
        site.Run().AssertOk();
    }

    [Fact]
    public void KeysNew_RefusesAKeyFolderInsideTheSource_AndWritesNothing()
    {
        using var site = TestSite.Create();
        var before = File.ReadAllText(Path.Combine(site.Source, "catalog/issuers/academy.yml"));

        var code = site.Cli("keys", "new", "--issuer", "academy", "--keys", "{src}/keys", "--source", "{src}", "--output", "{out}");

        Assert.Equal(1, code);
        Assert.Contains("error CS0403: the key folder", site.Stderr);
        Assert.Contains("lies inside the source folder", site.Stderr);
        Assert.Contains("hint: keep private keys outside the site", site.Stderr);
        Assert.False(Directory.Exists(Path.Combine(site.Source, "keys")));
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Source, "catalog/issuers/academy.yml")));
    }

    [Fact]
    public void KeysNew_RefusesAKeyFolderInsideTheOutput()
    {
        using var site = TestSite.Create();
        Assert.Equal(1, site.Cli("keys", "new", "--issuer", "academy", "--keys", "{out}/keys", "--source", "{src}", "--output", "{out}"));
        Assert.Contains("error CS0403", site.Stderr);
        Assert.Contains("lies inside the output folder", site.Stderr);
    }

    [Fact]
    public void KeysNew_ForAnUnknownIssuer_SaysWhichOnesExist()
    {
        using var site = TestSite.Create();
        Assert.Equal(1, site.Cli("keys", "new", "--issuer", "acadmy", "--keys", Path.Combine(site.Root, "keys"), "--source", "{src}"));
        Assert.Contains("--issuer:1:1: error CS0009: no issuer 'acadmy'", site.Stderr);
        Assert.Contains("did you mean 'academy'?", site.Stderr);
    }

    [Fact]
    public void KeysNew_Again_RetiresTheKeysInUse_KeepsThemPublished_AndMovesTheirPrivateFiles()
    {
        using var site = SignedSite.WithKeys();
        var first = TestSite.FilesUnder(site.Keys());
        site.NewKeys();

        var issuer = site.LoadCatalog().Issuers.Single();
        Assert.Equal(4, issuer.Keys.Count);
        Assert.All(issuer.Keys.Take(2), k => Assert.NotNull(k.Retired));
        Assert.All(issuer.Keys.Skip(2), k => Assert.Null(k.Retired));
        Assert.EndsWith("-2", issuer.Keys[2].Id); // made the same day: the id is still unique
        var now = TestSite.FilesUnder(site.Keys());
        Assert.Equal(first.Select(f => f.Replace("academy/", "academy/retired/")).Order(StringComparer.Ordinal), now.Where(f => f.Contains("/retired/")));
        site.BuildSigned().AssertOk();
        Assert.Contains($"#{issuer.Keys[2].Id}", site.ReadFile("people/sam/credentials/code-review.json"));
        var did = site.ReadFile("issuers/academy/did.json");
        Assert.All(issuer.Keys, k => Assert.Contains($"\"did:web:example.org:issuers:academy#{k.Id}\"", did));
    }

    [Fact]
    public void KeysNew_AppendsToAnExistingList_WhereverItIs_AndKeepsWhatFollows()
    {
        using var site = SignedSite.WithKeys();
        var path = Path.Combine(site.Source, "catalog/issuers/academy.yml");
        var yaml = File.ReadAllText(path);
        var keysAt = yaml.IndexOf("keys:", StringComparison.Ordinal);
        // Move keys: up, before a field, with a comment inside the list.
        var moved = yaml[..keysAt].Replace("name: Test Academy\n", "name: Test Academy\n" + yaml[keysAt..].Replace("  - id: rsa", "  # the JWT key\n  - id: rsa"));
        File.WriteAllText(path, moved);
        site.NewKeys();

        var after = File.ReadAllText(path);
        Assert.Contains("  # the JWT key\n  - retired: ", after);
        Assert.Contains("type: internal", after[after.LastIndexOf("  - id: rsa", StringComparison.Ordinal)..]);
        Assert.Equal(4, site.LoadCatalog().Issuers.Single().Keys.Count);
        site.BuildSigned().AssertOk();
    }
}
