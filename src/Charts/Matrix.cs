using System.Text;

namespace CredentialSite.Charts;

/// <summary>A cell of a matrix: a short mark printed in it, a shade class (0 = empty … 4 = strongest), and its meaning in words.</summary>
public sealed record MatrixCell(string Mark, int Shade, string Words);

/// <summary>
/// A rows × columns map (roles × badges, roles × competencies) as a heatmap: each cell shaded and marked, so colour is
/// never the only cue; the data is repeated as a table.
/// </summary>
public static class Matrix
{
    private const double LabelW = 220, CellW = 44, CellH = 24, HeadH = 120;

    public static string Chart(string id, string title, string corner, IReadOnlyList<string> columns, IReadOnlyList<(string Label, IReadOnlyList<MatrixCell?> Cells)> rows, string legend)
    {
        var width = LabelW + columns.Count * CellW + 100; // room for the last rotated column label
        var height = HeadH + rows.Count * CellH;
        var sb = new StringBuilder();
        for (var c = 0; c < columns.Count; c++)
        {
            var x = LabelW + c * CellW + CellW / 2 + 4;
            sb.Append($"<text transform=\"translate({Svg.N(x)} {Svg.N(HeadH - 6)}) rotate(-60)\" class=\"label\">{Svg.E(Svg.Clip(columns[c], 22))}</text>");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var y = HeadH + r * CellH;
            sb.Append(Svg.Text(0, y + 16, Svg.Clip(rows[r].Label, 30), "label"));
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = c < rows[r].Cells.Count ? rows[r].Cells[c] : null;
                var x = LabelW + c * CellW;
                sb.Append(Svg.Rect(x + 1, y + 1, CellW - 2, CellH - 2, $"cell shade-{cell?.Shade ?? 0}"));
                if (cell is { Mark.Length: > 0 }) sb.Append(Svg.Text(x + CellW / 2, y + 16, cell.Mark, $"mark shade-{cell.Shade}", "middle"));
            }
        }
        var table = new StringBuilder("<table><caption>").Append(Svg.E(title)).Append("</caption><thead><tr><th scope=\"col\">").Append(Svg.E(corner)).Append("</th>");
        foreach (var c in columns) table.Append("<th scope=\"col\">").Append(Svg.E(c)).Append("</th>");
        table.Append("</tr></thead><tbody>");
        foreach (var (label, cells) in rows)
        {
            table.Append("<tr><th scope=\"row\">").Append(Svg.E(label)).Append("</th>");
            for (var c = 0; c < columns.Count; c++) table.Append("<td>").Append(Svg.E(c < cells.Count ? cells[c]?.Words ?? "—" : "—")).Append("</td>");
            table.Append("</tr>");
        }
        table.Append("</tbody></table>");
        var body = sb.ToString();
        var fig = Svg.Figure(id, title, width, height, body, table.ToString(), legend);
        return "<div class=\"chart-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + Svg.E(title) + " (scrolls sideways)\">" + fig + "</div>";
    }
}
