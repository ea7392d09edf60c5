using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Scriban.Runtime;

namespace CredentialSite.Render;

/// <summary>
/// Where a page's templates write: UTF-8 bytes in 64 KB segments, reused by each rendering thread from page to page.
/// Scriban's default output gives every render a new growing StringBuilder and a copy of it as a string; at ten thousand
/// pages that garbage was most of what a build allocated. Here the page template's output is encoded as it is written
/// and the layout copies those bytes in where it prints <c>content</c> (see <see cref="RenderedContent"/>), so a page is
/// encoded once and never held as a string. Segments stay below the large-object threshold: an index page of several
/// megabytes used to grow one array by doubling, each copy a large object the collector only frees in a full collection.
/// </summary>
internal sealed class TemplateOutput : IScriptOutput
{
    [ThreadStatic] private static TemplateOutput? _page;
    [ThreadStatic] private static TemplateOutput? _layout;

    // 64 KB: most pages fit in one segment, and a segment is not a large object (85,000 bytes and up).
    private const int SegmentBytes = 64 * 1024;
    // A thread keeps up to 4 MB of segments per output; what a huge page needed beyond that is let go.
    private const int KeepSegments = 64;

    private readonly List<byte[]> _segments = [new byte[SegmentBytes]];
    private readonly List<int> _filled = []; // bytes written in each segment before the current one
    private int _used; // bytes written in the current (last used) segment
    private char _high; // a high surrogate written at the end of one write, waiting for its low half

    /// <summary>This thread's output for the page template, emptied.</summary>
    public static TemplateOutput Page() => (_page ??= new TemplateOutput()).Reset();

    /// <summary>This thread's output for the layout around the page, emptied.</summary>
    public static TemplateOutput Layout() => (_layout ??= new TemplateOutput()).Reset();

    private TemplateOutput Reset()
    {
        if (_segments.Count > KeepSegments) _segments.RemoveRange(KeepSegments, _segments.Count - KeepSegments);
        _filled.Clear();
        _used = 0;
        _high = '\0';
        return this;
    }

    /// <summary>Bytes written so far.</summary>
    public long Length
    {
        get
        {
            long total = _used;
            foreach (var n in _filled) total += n;
            return total;
        }
    }

    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    private void Write(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        if (_high != '\0')
        {
            // A surrogate pair split between two writes is still encoded whole; a lone half becomes U+FFFD, as UTF8Encoding does.
            Span<char> pair = [_high, chars[0]];
            _high = '\0';
            if (char.IsLowSurrogate(chars[0]))
            {
                Encode(pair, final: true);
                chars = chars[1..];
            }
            else Encode(pair[..1], final: true);
        }
        Encode(chars, final: false);
    }

    private void Encode(ReadOnlySpan<char> chars, bool final)
    {
        while (true)
        {
            var status = Utf8.FromUtf16(chars, _segments[_filled.Count].AsSpan(_used), out var read, out var written,
                replaceInvalidSequences: true, isFinalBlock: final);
            _used += written;
            chars = chars[read..];
            switch (status)
            {
                case OperationStatus.Done:
                    return;
                case OperationStatus.NeedMoreData: // the text ends with a high surrogate: its low half comes with the next write
                    _high = chars[0];
                    return;
                default: // DestinationTooSmall: go on in the next segment
                    NextSegment();
                    break;
            }
        }
    }

    private Span<byte> NextSegment()
    {
        _filled.Add(_used);
        _used = 0;
        if (_segments.Count == _filled.Count) _segments.Add(new byte[SegmentBytes]);
        return _segments[_filled.Count];
    }

    /// <summary>Ends the output: a high surrogate still waiting for its low half becomes U+FFFD.</summary>
    public TemplateOutput Finish()
    {
        if (_high != '\0')
        {
            Span<char> lone = [_high];
            _high = '\0';
            Encode(lone, final: true);
        }
        return this;
    }

    /// <summary>The bytes written, segment by segment.</summary>
    private IEnumerable<ArraySegment<byte>> Written()
    {
        for (var i = 0; i <= _filled.Count; i++)
            yield return new ArraySegment<byte>(_segments[i], 0, i < _filled.Count ? _filled[i] : _used);
    }

    /// <summary>Appends what <paramref name="other"/> holds (a finished output) as it is.</summary>
    public void Append(TemplateOutput other)
    {
        foreach (var segment in other.Written()) Append(segment);
    }

    /// <summary>Appends UTF-8 bytes as they are.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        Finish();
        while (!bytes.IsEmpty)
        {
            var room = _segments[_filled.Count].AsSpan(_used);
            if (room.IsEmpty) room = NextSegment();
            var n = Math.Min(room.Length, bytes.Length);
            bytes[..n].CopyTo(room);
            _used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Everything written, as one array of UTF-8 bytes.</summary>
    public byte[] ToArray()
    {
        Finish();
        var result = new byte[Length];
        var at = 0;
        foreach (var segment in Written())
        {
            segment.AsSpan().CopyTo(result.AsSpan(at));
            at += segment.Count;
        }
        return result;
    }

    /// <summary>What was written, as text (only for a template that treats the page's content as a string).</summary>
    public string Text() => Encoding.UTF8.GetString(ToArray());

    /// <summary>Scriban returns this from Render, and nothing reads it: the bytes are taken with <see cref="ToArray"/>.</summary>
    public override string ToString() => "";
}

/// <summary>
/// The page template's output as the layout sees it (<c>content</c>): printed, its bytes are copied into the layout's
/// output without becoming a string; anything else a template does with it sees the text.
/// </summary>
internal sealed class RenderedContent(TemplateOutput output)
{
    internal TemplateOutput Output { get; } = output;
    private string? _text;

    /// <summary>The text, as <c>content.html</c> gave it when content was a <see cref="RawHtml"/>.</summary>
    public string Html => _text ??= Output.Text();

    public override string ToString() => Html;
}
