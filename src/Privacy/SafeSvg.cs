using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CredentialSite.Privacy;

/// <summary>
/// Makes an SVG from a portfolio (untrusted) safe to publish on the site's origin. The file is parsed as the XML it is
/// (as a browser parses an .svg it opens) and written again from an allow-list: SVG shapes, text, gradients, filters
/// and their presentation attributes. Nothing active or external survives: no script, no event handler, no
/// foreignObject (HTML inside SVG), no animation (it can rewrite a link), no link that leaves the image (href only to
/// <c>#id</c>, embedded images only as <c>data:image/...</c>), no CSS that loads anything (<c>url()</c> only to
/// <c>#id</c>, no <c>@import</c>), no DTD or entities. Editor metadata (Inkscape, Illustrator) is dropped silently.
/// </summary>
public static partial class SafeSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    private const int MaxDepth = 100;

    /// <summary>The sanitized file, and what active or external content was removed (for the author: CS0105).</summary>
    public sealed record Result(byte[] Bytes, IReadOnlyList<string> Removed);

    private static readonly HashSet<string> Elements =
    [
        "svg", "g", "defs", "symbol", "use", "switch", "title", "desc", "style", "image",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
        "feSpotLight", "feTile", "feTurbulence",
    ];

    private static readonly HashSet<string> Attributes =
    [
        "id", "class", "style", "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
        "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "transform", "version",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
        "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits",
        "primitiveUnits", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX",
        "refY", "orient", "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform", "font-family", "font-size", "font-style", "font-weight",
        "font-variant", "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
        "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction", "dx", "dy", "rotate",
        "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side", "paint-order", "vector-effect",
        "shape-rendering", "text-rendering", "image-rendering", "color-interpolation", "color-interpolation-filters",
        "mix-blend-mode", "isolation", "flood-color", "flood-opacity", "lighting-color", "in", "in2", "result", "mode",
        "type", "values", "tableValues", "slope", "intercept", "amplitude", "exponent", "operator", "k1", "k2", "k3", "k4",
        "stdDeviation", "edgeMode", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "kernelUnitLength",
        "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "scale",
        "xChannelSelector", "yChannelSelector", "radius", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY",
        "pointsAtZ", "limitingConeAngle", "baseFrequency", "numOctaves", "seed", "stitchTiles", "systemLanguage",
        "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable", "href",
    ];

    /// <summary>Elements whose removal the author is told about: they run code, load content or embed HTML.</summary>
    private static readonly HashSet<string> Active =
    [
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "a", "feImage",
        "animate", "animateMotion", "animateTransform", "animateColor", "set", "discard",
    ];

    /// <summary>The SVG made safe, or null when the bytes are not a well-formed SVG document (or one nested absurdly deep).</summary>
    public static Result? Sanitize(byte[] bytes)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore, // no DTD, so no entity can expand or reach outside
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersInDocument = 50_000_000,
            });
            doc = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }
        if (doc.Root is not { } root || root.Name != Svg + "svg") return null;
        var removed = new List<string>();
        var clean = Clean(root, removed, 0);
        if (clean is null) return null;
        clean.Add(new XAttribute(XNamespace.Xmlns + "xlink", XLink));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NamespaceHandling = NamespaceHandling.OmitDuplicates }))
            new XDocument(clean).Save(writer);
        return new Result(stream.ToArray(), removed.Distinct().ToList());
    }

    private static XElement? Clean(XElement element, List<string> removed, int depth)
    {
        if (depth > MaxDepth) return null;
        var copy = new XElement(Svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes())
            if (CleanAttribute(element.Name.LocalName, attribute, removed) is { } kept) copy.Add(kept);
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text: // CDATA too (written back as escaped text)
                    copy.Add(new XText(text.Value));
                    break;
                case XElement child when child.Name.Namespace != Svg || !Elements.Contains(child.Name.LocalName):
                    if (child.Name.Namespace == Svg && Active.Contains(child.Name.LocalName) || child.Name.Namespace == "http://www.w3.org/1999/xhtml")
                        removed.Add($"<{child.Name.LocalName}>");
                    if (child.Name.Namespace == Svg && child.Name.LocalName == "a") // a link: its content stays, the link goes
                    {
                        var inner = Clean(new XElement(Svg + "g", child.Nodes()), removed, depth + 1);
                        if (inner is null) return null;
                        copy.Add(inner);
                    }
                    break;
                case XElement child when child.Name.LocalName == "style" && !IsSafeCss(child.Value):
                    removed.Add("a <style> that loads or runs something");
                    break;
                case XElement child when child.Name.LocalName == "image" && !IsEmbeddedImage(Href(child)):
                    removed.Add($"<image> of '{Href(child)}'");
                    break;
                case XElement child:
                    var cleaned = Clean(child, removed, depth + 1);
                    if (cleaned is null) return null;
                    copy.Add(cleaned);
                    break;
            }
        }
        return copy;
    }

    private static XAttribute? CleanAttribute(string element, XAttribute attribute, List<string> removed)
    {
        if (attribute.IsNamespaceDeclaration) return null;
        var name = attribute.Name;
        var local = name.LocalName;
        if (local.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            removed.Add($"the event handler {local}");
            return null;
        }
        if (name.Namespace == XNamespace.Xml) return local is "space" or "lang" ? new XAttribute(name, attribute.Value) : null;
        var isHref = local == "href" && (name.Namespace == XLink || name.Namespace == XNamespace.None);
        if (!isHref && (name.Namespace != XNamespace.None || !Attributes.Contains(local))) return null;
        var value = attribute.Value;
        if (isHref)
        {
            if (value.StartsWith('#') || element == "image" && IsEmbeddedImage(value)) return new XAttribute(name, value);
            removed.Add($"a link to '{value}'");
            return null;
        }
        // Presentation attributes are CSS values too (fill="url(...)"); a backslash could spell url( in an escape.
        if (local == "style" ? !IsSafeCss(value) : value.Contains('\\') || ExternalUrl().IsMatch(value.ToLowerInvariant()))
        {
            removed.Add($"{local}=\"{value}\"");
            return null;
        }
        return new XAttribute(local, value);
    }

    private static string Href(XElement e) => (string?)e.Attribute(XLink + "href") ?? (string?)e.Attribute("href") ?? "";

    private static bool IsEmbeddedImage(string href) => EmbeddedImage().IsMatch(href);

    /// <summary>CSS (a style attribute, a &lt;style&gt; element or a presentation value) that neither loads nor runs anything.</summary>
    private static bool IsSafeCss(string css)
    {
        var text = css.ToLowerInvariant();
        if (text.Contains('\\') || text.Contains("@import") || text.Contains("expression") || text.Contains("javascript:")
            || text.Contains("image-set") || text.Contains("-moz-binding") || text.Contains("behavior")) return false;
        return !ExternalUrl().IsMatch(text);
    }

    [GeneratedRegex(@"url\s*\(\s*(?!['""]?\s*#)")]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")]
    private static partial Regex EmbeddedImage();
}
