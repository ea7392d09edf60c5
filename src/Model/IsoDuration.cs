using System.Globalization;
using System.Text.RegularExpressions;

namespace CredentialSite.Model;

/// <summary>An ISO 8601 duration such as P2Y, P18M, P90D or PT3H, kept with its original text.</summary>
public sealed partial record IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds, string Text)
{
    [GeneratedRegex(@"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")]
    private static partial Regex Pattern();

    /// <summary>Durations are at most this long (in total): longer ones are errors where they are read.</summary>
    public const int MaxYears = 1000;

    /// <summary>The duration, or null when <paramref name="text"/> is not one (a number too large for an int
    /// is read as <see cref="int.MaxValue"/>, so that <see cref="IsTooLong"/> reports it).</summary>
    public static IsoDuration? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        int G(int i) => !m.Groups[i].Success ? 0
            : int.TryParse(m.Groups[i].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        return new IsoDuration(G(1), G(2), G(3), G(4), G(5), G(6), G(7), text);
    }

    /// <summary>Longer than <see cref="MaxYears"/> years in total.</summary>
    public bool IsTooLong =>
        Years + Months / 12.0 + (Weeks * 7.0 + Days + Hours / 24.0 + Minutes / 1440.0 + Seconds / 86400.0) / 365.25 > MaxYears;

    /// <summary>The date this long after <paramref name="date"/>; a date past the calendar's end (9999-12-31) is that end.</summary>
    public DateOnly AddTo(DateOnly date)
    {
        try
        {
            return date.AddYears(Years).AddMonths(Months).AddDays(checked(Weeks * 7 + Days));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return DateOnly.MaxValue;
        }
    }

    /// <summary>Plain words: "2 years", "18 months", "3 hours 30 minutes".</summary>
    public string ToWords()
    {
        var parts = new List<string>();
        void Add(int n, string unit) { if (n > 0) parts.Add(n == 1 ? $"1 {unit}" : $"{n} {unit}s"); }
        Add(Years, "year"); Add(Months, "month"); Add(Weeks, "week"); Add(Days, "day");
        Add(Hours, "hour"); Add(Minutes, "minute"); Add(Seconds, "second");
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);
    }

    public override string ToString() => Text;
}
