namespace CredentialSite.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One problem found in the input, printed as <c>path:line:col: error CODE: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        // One line per diagnostic, whatever a quoted value holds (a value may hold a line break); a hint's own lines
        // are indented under it, so every line a run prints is a diagnostic or belongs to the one above it.
        var line = $"{Location}: {kind} {Code}: {Message.ReplaceLineEndings("\\n")}";
        return Hint is null ? line : line + Environment.NewLine + "    hint: " + Hint.ReplaceLineEndings(Environment.NewLine + "          ");
    }
}
