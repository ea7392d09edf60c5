namespace CredentialSite.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One problem found in the input, printed as <c>path:line:col: error CODE: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var line = $"{Location}: {kind} {Code}: {Message}";
        return Hint is null ? line : line + Environment.NewLine + "    hint: " + Hint;
    }
}
