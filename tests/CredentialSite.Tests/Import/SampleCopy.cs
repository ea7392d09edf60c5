using CredentialSite.Cli;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Import;

/// <summary>
/// A copy of the repository's sample site (site.yml, catalog/, input/) in a temp dir, for commands that write into a
/// source folder (the repository itself is never written). CSV files are written beside it, never inside it.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "import-" + Guid.NewGuid().ToString("N")[..12]);
        Source = Path.Combine(Root, "site");
        Output = Path.Combine(Root, "out");
        File.Copy(Path.Combine(TestPaths.RepoRoot, "site.yml"), Path.Combine(Directory.CreateDirectory(Source).FullName, "site.yml"));
        foreach (var folder in new[] { "catalog", "input" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Source, Path.GetRelativePath(TestPaths.RepoRoot, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
    }

    public string Root { get; }
    public string Source { get; }
    public string Output { get; }
    public string Stdout { get; private set; } = "";
    public string Stderr { get; private set; } = "";

    /// <summary>Writes a CSV file beside the source and returns its path.</summary>
    public string Csv(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the command line; "{src}" and "{out}" stand for the copy's folders.</summary>
    public int Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args.Select(a => a.Replace("{src}", Source).Replace("{out}", Output)).ToArray(), stdout, stderr);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        return code;
    }

    public string Read(string sourceRelative) => File.ReadAllText(Path.Combine(Source, sourceRelative));

    public string ReadOutput(string outputRelative) => File.ReadAllText(Path.Combine(Output, outputRelative));

    /// <summary>Every file of the source with its text, to show that a failed command changed nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Source, f), File.ReadAllText);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_TEST_SITES") == "1") return;
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
