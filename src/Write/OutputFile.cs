namespace CredentialSite.Write;

/// <summary>
/// One file of the site: its output-relative path and either its bytes, a function that makes its bytes when
/// it is written (so thousands of JSON files are not all held in memory), or the source file to copy.
/// </summary>
public sealed record OutputFile(string Path, byte[]? Content, string? CopyFrom = null, Func<byte[]>? Produce = null)
{
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public static OutputFile Later(string path, Func<byte[]> bytes) => new(path, null, null, bytes);

    /// <summary>The bytes to write: the content, or the bytes produced now (null for a copy).</summary>
    public byte[]? Bytes() => Content ?? Produce?.Invoke();

    public static OutputFile Copy(string path, string source) => new(path, null, source);
}
