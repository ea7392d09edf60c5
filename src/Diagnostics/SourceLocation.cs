namespace CredentialSite.Diagnostics;

/// <summary>A place in a source file: repository-relative path, 1-based line and column.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
