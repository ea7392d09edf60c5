using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CredentialSite.Diagnostics;
using CredentialSite.Sample;

namespace CredentialSite.Cli;

/// <summary>
/// The command line. Exit codes: 0 success, 1 input errors (diagnostics printed), 2 usage errors.
/// Output goes to the given writers so tests can capture it; no stack trace ever reaches a user.
/// </summary>
public static class CliApp
{
    public const int Ok = 0, InputErrors = 1, UsageError = 2;

    public static string Version =>
        typeof(CliApp).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sourceOption = new Option<string>("--source", "-s")
        { Description = "The site's source folder (with site.yml)", DefaultValueFactory = _ => "." };
        var outputOption = new Option<string>("--output", "-o")
        { Description = "Where to write the site", DefaultValueFactory = _ => "output" };
        var baseUrlOption = new Option<string?>("--base-url")
        { Description = "Absolute URL the site is served from (overrides site.yml baseUrl), e.g. from actions/configure-pages" };
        var asOfOption = new Option<string?>("--as-of")
        { Description = "Judge expiry and readiness at this date (YYYY-MM-DD; default: site.yml asOf, else today UTC)" };
        var draftsOption = new Option<bool>("--drafts") { Description = "Also publish badges and pages with status draft" };
        var audienceOption = new Option<string>("--audience")
        { Description = "public (default) or panel: a site for a private host that also shows consent.panelScope sections, marked noindex", DefaultValueFactory = _ => "public" };
        audienceOption.AcceptOnlyFromAmong("public", "panel");
        var strictOption = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) when there is any warning" };
        var statsOption = new Option<bool>("--stats") { Description = "Print the time each build stage and each template took" };
        var keysOption = new Option<string?>("--keys")
        { Description = $"Sign credentials with the private keys in this folder (outside source and output; default: ${Keys.KeyFolder.EnvironmentVariable})" };
        var onlineOption = new Option<bool>("--online")
        { Description = "Fetch the did:web documents and keys of imported credentials' issuers that trust/ lacks, and save them into trust/" };
        var forceOption = new Option<bool>("--force")
        { Description = "Write into a non-empty output folder CredentialSite did not write (its other files are kept, never deleted)" };

        var build = new Command("build", "Build the site into the output folder (the previous output survives a failed build)")
        {
            sourceOption, outputOption, baseUrlOption, asOfOption, draftsOption, audienceOption, strictOption, statsOption, forceOption, keysOption, onlineOption,
        };
        var validate = new Command("validate", "Check everything build checks; write nothing")
        {
            sourceOption, baseUrlOption, asOfOption, draftsOption, audienceOption, strictOption, keysOption,
        };

        var badgesOption = new Option<int>("--badges") { Description = "How many badges to generate", DefaultValueFactory = _ => 100 };
        var portfoliosOption = new Option<int?>("--portfolios") { Description = "How many portfolios to generate (default: badges / 10)" };
        var outOption = new Option<string>("--out") { Description = "The folder to write; must not exist or be empty", Required = true };
        var seedOption = new Option<ulong>("--seed") { Description = "Seed: the same arguments give byte-identical files", DefaultValueFactory = _ => 1 };
        var sample = new Command("sample", "Write a synthetic, valid source folder of any size (for tests and benchmarks)")
        {
            badgesOption, portfoliosOption, outOption, seedOption,
        };

        var portOption = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var serveOutputOption = new Option<string?>("--output", "-o") { Description = "Where to write the site (default: a folder in the temp directory)" };
        var serve = new Command("serve", "Build, serve on 127.0.0.1, rebuild on change and reload open tabs (Ctrl+C stops)")
        {
            sourceOption, serveOutputOption, portOption, asOfOption, draftsOption, audienceOption, statsOption, forceOption,
        };

        var newFolder = new Argument<string>("folder") { Description = "The folder to create the site in (new or empty)" };
        var newCommand = new Command("new", "Start a new catalog site: a small, complete example to edit, with its Pages workflow")
        {
            newFolder,
        };
        newCommand.SetAction(r => New(r.GetValue(newFolder)!, stdout, stderr));

        var schemaOut = new Option<string>("--out") { Description = "The folder to write the schemas into", Required = true };
        var schemaCommand = new Command("schema", "Write a JSON Schema per file kind (site, issuer, framework, badge, ladder, portfolio) for editors")
        {
            schemaOut,
        };
        schemaCommand.SetAction(r => Schema(r.GetValue(schemaOut)!, stdout, stderr));

        var root = new RootCommand("CredentialSite: publish a credential catalog (badges, rubrics, roles, portfolios) as a static site with Open Badges 3.0, CTDL and schema.org JSON-LD.")
        {
            newCommand, build, validate, serve, schemaCommand, sample, ImportCommands.Create(stdout, stderr), KeysCommands.Create(stdout, stderr),
        };

        int usage = Ok;
        BuildOptions? Options(ParseResult r, bool dryRun)
        {
            DateOnly? asOf = null;
            if (r.GetValue(asOfOption) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    stderr.WriteLine($"error: --as-of '{text}' is not a date; use YYYY-MM-DD");
                    usage = UsageError;
                    return null;
                }
                asOf = d;
            }
            return new BuildOptions
            {
                Source = r.GetValue(sourceOption)!,
                Output = dryRun ? "" : r.GetValue(outputOption)!,
                BaseUrl = r.GetValue(baseUrlOption),
                AsOf = asOf,
                Drafts = r.GetValue(draftsOption),
                Audience = r.GetValue(audienceOption) == "panel" ? Audience.Panel : Audience.Public,
                WarningsAsErrors = r.GetValue(strictOption),
                Force = r.GetValue(forceOption),
                DryRun = dryRun,
                Online = !dryRun && r.GetValue(onlineOption),
                Keys = NonEmpty(r.GetValue(keysOption)) ?? NonEmpty(Environment.GetEnvironmentVariable(Keys.KeyFolder.EnvironmentVariable)),
            };
        }

        build.SetAction(r => Options(r, false) is { } o ? Execute(o with { CollectBetweenStages = true }, r.GetValue(statsOption), stdout, stderr) : usage);
        validate.SetAction(r => Options(r, true) is { } o ? Execute(o, false, stdout, stderr) : usage);
        sample.SetAction(r =>
        {
            var badges = r.GetValue(badgesOption);
            return Sample(r.GetValue(outOption)!, badges, r.GetValue(portfoliosOption) ?? badges / 10, r.GetValue(seedOption), stdout, stderr);
        });

        serve.SetAction(r =>
        {
            if (Options(r, false) is not { } o) return usage;
            // serve never signs: a preview needs no keys, and keeps private keys off the developer's server.
            return Serve(o with { Output = r.GetValue(serveOutputOption) ?? "", Keys = null }, r.GetValue(portOption), r.GetValue(statsOption), stdout, stderr);
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run 'credentialsite --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    private static int Execute(BuildOptions options, bool stats, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = SiteBuild.Run(options);
        }
        catch (Exception e)
        {
            // A bug, not bad input: say so plainly, without a stack trace.
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in CredentialSite; please report it with the input that caused it.");
            return InputErrors;
        }
        var diagnostics = result.Diagnostics.Sorted();
        foreach (var d in diagnostics) stderr.WriteLine(d.ToString());
        if (stats)
            foreach (var (stage, elapsed) in result.Stages)
                stdout.WriteLine($"  {stage,-10} {elapsed.TotalMilliseconds,8:0} ms");
        if (stats && result.Templates.Count > 0)
        {
            stdout.WriteLine("  templates, time summed over the rendering threads:");
            foreach (var t in result.Templates)
                stdout.WriteLine($"    {t.Template,-24} {t.Renders,8:N0} {(t.Renders == 1 ? "render " : "renders")} {t.Total.TotalMilliseconds,8:0} ms ({t.Total.TotalMilliseconds / t.Renders:0.00} ms each)");
        }
        if (stats)
            stdout.WriteLine($"  gc: {GC.GetTotalAllocatedBytes() / 1048576:0} MB allocated, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused " +
                $"({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections)");
        var errors = result.Diagnostics.ErrorCount;
        var warnings = result.Diagnostics.WarningCount;
        var ok = result.Succeeded(options.WarningsAsErrors);
        var elapsedText = $"{clock.Elapsed.TotalSeconds:0.00} s";
        if (!ok)
        {
            var why = errors > 0 ? Plural(errors, "error") : Plural(warnings, "warning") + " (--warnings-as-errors)";
            stderr.WriteLine($"failed: {why}, {Plural(warnings, "warning")}; nothing written ({elapsedText})");
            return InputErrors;
        }
        var unpublished = result.PeopleNotPublished switch { 0 => "", 1 => ", 1 person not published (no consent)", var n => $", {n} people not published (no consent)" };
        var signed = result.SigningIssuers.Count == 0
            ? ", credentials unsigned" + (options.Keys is null ? " (no --keys)" : " (no issuer's keys in --keys)")
            : $", credentials signed for {string.Join(", ", result.SigningIssuers)}";
        stdout.WriteLine(options.DryRun
            ? $"valid: no errors, {Plural(warnings, "warning")}{(result.Coverage is { } c ? "; " + c.Summary : "")}{unpublished} ({elapsedText})"
            : $"built: {Plural(result.PagesTotal, "page")} ({result.PagesWritten} rendered; {Plural(result.FilesWritten, "file")}, {result.FilesChanged} changed) in {options.Output}, {Plural(warnings, "warning")}{unpublished}{signed} ({elapsedText})");
        return Ok;
    }

    private static int Sample(string outDir, int badges, int portfolios, ulong seed, TextWriter stdout, TextWriter stderr)
    {
        if (badges < 1 || portfolios < 0)
        {
            stderr.WriteLine(badges < 1 ? $"error: --badges must be at least 1, found {badges}" : $"error: --portfolios must be 0 or more, found {portfolios}");
            return UsageError;
        }
        if (File.Exists(outDir) || (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any()))
        {
            stderr.WriteLine($"error: '{outDir}' already exists and is not an empty folder; choose a new folder for --out");
            return UsageError;
        }
        var clock = Stopwatch.StartNew();
        int files;
        try
        {
            files = GenerateSample.Write(outDir, badges, portfolios, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{outDir}': {e.Message}");
            return InputErrors;
        }
        stdout.WriteLine($"sample: {Plural(files, "file")} ({Plural(badges, "badge")}, {Plural(portfolios, "portfolio")}, seed {seed}) in {outDir} ({clock.Elapsed.TotalSeconds:0.00} s)");
        return Ok;
    }

    private static int New(string folder, TextWriter stdout, TextWriter stderr)
    {
        if (Scaffold.NewSite.Refuse(folder) is { } why)
        {
            stderr.WriteLine($"error: {why}; 'new' writes a site only into a new or empty folder");
            return UsageError;
        }
        try
        {
            var files = Scaffold.NewSite.Write(folder, Version);
            stdout.WriteLine($"new: {Plural(files.Count, "file")} in {folder}");
            stdout.WriteLine($"next: cd {folder} && dotnet tool restore && dotnet credentialsite serve");
            return Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{folder}': {e.Message}");
            return InputErrors;
        }
    }

    private static int Schema(string folder, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var files = Schemas.SchemaWriter.All().ToList();
            foreach (var (file, json) in files) File.WriteAllText(Path.Combine(folder, file), json);
            stdout.WriteLine($"schema: {Plural(files.Count, "file")} in {folder} ({string.Join(", ", files.Select(f => f.File))})");
            return Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{folder}': {e.Message}");
            return InputErrors;
        }
    }

    private static int Serve(BuildOptions options, int port, bool stats, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var server = new Serve.DevServer(options, port, stdout) { Stats = stats };
            server.RunAsync(url => stdout.WriteLine($"serving {url} (Ctrl+C to stop)"), stop.Token).GetAwaiter().GetResult();
            if (server.Refused is { } refused)
            {
                stderr.WriteLine(refused);
                stderr.WriteLine("failed: the site cannot be written to its output folder; nothing served");
                return InputErrors;
            }
            stdout.WriteLine("stopped");
            return Ok;
        }
        catch (System.Net.HttpListenerException e)
        {
            stderr.WriteLine($"error: cannot listen on 127.0.0.1:{port}: {e.Message}; choose another --port");
            return UsageError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
