using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Rdf;

/// <summary>
/// Where a W3C conformance suite's cases are: tests/CredentialSite.Tests/Vendor/NAME when vendored into the
/// repository, else NAME under the folder named by CREDENTIALSITE_W3C_SUITES. Null when neither has it.
/// </summary>
public static class ConformanceSuites
{
    public const string Variable = "CREDENTIALSITE_W3C_SUITES";

    public static string? Folder(string name)
    {
        var vendored = Path.Combine(TestPaths.RepoRoot, "tests", "CredentialSite.Tests", "Vendor", name);
        if (Directory.Exists(vendored)) return vendored;
        var root = Environment.GetEnvironmentVariable(Variable);
        var external = root is null ? null : Path.Combine(root, name);
        return external is not null && Directory.Exists(external) ? external : null;
    }

    public static string MissingReason(string name) =>
        $"the {name} suite is neither in tests/CredentialSite.Tests/Vendor/{name} nor under ${Variable}";
}
