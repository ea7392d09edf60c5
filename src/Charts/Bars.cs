using System.Text;

namespace CredentialSite.Charts;

/// <summary>A part of a whole, or one bar: its label, its value and the most it could be.</summary>
public sealed record BarPart(string Label, double Value, double Max, string? Note = null);

/// <summary>Bar charts: a stacked bar of what makes up a score, and one bar per item against its maximum.</summary>
public static class Bars
{
    private const double Width = 560;

    /// <summary>
    /// One bar of length <paramref name="total"/> split into <paramref name="parts"/> (each in its own shade, labelled
    /// in a legend with its value), the rest shown empty. For a score: each factor's points out of 100.
    /// </summary>
    public static string Stacked(string id, string title, IReadOnlyList<BarPart> parts, double total, string unit)
    {
        var sb = new StringBuilder();
        const double barY = 8, barH = 28;
        var x = 0.0;
        for (var i = 0; i < parts.Count; i++)
        {
            var w = total <= 0 ? 0 : parts[i].Value / total * Width;
            if (w > 0) sb.Append(Svg.Rect(x, barY, w, barH, $"part part-{i % 6}"));
            x += w;
        }
        sb.Append(Svg.Rect(0, barY, Width, barH, "frame"));
        var legendY = barY + barH + 22;
        for (var i = 0; i < parts.Count; i++)
        {
            var col = i % 2;
            var row = i / 2;
            var lx = col * Width / 2;
            var ly = legendY + row * 22;
            sb.Append(Svg.Rect(lx, ly - 11, 12, 12, $"part part-{i % 6}"));
            sb.Append(Svg.Text(lx + 18, ly, $"{Svg.Clip(parts[i].Label, 30)}: {Svg.N(parts[i].Value)}/{Svg.N(parts[i].Max)}", "label"));
        }
        var height = legendY + (parts.Count + 1) / 2 * 22;
        var data = Svg.List(parts.Select(p => $"{p.Label}: {Svg.N(p.Value)} of {Svg.N(p.Max)} {unit}{(p.Note is null ? "" : $" ({p.Note})")}")
            .Append($"Total: {Svg.N(parts.Sum(p => p.Value))} of {Svg.N(total)} {unit}"));
        return Svg.Figure(id, title, Width, height, sb.ToString(), data);
    }

    /// <summary>One row per item: its label, a bar filled to its value within an outline of its maximum, and the figures.</summary>
    public static string PerItem(string id, string title, IReadOnlyList<BarPart> items, string unit)
    {
        var sb = new StringBuilder();
        const double labelW = 210, rowH = 24, numW = 90;
        var barW = Width - labelW - numW;
        var scale = items.Count == 0 ? 0 : items.Max(i => i.Max);
        for (var i = 0; i < items.Count; i++)
        {
            var y = i * rowH;
            var it = items[i];
            sb.Append(Svg.Text(0, y + 16, Svg.Clip(it.Label, 30), "label"));
            var full = scale <= 0 ? 0 : it.Max / scale * barW;
            var filled = scale <= 0 ? 0 : it.Value / scale * barW;
            sb.Append(Svg.Rect(labelW, y + 5, filled, 14, it.Value >= it.Max ? "part part-0" : "part part-2"));
            sb.Append(Svg.Rect(labelW, y + 5, full, 14, "frame"));
            sb.Append(Svg.Text(Width, y + 16, $"{Svg.N(it.Value)}/{Svg.N(it.Max)}", "label", "end"));
        }
        var data = Svg.List(items.Select(it => $"{it.Label}: {Svg.N(it.Value)} of {Svg.N(it.Max)} {unit}{(it.Note is null ? "" : $" ({it.Note})")}"));
        return Svg.Figure(id, title, Width, Math.Max(rowH, items.Count * rowH + 4), sb.ToString(), data);
    }
}
