using System.Globalization;
using System.Text;

namespace CredentialSite.Charts;

/// <summary>An earned badge on a timeline: when it was issued, when it expires, when its renewal is due, and its state in words.</summary>
public sealed record TimelineItem(string Label, DateOnly Issued, DateOnly? Expires, DateOnly? RenewBy, string State);

/// <summary>Earned badges as bars from issue to expiry, with today and the promotion decision marked.</summary>
public static class Timeline
{
    private const double Width = 560, LabelW = 200, RowH = 24, Head = 22;

    public static string Chart(string id, string title, IReadOnlyList<TimelineItem> items, DateOnly asOf, DateOnly? window)
    {
        var dates = items.SelectMany(i => new[] { (DateOnly?)i.Issued, i.Expires }).Append(asOf).Append(window).OfType<DateOnly>().ToList();
        var start = new DateOnly(dates.Min().Year, 1, 1);
        // The year after the last date, or the calendar's last day when that year does not exist.
        var end = dates.Max().Year < DateOnly.MaxValue.Year ? new DateOnly(dates.Max().Year + 1, 1, 1) : DateOnly.MaxValue;
        var span = (double)(end.DayNumber - start.DayNumber);
        var plot = Width - LabelW;
        double X(DateOnly d) => LabelW + (d.DayNumber - start.DayNumber) / span * plot;
        var height = Head + items.Count * RowH + 6;
        var sb = new StringBuilder();
        for (var y = start.Year; y <= end.Year && (y < end.Year || end.Month == 1 && end.Day == 1); y++)
        {
            var x = X(new DateOnly(y, 1, 1));
            sb.Append(Svg.Line(x, Head - 4, x, height, "grid"));
            if (y < end.Year) sb.Append(Svg.Text(x + 3, 12, y.ToString(CultureInfo.InvariantCulture), "label small"));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var y = Head + i * RowH;
            sb.Append(Svg.Text(0, y + 16, Svg.Clip(it.Label, 28), "label"));
            var to = it.Expires ?? end;
            sb.Append(Svg.Rect(X(it.Issued), y + 6, X(to) - X(it.Issued), 12, "span state-" + it.State));
            if (it.RenewBy is { } r) sb.Append(Svg.Rect(X(r) - 2, y + 3, 4, 18, "renew"));
        }
        sb.Append(Svg.Line(X(asOf), Head - 6, X(asOf), height, "today"));
        if (window is { } w) sb.Append(Svg.Line(X(w), Head - 6, X(w), height, "window"));
        var data = Svg.List(items.Select(it => $"{it.Label}: issued {D(it.Issued)}, "
            + (it.Expires is { } e ? $"expires {D(e)}" : "does not expire")
            + (it.RenewBy is { } rb ? $", renew by {D(rb)}" : "") + $"; {it.State}")
            .Append($"Today: {D(asOf)}").Concat(window is { } pw ? [$"Promotion decision: {D(pw)}"] : []));
        return Svg.Figure(id, title, Width, height, sb.ToString(), data,
            "Bars run from issue to expiry; a dark tick marks when renewal is due; the solid line is today" + (window is null ? "." : ", the dashed line the promotion decision."));
    }

    private static string D(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
