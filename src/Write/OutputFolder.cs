using CredentialSite.Diagnostics;

namespace CredentialSite.Write;

/// <summary>
/// The output folder and the files the tool keeps beside it (never inside, so never published):
/// <c>.&lt;name&gt;.lock</c>, <c>.&lt;name&gt;.staging-&lt;pid&gt;</c> and <c>.&lt;name&gt;.render-cache</c>.
/// Decides whether a folder may be written at all: never the source folder, a folder that holds it, or a folder of
/// it the build reads (<c>catalog/</c>, <c>input/</c>, <c>theme/</c>), wherever links make these paths lead.
/// </summary>
public sealed class OutputFolder
{
    private static readonly string[] SourceFolders = ["catalog", "input", "theme"];

    private OutputFolder(string full, string parent)
    {
        Full = full;
        Parent = parent;
    }

    /// <summary>The output folder: absolute, without a trailing separator (the path it is written through).</summary>
    public string Full { get; }

    public string Parent { get; }

    public string Name => Path.GetFileName(Full);

    /// <summary>A file or folder beside the output, e.g. <c>.output.lock</c> for "lock".</summary>
    public string Beside(string suffix) => Path.Combine(Parent, $".{Name}.{suffix}");

    /// <summary>The output folder, or null (with a diagnostic) when it is not a folder the tool may write.</summary>
    public static OutputFolder? Check(string outputFolder, string sourceRoot, DiagnosticBag diags)
    {
        var at = SourceLocation.File(outputFolder);
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diags.Error(DiagnosticCodes.OutputError, at, $"'{outputFolder}' is not a folder path", "give --output a folder such as output/");
            return null;
        }
        var output = RealPath.Of(full);
        var source = RealPath.Of(sourceRoot);
        string? refused = null;
        if (RealPath.IsSameOrInside(source, output))
            refused = output.Equals(source, StringComparison.OrdinalIgnoreCase) ? "is the source folder" : "contains the source folder";
        else if (SourceFolders.FirstOrDefault(f => RealPath.IsSameOrInside(output, RealPath.Of(Path.Combine(sourceRoot, f)))) is { } folder)
            refused = $"is inside the source's {folder}/ folder";
        var parent = Path.GetDirectoryName(full);
        if (refused is null && parent is null) refused = "is the root of a file system";
        if (refused is not null)
        {
            diags.Error(DiagnosticCodes.OutputRefused, at, $"the output folder {refused}",
                "choose a folder of its own for the site, such as output/ beside catalog/: a build replaces what is in it");
            return null;
        }
        return new OutputFolder(full, parent!);
    }
}
