namespace CredentialSite.Tests.Support;

/// <summary>Where the repository (which is also the sample site) and the shared folder beside it are.</summary>
public static class TestPaths
{
    /// <summary>The folder holding CredentialSite.csproj, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder beside the repository (spec, standards, style guide).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Ob3Schemas => Path.Combine(Shared, "standards", "ob3", "schema");

    public static string Ob3Examples => Path.Combine(Shared, "standards", "ob3", "examples");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CredentialSite.csproj"))) return dir.FullName;
        throw new InvalidOperationException($"no CredentialSite.csproj above {AppContext.BaseDirectory}");
    }
}
