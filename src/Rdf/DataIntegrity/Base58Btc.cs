using System.Numerics;
using System.Text;

namespace CredentialSite.Rdf.DataIntegrity;

/// <summary>Multibase base58btc ('z' prefix, Bitcoin alphabet), as Data Integrity proof values and Multikeys use.</summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string EncodeMultibase(ReadOnlySpan<byte> bytes) => "z" + Encode(bytes);

    public static byte[] DecodeMultibase(string text)
    {
        if (!text.StartsWith('z')) throw new FormatException("a base58btc multibase value starts with 'z'");
        return Decode(text[1..]);
    }

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0) zeros++;
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Insert(0, Alphabet[(int)remainder]);
        }
        return new string('1', zeros) + digits;
    }

    public static byte[] Decode(string text)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c);
            if (digit < 0) throw new FormatException($"'{c}' is not a base58btc character");
            value = value * 58 + digit;
        }
        var zeros = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[zeros], .. body];
    }
}
