using CredentialSite.Diagnostics;

namespace CredentialSite.Write;

/// <summary>
/// Stage 8: writes the site into a fresh folder beside the output folder, then swaps it in,
/// so a failed build never leaves a half-written site and the previous output survives.
/// </summary>
public static class WriteSite
{
    public static bool Run(IReadOnlyList<OutputFile> files, string outputFolder, DiagnosticBag diags)
    {
        var output = Path.GetFullPath(outputFolder);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
        var previous = Path.Combine(parent, $".{name}.previous-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            foreach (var dir in files.Select(f => Path.GetDirectoryName(f.Path)).Distinct().OfType<string>().Where(d => d.Length > 0))
                Directory.CreateDirectory(Path.Combine(staging, dir));
            Parallel.ForEach(files, f =>
            {
                var target = Path.Combine(staging, f.Path);
                if (f.Content is not null) File.WriteAllBytes(target, f.Content);
                else File.Copy(f.CopyFrom!, target, overwrite: true);
            });
            if (Directory.Exists(output)) Directory.Move(output, previous);
            Directory.Move(staging, output);
            if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error(DiagnosticCodes.OutputError, SourceLocation.File(outputFolder), $"cannot write the site: {e.Message}",
                "check that the output folder is writable and not open in another program");
            if (!Directory.Exists(output) && Directory.Exists(previous)) Directory.Move(previous, output);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            return false;
        }
    }
}
