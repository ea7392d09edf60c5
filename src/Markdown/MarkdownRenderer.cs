using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CredentialSite.Markdown;

/// <summary>
/// The two Markdown pipelines, built once and shared by every page (Markdig pipelines are thread-safe).
/// Catalog Markdown is trusted, but its raw HTML is omitted unless the site opts in (see <see cref="Trusted"/>);
/// portfolio Markdown is not: raw HTML is escaped and only http(s), mailto and relative links survive.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _trusted = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseListExtras().UseTaskLists()
        .Build();

    private readonly MarkdownPipeline _untrusted = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseListExtras()
        .DisableHtml()
        .Build();

    public static readonly MarkdownRenderer Instance = new();

    private MarkdownRenderer() => _toPlain = markdown => Markdig.Markdown.ToPlainText(markdown, _untrusted).Trim();

    /// <summary>
    /// Catalog Markdown, as Hugo renders it by default: raw HTML is omitted (an HTML comment <c>&lt;!-- raw HTML omitted
    /// --&gt;</c> stands in its place) and links other than http(s), mailto and relative ones lose their address, unless
    /// site.yml opts in with <c>markdown: { unsafe: true }</c> (<paramref name="unsafeHtml"/>).
    /// </summary>
    public string Trusted(string? markdown, bool unsafeHtml = false)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (unsafeHtml) return Markdig.Markdown.ToHtml(markdown, _trusted);
        var doc = Markdig.Markdown.Parse(markdown, _trusted);
        foreach (var node in doc.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block: block.Lines = new StringLineGroup(OmittedHtml); break;
                case HtmlInline inline: inline.Tag = OmittedHtml; break;
                case LinkInline link when !IsSafeUrl(link.Url): link.Url = ""; break;
                case AutolinkInline auto when !IsSafeUrl(auto.Url): auto.Url = ""; break;
            }
        }
        return Markdig.Markdown.ToHtml(doc, _trusted);
    }

    /// <summary>What stands in for raw HTML in catalog Markdown (Hugo's words).</summary>
    public const string OmittedHtml = "<!-- raw HTML omitted -->";

    /// <summary>
    /// Untrusted Markdown to safe HTML. Relative links are resolved against <paramref name="baseHref"/>
    /// (the root-relative address of the page the text belongs to), so they work wherever the text is shown.
    /// </summary>
    public string Untrusted(string? markdown, string? baseHref = null)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var doc = Markdig.Markdown.Parse(markdown, _untrusted);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "";
            else if (baseHref is not null && IsRelative(link.Url!)) link.Url = Resolve(baseHref, link.Url!);
            if (link.IsImage) link.IsImage = false; // no remote images from untrusted text: they would track readers
        }
        foreach (var auto in doc.Descendants<AutolinkInline>())
            if (!IsSafeUrl(auto.Url)) auto.Url = "";
        return Markdig.Markdown.ToHtml(doc, _untrusted);
    }

    /// <summary>
    /// Whether Markdig refuses <paramref name="markdown"/> as nested too deeply (it throws past 128 levels of quotes,
    /// lists, links or emphasis): the loader checks every Markdown field with this, so that such a text is an error at
    /// its field and never fails a page. Each level takes at least one ASCII punctuation mark (a marker or a delimiter),
    /// so a text with few of them is not parsed here at all.
    /// </summary>
    public bool IsTooDeep(string? markdown)
    {
        if (markdown is null || markdown.Count(c => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c))) < MinPunctuationToCheck) return false;
        try
        {
            RenderDiscarding(markdown, _trusted);
            RenderDiscarding(markdown, _untrusted);
            Markdig.Markdown.ToPlainText(markdown, _untrusted);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private const int MinPunctuationToCheck = 32;

    /// <summary>
    /// Renders with a renderer of its own, never one of the pipeline's pooled renderers: Markdig does not reset every
    /// switch a renderer flips mid-render (implicit paragraphs in a tight list, plain alt text in an image), so a render
    /// that throws would hand the pool a renderer that drops the next page's tags.
    /// </summary>
    private static void RenderDiscarding(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var renderer = new HtmlRenderer(TextWriter.Null);
        pipeline.Setup(renderer);
        renderer.Render(document);
    }

    // Kept per text instance (the catalog record's string), for as long as that string lives: a record replaced in serve
    // takes its plain text with it, and a lookup does not hash a long text.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> _plain = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string>.CreateValueCallback _toPlain;

    /// <summary>Plain text (for meta descriptions, JSON-LD and search); each text is converted once while it is in use.</summary>
    public string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _plain.GetValue(markdown, _toPlain);

    private static bool IsRelative(string url) =>
        !url.StartsWith('/') && !url.StartsWith('#') && !url.Contains(':', StringComparison.Ordinal);

    private static string Resolve(string baseHref, string url)
    {
        var resolved = new Uri(new Uri("http://site" + baseHref), url);
        return resolved.PathAndQuery + resolved.Fragment;
    }

    /// <summary>http(s), mailto and relative URLs only; anything with another scheme is dropped.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): strip them first.
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var slash = cleaned.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in a path or query: relative
        var scheme = cleaned[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
