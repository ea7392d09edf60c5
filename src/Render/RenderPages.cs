using System.Collections.Concurrent;
using System.Diagnostics;
using CredentialSite.Analyze;
using CredentialSite.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CredentialSite.Render;

/// <summary>Stage 5: renders every planned page through the theme, in parallel. Templates are parsed once (see <see cref="Theme"/>).</summary>
public sealed class RenderPages
{
    private const string Layout = "layout.html";
    private readonly Theme _theme;
    private readonly ScriptObject _builtins;
    private readonly SiteView _site;
    private readonly DiagnosticBag _diags;
    private readonly ThreadLocal<HtmlTemplateContext> _contexts;
    private readonly ConcurrentDictionary<string, TemplateClock> _clocks = new(StringComparer.Ordinal);

    public RenderPages(Theme theme, SiteIndex ix, DiagnosticBag diags, IReadOnlyList<NavItem> nav)
    {
        _theme = theme;
        _diags = diags;
        _builtins = TemplateFunctions.Create(ix, TemplateContext.GetDefaultBuiltinObject());
        _contexts = new(() => new HtmlTemplateContext(_builtins) { TemplateLoader = _theme });
        _site = new SiteView(ix.Site.Title, ix.Site.Description, ix.Site.BasePath, ix.Site.BaseUrl.ToString(), ix.Site.Language,
            ix.Site.Organization, ix.AsOf, "CredentialSite " + Cli.CliApp.Version, nav, ix.Audience == Audience.Panel);
    }

    public SiteView Site => _site;

    /// <summary>
    /// How often each template ran and the time it took, summed over the rendering threads (partials count in the
    /// template that includes them), slowest first: <c>build --stats</c> prints it, as Hugo's template metrics do.
    /// </summary>
    public IReadOnlyList<TemplateTime> TemplateTimes =>
        [.. _clocks.Select(kv => new TemplateTime(kv.Key, kv.Value.Renders, Stopwatch.GetElapsedTime(0, kv.Value.Ticks)))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Template, StringComparer.Ordinal)];

    private sealed class TemplateClock
    {
        public long Ticks;
        public int Renders;
    }

    /// <summary>
    /// Renders every page in parallel and hands each to <paramref name="sink"/> (output path, UTF-8 bytes); nothing is
    /// retained. With a <paramref name="cache"/>, a page whose key matches the page already in <paramref name="outputFolder"/>
    /// is not rendered at all (see <see cref="RenderCache"/>) and is handed to <paramref name="kept"/> instead.
    /// A rendered page's companion file (<see cref="PageJob.Companion"/>) goes to <paramref name="companions"/>; without
    /// one, companions are not made. Returns the number of pages rendered.
    /// </summary>
    public int Run(IReadOnlyList<PageJob> jobs, Action<string, byte[]> sink, RenderCache? cache = null, string? outputFolder = null,
        Action<string>? kept = null, CancellationToken cancel = default, Action<string, byte[]>? companions = null)
    {
        foreach (var name in jobs.Select(j => j.Template).Append(Layout).Distinct())
            if (!_theme.Has(name))
                _diags.Error(DiagnosticCodes.TemplateError, SourceLocation.File("theme/templates/" + name), $"the theme has no template '{name}'",
                    "add it to theme/templates/ or remove the override that broke it");
        if (_diags.HasErrors) return 0;

        var rendered = 0;
        Parallel.ForEach(jobs, new ParallelOptions { CancellationToken = cancel }, job =>
        {
            var html = Render(job, cache, outputFolder, out var unchanged, companions);
            if (unchanged) kept?.Invoke(job.OutputPath);
            if (html is null) return;
            sink(job.OutputPath, html);
            Interlocked.Increment(ref rendered);
        });
        return rendered;
    }

    /// <summary>Renders one page on its own (serve renders the pages open in tabs first); null when it cannot be rendered.</summary>
    public byte[]? RenderOne(PageJob job) =>
        _theme.Has(job.Template) && _theme.Has(Layout) ? Render(job, null, null, out _, null) : null;

    private byte[]? Render(PageJob job, RenderCache? cache, string? outputFolder, out bool unchanged, Action<string, byte[]>? companions)
    {
        unchanged = false;
        var meta = job.Meta with { JsonLd = job.Scripts() };
        var model = job.Model();
        // A page's key covers its companion (made from the same scripts); both must still be on disk to be kept.
        if (cache is not null && cache.IsUnchanged(job.OutputPath, cache.Key(job.Template, meta, model), outputFolder!)
            && (job.CompanionPath is null || File.Exists(Path.Combine(outputFolder!, job.CompanionPath))))
        {
            unchanged = true;
            return null;
        }
        if (companions is not null && job.Companion is not null) companions(job.CompanionPath!, job.Companion(meta.JsonLd));
        var nav = _site.Nav.Select(n => n with { Current = IsCurrent(n.Url, job.Meta.Path) }).ToList();
        var globals = new ScriptObject
        {
            ["site"] = _site with { Nav = nav },
            ["page"] = meta,
            ["model"] = model,
        };
        try
        {
            var content = TemplateOutput.Page();
            RenderTemplate(job.Template, globals, content);
            globals["content"] = new RenderedContent(content.Finish());
            var page = TemplateOutput.Layout();
            RenderTemplate(Layout, globals, page);
            return page.ToArray();
        }
        catch (ScriptRuntimeException e)
        {
            _diags.Error(DiagnosticCodes.TemplateError, _theme.Locate(e.Span.FileName ?? job.Template, e.Span),
                $"{e.OriginalMessage} (while rendering {job.OutputPath})", "check the variable and property names used by this template");
            return null;
        }
    }

    private void RenderTemplate(string name, ScriptObject globals, TemplateOutput output)
    {
        // One context per thread, reset between renders (a new one per render was 21 KB and its set-up each time).
        var context = _contexts.Value!;
        context.Reset(); // also forgets the parsed partials: hand them over again
        _theme.Prime(context);
        context.PushGlobal(globals);
        context.PushOutput(output);
        var start = Stopwatch.GetTimestamp();
        try
        {
            _theme.Get(name).Render(context);
        }
        finally
        {
            var clock = _clocks.GetOrAdd(name, _ => new TemplateClock());
            Interlocked.Add(ref clock.Ticks, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref clock.Renders);
        }
    }

    private static bool IsCurrent(string navUrl, string pagePath) =>
        navUrl.Length > 0 && pagePath.StartsWith(navUrl, StringComparison.Ordinal);
}

/// <summary>One template's share of the rendering: how many pages it rendered and the time it took in all.</summary>
public sealed record TemplateTime(string Template, int Renders, TimeSpan Total);
