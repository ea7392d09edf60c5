using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Verify;

/// <summary>
/// The verify page's script (theme/static/js/verify.js) is exactly what tools/verify-bundle/build.sh makes from its
/// sources and locked npm packages: rebuilt here (npm ci, then esbuild) and compared byte for byte.
/// </summary>
public sealed class VerifyBundleTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tools", "verify-bundle");

    [Fact]
    public void The_committed_verify_bundle_is_what_build_sh_makes()
    {
        var npm = VerifyJs.FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on PATH (.ci/run installs it)");
        var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
        {
            var (code, stdout, stderr) = VerifyJs.Exec(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, TimeSpan.FromMinutes(10), Folder);
            Assert.True(code == 0, $"npm ci in tools/verify-bundle failed ({code}):\n{stdout}\n{stderr}");
        }
        var rebuilt = Path.Combine(Path.GetTempPath(), "credentialsite-verify-bundle-" + Guid.NewGuid().ToString("N")[..12] + ".js");
        try
        {
            var (code, stdout, stderr) = VerifyJs.Exec("/bin/bash", [Path.Combine(Folder, "build.sh"), rebuilt], null, TimeSpan.FromMinutes(5), Folder);
            Assert.True(code == 0, $"build.sh failed ({code}):\n{stdout}\n{stderr}");
            var committed = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "theme", "static", "js", "verify.js"));
            Assert.True(committed.AsSpan().SequenceEqual(File.ReadAllBytes(rebuilt)),
                "theme/static/js/verify.js is not what tools/verify-bundle/build.sh makes: run it and commit the result");
        }
        finally
        {
            File.Delete(rebuilt);
        }
    }
}
