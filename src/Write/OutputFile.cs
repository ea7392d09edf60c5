namespace CredentialSite.Write;

/// <summary>One file of the site: its output-relative path and either its bytes or the source file to copy.</summary>
public sealed record OutputFile(string Path, byte[]? Content, string? CopyFrom = null)
{
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public static OutputFile Copy(string path, string source) => new(path, null, source);
}
