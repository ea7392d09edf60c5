using System.Globalization;
using System.Net;
using System.Text;

namespace CredentialSite.Charts;

/// <summary>
/// Inline SVG charts made at build time: no script, nothing remote. Every chart is a <c>figure.chart</c> holding an
/// <c>svg role="img"</c> named by its <c>title</c> (aria-labelledby) and the same data as text for screen readers
/// (<see cref="Figure"/>). Numbers are written invariantly, so a rebuild is byte-identical.
/// </summary>
public static class Svg
{
    /// <summary>A number as SVG and HTML print it: invariant, at most two decimals, no "-0".</summary>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Text escaped for an element's content or a quoted attribute.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// The figure around a chart: <paramref name="body"/> is the SVG's drawing, <paramref name="data"/> the chart's data as
    /// HTML (a list or table), visually hidden unless <paramref name="showData"/>. <paramref name="id"/> must be unique
    /// in the page.
    /// </summary>
    public static string Figure(string id, string title, double width, double height, string body, string data, string? caption = null, bool showData = false)
    {
        var sb = new StringBuilder(body.Length + data.Length + 400);
        sb.Append("<figure class=\"chart\" id=\"").Append(E(id)).Append("\">");
        sb.Append("<svg role=\"img\" aria-labelledby=\"").Append(E(id)).Append("-t\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" class=\"chart-svg\">");
        sb.Append("<title id=\"").Append(E(id)).Append("-t\">").Append(E(title)).Append("</title>");
        sb.Append(body).Append("</svg>");
        if (caption is not null) sb.Append("<figcaption>").Append(E(caption)).Append("</figcaption>");
        sb.Append(showData ? "<div class=\"chart-data\">" : "<div class=\"visually-hidden\">").Append(data).Append("</div>");
        sb.Append("</figure>");
        return sb.ToString();
    }

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end.</summary>
    public static string Text(double x, double y, string text, string? cls = null, string anchor = "start") =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\"{(anchor == "start" ? "" : $" text-anchor=\"{anchor}\"")}{Cls(cls)}>{E(text)}</text>";

    public static string Rect(double x, double y, double w, double h, string cls) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\"{Cls(cls)}/>";

    public static string Line(double x1, double y1, double x2, double y2, string cls) =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"{Cls(cls)}/>";

    public static string Circle(double cx, double cy, double r, string cls) =>
        $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"{Cls(cls)}/>";

    private static string Cls(string? cls) => cls is null ? "" : $" class=\"{cls}\"";

    /// <summary>A text shortened to <paramref name="max"/> characters with an ellipsis (the full text is in the data).</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>A list of "label: value" items, the text form of most charts.</summary>
    public static string List(IEnumerable<string> items)
    {
        var sb = new StringBuilder("<ul>");
        foreach (var item in items) sb.Append("<li>").Append(E(item)).Append("</li>");
        return sb.Append("</ul>").ToString();
    }
}
