using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CredentialSite.Cli;
using CredentialSite.Diagnostics;

namespace CredentialSite.Tests.Support;

/// <summary>
/// A tiny site in a temp dir, built by the same <see cref="SiteBuild"/> (or <see cref="CliApp"/>) as the tool.
/// Files are given as txtar-style text: a line <c>-- path --</c> starts a file, the lines up to the next
/// header are its content. <see cref="Build"/> lays the given files over <see cref="Minimal"/>, so a test only
/// shows what it adds or changes. Why inline text and not fixture folders: the data stays in view next to the
/// assertions (Hugo's integration tests, STYLE.md lesson 9). Set KEEP_TEST_SITES=1 to keep the temp dirs.
/// </summary>
public sealed partial class TestSite : IDisposable
{
    /// <summary>A complete, warning-free site: site.yml, 1 issuer, 1 framework, 2 badges, 1 ladder, 1 free page.</summary>
    public const string Minimal = """
        -- site.yml --
        title: Test Catalog
        description: A tiny catalog for tests.
        baseUrl: https://example.org/
        language: en
        organization: { name: Test Org, url: https://org.example }
        asOf: 2026-11-01
        -- catalog/issuers/academy.yml --
        name: Test Academy
        type: internal
        url: https://academy.example
        email: academy@example.org
        description: The academy that issues the test badges.
        vetting:
          reviewed: 2026-02-01
          reviewedBy: Test Council
          publishedRubrics: yes
          assessorTraining: yes
          calibratedGrading: yes
          proctoredAssessment: yes
          renewalPolicy: yes
          verifiableArtifacts: yes
          employerReferences: yes
          standardsAlignment: yes
          externalEndorsement: yes
        -- catalog/competencies/core.yml --
        name: Core Model
        version: "1.0"
        description: The competencies of the test catalog.
        levels: [awareness, developing, proficient, expert]
        competencies:
          - id: code-quality
            name: Code Quality
            cluster: Craft
            description: Writing code others can change safely.
            behaviors: [Writes readable code.]
          - id: influence
            name: Influence
            cluster: Leadership
            description: Building agreement across teams.
            behaviors: [Builds agreement on trade-offs.]
        -- catalog/badges/code-review.yml --
        name: Code Review
        summary: Gives specific, kind and actionable review feedback.
        description: Holders review code well.
        status: active
        version: 1.0.0
        tier: baseline
        issuer: academy
        competencies:
          - { competency: code-quality, level: developing }
        criteria: Review ten pull requests.
        rubric:
          levels:
            - { id: emerging, name: Emerging }
            - { id: proficient, name: Proficient }
            - { id: exemplary, name: Exemplary }
          requiredLevel: proficient
          criteria:
            - id: clarity
              name: Clarity
              levels: { emerging: Vague comments., proficient: Specific comments., exemplary: Comments teach. }
            - id: tone
              name: Tone
              requiredLevel: emerging
              levels: { emerging: Curt., proficient: Kind., exemplary: Encouraging. }
        assessment:
          - { method: work-sample, calibrated: true, assessors: 2 }
        renewal: { validFor: P2Y, gracePeriod: P90D, method: reassessment }
        governance:
          changelog:
            - { version: 1.0.0, date: 2026-01-15, changes: First version. }
        -- catalog/badges/stakeholder-management.yml --
        name: Stakeholder Management
        summary: Builds agreement for change across teams.
        tier: capability
        issuer: academy
        competencies:
          - { competency: influence, level: proficient }
        prerequisites: [code-review]
        assessment:
          - { method: portfolio-review }
        -- catalog/roles/engineering.yml --
        name: Engineering
        description: The engineering ladder.
        roles:
          - id: engineer-1
            name: Engineer I
            level: 1
            competencies:
              - { competency: code-quality, level: developing }
            badges:
              required: [code-review]
          - id: engineer-2
            name: Engineer II
            level: 2
            badges:
              required: [code-review]
              optional: [stakeholder-management]
            promotion:
              from: [engineer-1]
              packages:
                - name: Standard
                  rules:
                    - all: [code-review]
                    - atLeast: 1
                      tier: capability
        -- input/pages/about.md --
        ---
        title: About the program
        ---
        # About the program

        Badges make skills visible.
        """;

    private static readonly bool KeepTempDir = Environment.GetEnvironmentVariable("KEEP_TEST_SITES") == "1";

    private TestSite(string root)
    {
        Root = root;
        Source = Path.Combine(root, "site");
        Output = Path.Combine(root, "out");
    }

    /// <summary>The temp dir; the site's source is in <see cref="Source"/>, its output in <see cref="Output"/>.</summary>
    public string Root { get; }

    public string Source { get; }

    public string Output { get; }

    /// <summary>0 when the last run succeeded, 1 on input errors, 2 on usage errors (CLI runs).</summary>
    public int ExitCode { get; private set; } = -1;

    /// <summary>The diagnostics of the last <see cref="Run"/> (sorted as the CLI prints them).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public BuildResult? Result { get; private set; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    /// <summary>Writes <see cref="Minimal"/> with <paramref name="files"/> laid over it, then builds it.</summary>
    public static TestSite Build(string files = "", Func<BuildOptions, BuildOptions>? options = null) =>
        Create(files).Run(options);

    /// <summary>Writes <see cref="Minimal"/> with <paramref name="files"/> laid over it, without building.</summary>
    public static TestSite Create(string files = "") => CreateExactly(Minimal, files);

    /// <summary>Writes exactly the given files (later sections replace earlier ones with the same path).</summary>
    public static TestSite CreateExactly(params string[] layers)
    {
        var root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", Guid.NewGuid().ToString("N")[..12]);
        var site = new TestSite(root);
        Directory.CreateDirectory(site.Source);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layer in layers)
            foreach (var (path, content) in ParseTxtar(layer))
                files[path] = content;
        foreach (var (path, content) in files) site.Write(path, content);
        return site;
    }

    /// <summary>Parses txtar-style text into (path, content) pairs, in order.</summary>
    public static IReadOnlyList<(string Path, string Content)> ParseTxtar(string text)
    {
        var result = new List<(string, string)>();
        string? path = null;
        var body = new StringBuilder();
        void Flush()
        {
            if (path is not null) result.Add((path, body.ToString()));
            body.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                Flush();
                path = header.Groups[1].Value.Trim();
                continue;
            }
            if (path is null)
            {
                if (line.Trim().Length > 0) throw new ArgumentException($"text before the first '-- path --' header: '{line}'");
                continue;
            }
            body.Append(line).Append('\n');
        }
        Flush();
        return result;
    }

    [GeneratedRegex(@"^-- (\S.*) --$")]
    private static partial Regex Header();

    /// <summary>Writes (or replaces) a source file, e.g. to break the site between two builds.</summary>
    public void Write(string relPath, string content)
    {
        var full = Path.Combine(Source, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Delete(string relPath) => File.Delete(Path.Combine(Source, relPath));

    /// <summary>The site's catalog as stage 1 reads it (its diagnostics into <paramref name="diags"/>, if given).</summary>
    public global::CredentialSite.Model.Catalog LoadCatalog(DiagnosticBag? diags = null) =>
        global::CredentialSite.Load.LoadCatalog.Run(new global::CredentialSite.Load.SourceFolder(Source), BuildOptions.Default, diags ?? new DiagnosticBag())!;

    /// <summary>Builds with <see cref="SiteBuild.Run"/>: source and output are this site's folders.</summary>
    public TestSite Run(Func<BuildOptions, BuildOptions>? options = null)
    {
        var o = new BuildOptions { Source = Source, Output = Output };
        if (options is not null) o = options(o);
        Result = SiteBuild.Run(o);
        Diagnostics = Result.Diagnostics.Sorted();
        ExitCode = Result.Succeeded(o.WarningsAsErrors) ? 0 : 1;
        return this;
    }

    /// <summary>Runs the command line with captured output. "{src}" and "{out}" in arguments stand for the site's folders.</summary>
    public int Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        ExitCode = CliApp.Run(args.Select(a => a.Replace("{src}", Source).Replace("{out}", Output)).ToArray(), stdout, stderr);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        return ExitCode;
    }

    /// <summary>Runs the command line in no site at all (for --help and usage errors).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunCli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // ------------------------------------------------------------------ assertions

    /// <summary>The build succeeded with no diagnostic at all: an unexpected warning fails the test (STYLE.md lesson 10).</summary>
    public TestSite AssertOk()
    {
        Assert.True(ExitCode == 0 && Diagnostics.Count == 0,
            $"expected a clean build, got exit code {ExitCode} and:\n{Describe(Diagnostics)}");
        return this;
    }

    /// <summary>
    /// The diagnostics are exactly the expected ones: each expected text such as
    /// <c>catalog/badges/a.yml:3:7: error CS0004</c> is the start of one diagnostic, and no other diagnostic exists.
    /// Returns the matched diagnostics in the order expected.
    /// </summary>
    public IReadOnlyList<Diagnostic> AssertDiagnostics(params string[] expected)
    {
        var left = Diagnostics.ToList();
        var matched = new List<Diagnostic>();
        foreach (var e in expected)
        {
            var hit = left.FirstOrDefault(d => d.ToString().StartsWith(e, StringComparison.Ordinal));
            Assert.True(hit is not null, $"no diagnostic starts with '{e}'; got:\n{Describe(Diagnostics)}");
            matched.Add(hit!);
            left.Remove(hit!);
        }
        Assert.True(left.Count == 0, $"unexpected diagnostics:\n{Describe(left)}");
        return matched;
    }

    /// <summary>The one expected diagnostic (see <see cref="AssertDiagnostics"/>).</summary>
    public Diagnostic AssertDiagnostic(string expected) => AssertDiagnostics(expected)[0];

    /// <summary>Each line must appear in the output file; a line starting with "! " must not appear.</summary>
    public void AssertFile(string relPath, params string[] lines)
    {
        var text = ReadFile(relPath);
        foreach (var line in lines)
        {
            if (line.StartsWith("! ", StringComparison.Ordinal))
                Assert.False(text.Contains(line[2..], StringComparison.Ordinal), $"{relPath} should not contain: {line[2..]}");
            else
                Assert.True(text.Contains(line, StringComparison.Ordinal), $"{relPath} should contain: {line}\n--- {relPath} ---\n{Excerpt(text)}");
        }
    }

    public bool FileExists(string relPath) => File.Exists(Path.Combine(Output, relPath));

    public string ReadFile(string relPath)
    {
        var full = Path.Combine(Output, relPath);
        Assert.True(File.Exists(full), $"the output has no file {relPath}; files:\n{string.Join("\n", OutputFiles().Take(80))}");
        return File.ReadAllText(full);
    }

    /// <summary>The output file parsed as HTML.</summary>
    public IHtmlDocument Html(string relPath) => new HtmlParser().ParseDocument(ReadFile(relPath));

    /// <summary>Every output file, output-relative with '/' separators, sorted.</summary>
    public IReadOnlyList<string> OutputFiles() => FilesUnder(Output);

    public static IReadOnlyList<string> FilesUnder(string folder) =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = string.Join("\n", diagnostics.Select(d => "  " + d));
        return text.Length == 0 ? "  (none)" : text;
    }

    private static string Excerpt(string text) => text.Length <= 4000 ? text : text[..4000] + "\n...";

    public void Dispose()
    {
        if (KeepTempDir) return;
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir is not a test failure.
        }
    }
}
