using System.Diagnostics;
using CredentialSite.Tests.Support;

namespace CredentialSite.Tests.Verify;

/// <summary>
/// The independent checker in tests/verify-js (npm's rdf-canonize, jsonld, @digitalbazaar/vc and jose, run by Node):
/// finds <c>node</c> and <c>npm</c> on PATH, installs the locked dependencies once per test run when node_modules is
/// missing or older than package-lock.json (<c>npm ci</c>, under a lock shared by parallel tests and test processes),
/// and runs its scripts. Without Node the tests fail, never skip: .ci/run installs it.
/// </summary>
public static class VerifyJs
{
    /// <summary>The oldest Node.js the locked dependencies run on (jose 6, @digitalbazaar/vc 7; package.json engines).</summary>
    public const int MinimumNodeMajor = 20;

    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "verify-js");

    private static readonly Lazy<string> Node = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of node, with tests/verify-js/node_modules installed.</summary>
    public static string NodePath => Node.Value;

    /// <summary>Runs <c>node script args…</c> in tests/verify-js with stdin; its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, string? stdin, params string[] args) =>
        Exec(NodePath, [script, .. args], stdin, TimeSpan.FromMinutes(5));

    private static string Install()
    {
        var node = FindOnPath("node") ?? throw new InvalidOperationException(
            "Node.js is not on PATH: the independent verifier in tests/verify-js needs node and npm " +
            "(Debian: apt-get install nodejs npm; .ci/run installs them).");
        var (_, version, _) = Exec(node, ["--version"], null, TimeSpan.FromMinutes(1));
        if (!int.TryParse(version.Trim().TrimStart('v').Split('.')[0], out var major) || major < MinimumNodeMajor)
            throw new InvalidOperationException(
                $"tests/verify-js needs Node.js {MinimumNodeMajor} or later; {node} is {version.Trim()}.");
        var lockFile = Path.Combine(Folder, "package-lock.json");
        var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (IsCurrent(installed, lockFile)) return node;

        // One installer at a time, also across test processes: an exclusive lock file in the temp folder.
        using var gate = AcquireLock(Path.Combine(Path.GetTempPath(), "credentialsite-verify-js-npm-ci.lock"), TimeSpan.FromMinutes(10));
        if (IsCurrent(installed, lockFile)) return node;
        var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
            "npm is not on PATH: tests/verify-js needs it to install its locked dependencies " +
            "(Debian: apt-get install npm; .ci/run installs it).");
        var (code, stdout, stderr) = Exec(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, TimeSpan.FromMinutes(10));
        if (code != 0 || !File.Exists(installed))
            throw new InvalidOperationException($"npm ci in {Folder} failed (exit {code}):\n{stdout}\n{stderr}");
        return node;
    }

    private static bool IsCurrent(string installed, string lockFile) =>
        File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile);

    private static FileStream AcquireLock(string path, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>The first executable file of that name in a PATH folder, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var candidate in names)
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    /// <summary>Runs a program in <paramref name="workingDirectory"/> (default tests/verify-js); its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Exec(string file, string[] args, string? stdin, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
