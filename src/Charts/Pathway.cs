using System.Text;

namespace CredentialSite.Charts;

/// <summary>A badge's stacking pathway: what leads to it (prerequisites, the badges it is built from) → the badge → what it leads to.</summary>
public static class Pathway
{
    private const double Width = 560, BoxW = 170, BoxH = 30, Gap = 10;

    public static string Chart(string id, string badge, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var rows = Math.Max(1, Math.Max(before.Count, after.Count));
        var height = rows * (BoxH + Gap);
        var mid = height / 2 - BoxH / 2;
        var cx = (Width - BoxW) / 2;
        var sb = new StringBuilder();
        Column(sb, before, 0, height, cx, mid, leftSide: true);
        Column(sb, after, Width - BoxW, height, cx + BoxW, mid, leftSide: false);
        sb.Append(Svg.Rect(cx, mid, BoxW, BoxH, "node node-self"));
        sb.Append(Svg.Text(cx + BoxW / 2, mid + 20, Svg.Clip(badge, 24), "label label-strong", "middle"));
        var data = Svg.List([
            before.Count == 0 ? "Nothing comes before it." : "Comes after: " + string.Join(", ", before) + ".",
            after.Count == 0 ? "Nothing stacks on it yet." : "Leads to: " + string.Join(", ", after) + "."]);
        return Svg.Figure(id, $"Stacking pathway of {badge}", Width, height, sb.ToString(), data);
    }

    private static void Column(StringBuilder sb, IReadOnlyList<string> names, double x, double height, double joinX, double mid, bool leftSide)
    {
        var top = (height - names.Count * (BoxH + Gap)) / 2 + Gap / 2;
        for (var i = 0; i < names.Count; i++)
        {
            var y = top + i * (BoxH + Gap);
            sb.Append(Svg.Rect(x, y, BoxW, BoxH, "node"));
            sb.Append(Svg.Text(x + BoxW / 2, y + 20, Svg.Clip(names[i], 24), "label", "middle"));
            var (x1, x2) = leftSide ? (x + BoxW, joinX) : (joinX, x);
            sb.Append(Svg.Line(x1, y + BoxH / 2, x2 - 6, mid + BoxH / 2, "edge"));
            sb.Append($"<path d=\"M{Svg.N(x2 - 8)} {Svg.N(mid + BoxH / 2 - 4)}L{Svg.N(x2)} {Svg.N(mid + BoxH / 2)}L{Svg.N(x2 - 8)} {Svg.N(mid + BoxH / 2 + 4)}Z\" class=\"arrow\"/>");
        }
    }
}
