using System.Text.RegularExpressions;
using CredentialSite.Diagnostics;

namespace CredentialSite.Load;

public static partial class Ids
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>Checks an id read from a file against the file's name; returns the id to use.</summary>
    public static string FromFile(YamlFields f, string fileId, DiagnosticBag diags)
    {
        if (!IsValid(fileId))
            diags.Error(DiagnosticCodes.InvalidId, SourceLocation.File(f.FilePath), $"'{fileId}' is not a valid id",
                "ids are lower-case letters and digits separated by single hyphens; rename the file");
        var explicitId = f.Text("id");
        if (explicitId is not null && explicitId != fileId)
            diags.Error(DiagnosticCodes.IdMismatch, f.LocationOf("id"), $"id '{explicitId}' does not match the file name '{fileId}'",
                $"rename the file to '{explicitId}' or set id: {fileId} (or remove the id: line)");
        return fileId;
    }

    /// <summary>Checks an id written inside a file (competencies, roles, rubric levels).</summary>
    public static string? Inline(YamlFields f, DiagnosticBag diags)
    {
        var id = f.Text("id", required: true);
        if (id is not null && !IsValid(id))
            diags.Error(DiagnosticCodes.InvalidId, f.LocationOf("id"), $"'{id}' is not a valid id",
                "ids are lower-case letters and digits separated by single hyphens");
        return id;
    }
}
