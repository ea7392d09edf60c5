using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CredentialSite.Cli;

namespace CredentialSite.Tests.Fuzz;

/// <summary>
/// Builds mutants of a source folder with the command line, each into a copy of the output a good build made, and
/// collects every outcome the tool promises never to produce: an exit code other than 0 or 1, an internal error or
/// a stack trace, a build that does not end in time, an error without a <c>path:line:col</c>, an error blamed on the
/// built-in theme (the input was mutated, never the theme), a failed build that changed the previous output, or a
/// staging folder left behind.
/// </summary>
public static partial class FuzzRun
{
    public sealed record Finding(int Index, ulong Seed, string Mutation, string Problem, string Output)
    {
        public override string ToString() =>
            $"mutant {Index} (seed {Seed}): {Problem}\n  mutation: {Mutation}\n  {Output.Replace("\n", "\n  ").TrimEnd()}";
    }

    /// <summary>How a mutant is built: the command line's verb and the time it may take.</summary>
    public sealed record Settings(int Mutants, ulong Seed, TimeSpan Timeout, string? KeepFailuresIn = null, int? Only = null);

    /// <summary>The mutant count and seed from CREDENTIALSITE_FUZZ_MUTANTS / _SEED (local long runs), else the given ones.</summary>
    public static Settings FromEnvironment(int mutants, ulong seed) => new(
        int.TryParse(Environment.GetEnvironmentVariable("CREDENTIALSITE_FUZZ_MUTANTS"), out var n) ? n : mutants,
        ulong.TryParse(Environment.GetEnvironmentVariable("CREDENTIALSITE_FUZZ_SEED"), out var s) ? s : seed,
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CREDENTIALSITE_FUZZ_TIMEOUT"), out var t) ? t : 60),
        Environment.GetEnvironmentVariable("CREDENTIALSITE_FUZZ_KEEP"),
        int.TryParse(Environment.GetEnvironmentVariable("CREDENTIALSITE_FUZZ_ONLY"), out var only) ? only : null);

    /// <summary>Fuzzes the source folder <paramref name="files"/> (path to bytes); returns what went wrong.</summary>
    public static IReadOnlyList<Finding> Run(string name, IReadOnlyDictionary<string, byte[]> files, Settings settings, TextWriter? log = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "credentialsite-fuzz", $"{name}-{Guid.NewGuid():N}"[..24]);
        var baseline = Path.Combine(root, "baseline");
        try
        {
            Write(Path.Combine(baseline, "site"), files);
            var (code, output) = Cli(baseline, settings.Timeout);
            if (code != 0) throw new InvalidOperationException($"the unmutated {name} site does not build:\n{output}");
            var before = Snapshot(baseline);
            var findings = new List<Finding>();
            var outcomes = new int[3];
            for (var i = 0; i < settings.Mutants; i++)
            {
                if (settings.Only is { } only && i != only) continue;
                var seed = MutantSeed(settings.Seed, i);
                var mutant = Mutator.Apply(files, seed);
                var dir = Path.Combine(root, $"m{i}");
                Write(Path.Combine(dir, "site"), mutant.Files);
                CopyOutput(baseline, dir);
                var problem = Check(dir, before, settings.Timeout, out var exit, out var text);
                if (exit is >= 0 and <= 2) outcomes[exit]++;
                if (problem is not null)
                {
                    findings.Add(new Finding(i, seed, mutant.Description, problem, Tail(text)));
                    if (settings.KeepFailuresIn is { } keep) Write(Path.Combine(keep, $"{name}-{i}"), mutant.Files);
                }
                TryDelete(dir);
            }
            log?.WriteLine($"{name}: {settings.Mutants} mutants (seed {settings.Seed}): {outcomes[0]} built, {outcomes[1]} reported, " +
                $"{findings.Count} findings");
            return findings;
        }
        finally
        {
            TryDelete(root);
        }
    }

    /// <summary>Each mutant has a seed of its own, so one can be replayed alone (CREDENTIALSITE_FUZZ_ONLY).</summary>
    public static ulong MutantSeed(ulong runSeed, int index) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{runSeed}/{index}")));

    private static string? Check(string dir, IReadOnlyDictionary<string, string> before, TimeSpan timeout, out int exit, out string output)
    {
        (exit, output) = Cli(dir, timeout);
        if (exit == -1) return $"no result within {timeout.TotalSeconds:0} s";
        if (output.Contains("internal error", StringComparison.OrdinalIgnoreCase)) return "internal error";
        if (StackFrame().IsMatch(output)) return "a stack trace";
        if (exit is not (0 or 1)) return $"exit code {exit}";
        if (Directory.EnumerateFileSystemEntries(dir, "*staging*").Any()) return "a staging folder was left behind";
        if (exit == 0) return null;
        var errors = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // A hint, and the indented lines of a hint that has several, belong to the diagnostic above.
            if (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith("failed: ", StringComparison.Ordinal)) continue;
            var m = DiagnosticLine().Match(line);
            if (!m.Success) return $"a line that is not a located diagnostic: {line}";
            if (m.Groups["path"].Value.StartsWith("theme/", StringComparison.Ordinal)) return $"an error blamed on the theme: {line}";
            if (m.Groups["kind"].Value == "error") errors++;
        }
        if (errors == 0) return "exit code 1 without an error";
        var after = Snapshot(dir);
        if (!after.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(before.OrderBy(p => p.Key, StringComparer.Ordinal)))
            return "a failed build changed the previous output";
        return null;
    }

    /// <summary>Runs <c>build</c> on <c>dir/site</c> into <c>dir/out</c>; exit code -1 when it did not end in time.</summary>
    private static (int Exit, string Output) Cli(string dir, TimeSpan timeout)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => CliApp.Run(
            ["build", "--source", Path.Combine(dir, "site"), "--output", Path.Combine(dir, "out")], stdout, stderr));
        if (!run.Wait(timeout)) return (-1, "");
        return (run.Result, stderr.ToString() + stdout);
    }

    private static void Write(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>The good build's output (and what the tool keeps beside it), as the mutant's previous output.</summary>
    private static void CopyOutput(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.StartsWith("site" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Every file beside the source (the output and what the tool keeps beside it), with a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Rel: Path.GetRelativePath(dir, f).Replace('\\', '/'), Full: f))
            .Where(f => !f.Rel.StartsWith("site/", StringComparison.Ordinal))
            .ToDictionary(f => f.Rel, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Full))), StringComparer.Ordinal);

    private static string Tail(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Take(12)) + (lines.Length > 12 ? $"\n… ({lines.Length - 12} more lines)" : "");
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a finding.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^\s+at [\w.<>`]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^(?<path>[^\s:][^:]*):(?<line>[1-9]\d*):(?<col>[1-9]\d*): (?<kind>error|warning) CS\d{4}: \S")]
    private static partial Regex DiagnosticLine();
}
