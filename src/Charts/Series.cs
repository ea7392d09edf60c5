using System.Globalization;
using System.Text;

namespace CredentialSite.Charts;

/// <summary>A dated value of a metric.</summary>
public sealed record DatedValue(DateOnly Date, double Value);

/// <summary>A metric over time as a small line chart; the change from first to last is named better or worse in words, not only by colour.</summary>
public static class Series
{
    private const double Width = 260, Height = 110, Left = 8, Right = 8, Top = 22, Bottom = 28;

    /// <summary>"better", "worse" or "unchanged" for a change from <paramref name="first"/> to <paramref name="last"/>; null without a direction.</summary>
    public static string? Judge(double first, double last, string? better) =>
        first == last ? "unchanged" : better switch
        {
            "higher" => last > first ? "better" : "worse",
            "lower" => last < first ? "better" : "worse",
            _ => null,
        };

    public static string Chart(string id, string name, string? unit, IReadOnlyList<DatedValue> points, string? better)
    {
        var pts = points.OrderBy(p => p.Date).ToList();
        var u = string.IsNullOrEmpty(unit) ? "" : " " + unit;
        var min = pts.Min(p => p.Value);
        var max = pts.Max(p => p.Value);
        var span = max - min == 0 ? 1 : max - min;
        var d0 = pts[0].Date.DayNumber;
        var days = Math.Max(1, pts[^1].Date.DayNumber - d0);
        double X(DatedValue p) => Left + (p.Date.DayNumber - d0) / (double)days * (Width - Left - Right);
        double Y(DatedValue p) => Top + (max - p.Value) / span * (Height - Top - Bottom);
        var first = pts[0];
        var last = pts[^1];
        var verdict = Judge(first.Value, last.Value, better);
        var change = last.Value - first.Value;
        var arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
        var changeText = $"{arrow} {(change > 0 ? "+" : "")}{Svg.N(change)}{u}{(verdict is null ? "" : $", {verdict}")}";
        var sb = new StringBuilder();
        sb.Append("<polyline points=\"").AppendJoin(' ', pts.Select(p => $"{Svg.N(X(p))},{Svg.N(Y(p))}")).Append("\" class=\"series trend-").Append(verdict ?? "none").Append("\"/>");
        foreach (var p in pts) sb.Append(Svg.Circle(X(p), Y(p), 3, "dot trend-" + (verdict ?? "none")));
        sb.Append(Svg.Text(0, 14, changeText, "label label-strong trend-" + (verdict ?? "none")));
        sb.Append(Svg.Text(0, Height - 6, $"{Date(first.Date)}: {Svg.N(first.Value)}{u}", "label small"));
        sb.Append(Svg.Text(Width, Height - 6, $"{Date(last.Date)}: {Svg.N(last.Value)}{u}", "label small", "end"));
        var data = Svg.List(pts.Select(p => $"{Date(p.Date)}: {Svg.N(p.Value)}{u}")
            .Append($"Change: {(change > 0 ? "+" : "")}{Svg.N(change)}{u}{(verdict is null ? "" : $" ({verdict}; {better} is better)")}"));
        return Svg.Figure(id, $"{name} over time", Width, Height, sb.ToString(), data);
    }

    private static string Date(DateOnly d) => d.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
