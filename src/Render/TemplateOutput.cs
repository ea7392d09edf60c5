using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace CredentialSite.Render;

/// <summary>
/// Where a page's templates write, reused by each rendering thread from page to page. Scriban's default output
/// gives every render a new growing StringBuilder and a copy of it as a string; at ten thousand pages that
/// garbage was most of what a build allocated. The page template's text is read once as a string (the layout
/// embeds it); the layout is encoded to UTF-8 as it is written, and its bytes are copied out once.
/// </summary>
internal sealed class TemplateOutput : IScriptOutput
{
    [ThreadStatic] private static TemplateOutput? _text;
    [ThreadStatic] private static TemplateOutput? _utf8;

    // A buffer that grew past this for one huge page (a 10,000-badge index) is not kept by the thread.
    private const int KeepCapacity = 4 * 1024 * 1024;

    private readonly StringBuilder? _chars;
    private readonly ArrayBufferWriter<byte>? _bytes;
    private readonly Encoder? _encoder;

    private TemplateOutput(bool utf8)
    {
        if (utf8)
        {
            _bytes = new ArrayBufferWriter<byte>(64 * 1024);
            _encoder = new UTF8Encoding(false).GetEncoder();
        }
        else _chars = new StringBuilder(32 * 1024);
    }

    /// <summary>This thread's output for text, emptied.</summary>
    public static TemplateOutput Text()
    {
        var output = _text is { _chars.Capacity: <= KeepCapacity } t ? t : _text = new TemplateOutput(utf8: false);
        output._chars!.Clear();
        return output;
    }

    /// <summary>This thread's output for UTF-8 bytes, emptied.</summary>
    public static TemplateOutput Utf8()
    {
        var output = _utf8 is { _bytes.Capacity: <= KeepCapacity } u ? u : _utf8 = new TemplateOutput(utf8: true);
        output._bytes!.ResetWrittenCount();
        output._encoder!.Reset();
        return output;
    }

    public void Write(string text, int offset, int count)
    {
        if (_chars is not null) _chars.Append(text, offset, count);
        // Streaming (flush: false): a surrogate pair split between two writes is still encoded whole.
        else _encoder!.Convert(text.AsSpan(offset, count), _bytes!, flush: false, out _, out _);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>What was written, as text (text outputs).</summary>
    public string TakeText() => _chars!.ToString();

    /// <summary>What was written, as UTF-8 bytes (UTF-8 outputs).</summary>
    public byte[] TakeBytes()
    {
        _encoder!.Convert(ReadOnlySpan<char>.Empty, _bytes!, flush: true, out _, out _);
        return _bytes!.WrittenSpan.ToArray();
    }

    /// <summary>Scriban returns this from Render; the text is read with <see cref="TakeText"/> instead, without a copy here.</summary>
    public override string ToString() => "";
}
