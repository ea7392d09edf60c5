using System.Globalization;
using System.Text.RegularExpressions;

namespace CredentialSite.Model;

/// <summary>An ISO 8601 duration such as P2Y, P18M, P90D or PT3H, kept with its original text.</summary>
public sealed partial record IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds, string Text)
{
    [GeneratedRegex(@"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")]
    private static partial Regex Pattern();

    public static IsoDuration? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        int G(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        return new IsoDuration(G(1), G(2), G(3), G(4), G(5), G(6), G(7), text);
    }

    public DateOnly AddTo(DateOnly date) =>
        date.AddYears(Years).AddMonths(Months).AddDays(Weeks * 7 + Days);

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
