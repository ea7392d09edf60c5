using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;

namespace CredentialSite.Status;

/// <summary>
/// The status list's bits as W3C VC Bitstring Status List v1.0 §3.1 encodes them: index 0 is the left-most bit (the most
/// significant bit of byte 0), the bytes are GZIP-compressed and the result is multibase base64url (prefix 'u', no padding).
/// </summary>
public static class Bitstring
{
    /// <summary>The spec's minimum length, 16 KB: a list smaller than this tells a watcher too much about who is in it.</summary>
    public const int MinimumBits = 131072;

    public static bool Get(ReadOnlySpan<byte> bits, int index) => (bits[index >> 3] & (0x80 >> (index & 7))) != 0;

    public static void Set(Span<byte> bits, int index) => bits[index >> 3] |= (byte)(0x80 >> (index & 7));

    /// <summary>The encodedList value: 'u' + base64url(gzip(bits)), the same bytes for the same bits on every build and OS.</summary>
    public static string Encode(ReadOnlySpan<byte> bits) => "u" + Base64Url.EncodeToString(Gzip(bits));

    /// <summary>The bits of an encodedList (what a verifier does); throws FormatException when it is not one.</summary>
    public static byte[] Decode(string encodedList)
    {
        if (!encodedList.StartsWith('u')) throw new FormatException("an encodedList is multibase base64url: it starts with 'u'");
        using var input = new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1)));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// GZIP (RFC 1952) with a fixed header. GZipStream writes zlib's header: MTIME 0 today, but the OS byte is the
    /// platform's (3 on Unix, 10 on Windows) and XFL follows the level; both are set here, so a list built on any
    /// machine is the same file. Decompressors ignore both.
    /// </summary>
    internal static byte[] Gzip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(data);
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4, 4), 0); // MTIME: none
        bytes[8] = 2;   // XFL: maximum compression
        bytes[9] = 255; // OS: unknown
        return bytes;
    }
}
