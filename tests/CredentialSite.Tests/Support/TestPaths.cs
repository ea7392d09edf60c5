namespace CredentialSite.Tests.Support;

/// <summary>Where the repository (which is also the sample site) and the files vendored for the tests are.</summary>
public static class TestPaths
{
    /// <summary>The folder holding CredentialSite.csproj, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Standards files the tests check against, copied into the repository (each folder has a SOURCES.md).</summary>
    public static string Vendor => Path.Combine(RepoRoot, "tests", "CredentialSite.Tests", "Vendor");

    public static string Ob3Schemas => Path.Combine(Vendor, "ob3", "schema");

    public static string Ob3Examples => Path.Combine(Vendor, "ob3", "examples");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CredentialSite.csproj"))) return dir.FullName;
        throw new InvalidOperationException($"no CredentialSite.csproj above {AppContext.BaseDirectory}");
    }
}
