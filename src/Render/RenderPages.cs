using System.Text;
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

    public RenderPages(Theme theme, SiteIndex ix, DiagnosticBag diags, IReadOnlyList<NavItem> nav)
    {
        _theme = theme;
        _diags = diags;
        _builtins = TemplateFunctions.Create(ix, TemplateContext.GetDefaultBuiltinObject());
        _site = new SiteView(ix.Site.Title, ix.Site.Description, ix.Site.BasePath, ix.Site.BaseUrl.ToString(), ix.Site.Language,
            ix.Site.Organization, ix.AsOf, "CredentialSite " + Cli.CliApp.Version, nav);
    }

    /// <summary>Renders every page in parallel and hands each to <paramref name="sink"/> (output path, UTF-8 bytes); nothing is retained.</summary>
    public int Run(IReadOnlyList<PageJob> jobs, Action<string, byte[]> sink)
    {
        foreach (var name in jobs.Select(j => j.Template).Append(Layout).Distinct())
            if (!_theme.Has(name))
                _diags.Error(DiagnosticCodes.TemplateError, SourceLocation.File("theme/templates/" + name), $"the theme has no template '{name}'",
                    "add it to theme/templates/ or remove the override that broke it");
        if (_diags.HasErrors) return 0;

        var rendered = 0;
        Parallel.ForEach(jobs, job =>
        {
            if (Render(job) is not { } html) return;
            sink(job.OutputPath, html);
            Interlocked.Increment(ref rendered);
        });
        return rendered;
    }

    private byte[]? Render(PageJob job)
    {
        var nav = _site.Nav.Select(n => n with { Current = IsCurrent(n.Url, job.Meta.Path) }).ToList();
        var globals = new ScriptObject
        {
            ["site"] = _site with { Nav = nav },
            ["page"] = job.Meta with { JsonLd = job.Scripts() },
            ["model"] = job.Model(),
        };
        try
        {
            var content = RenderTemplate(job.Template, globals);
            globals["content"] = new RawHtml(content);
            return Encoding.UTF8.GetBytes(RenderTemplate(Layout, globals));
        }
        catch (ScriptRuntimeException e)
        {
            _diags.Error(DiagnosticCodes.TemplateError, _theme.Locate(e.Span.FileName ?? job.Template, e.Span),
                $"{e.OriginalMessage} (while rendering {job.OutputPath})", "check the variable and property names used by this template");
            return null;
        }
    }

    private string RenderTemplate(string name, ScriptObject globals)
    {
        var context = new HtmlTemplateContext(_builtins) { TemplateLoader = _theme };
        _theme.Prime(context);
        context.PushGlobal(globals);
        return _theme.Get(name).Render(context);
    }

    private static bool IsCurrent(string navUrl, string pagePath) =>
        navUrl.Length > 0 && pagePath.StartsWith(navUrl, StringComparison.Ordinal);
}
