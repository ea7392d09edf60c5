using CredentialSite.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CredentialSite.Render;

/// <summary>
/// The theme: the built-in one, with a site's own theme/ overriding it file by file.
/// Templates (theme/templates/**/*.html) are parsed once per build; static files (theme/static/**)
/// are copied to the output root.
/// </summary>
public sealed class Theme : ITemplateLoader
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _displayPaths = new(StringComparer.Ordinal);

    private Theme(IReadOnlyDictionary<string, string> staticFiles) => StaticFiles = staticFiles;

    /// <summary>A hash of every template's name and text: a changed template re-renders every page.</summary>
    public string TemplatesHash { get; private set; } = "";

    /// <summary>Output-relative path to the full path of each static file.</summary>
    public IReadOnlyDictionary<string, string> StaticFiles { get; }

    /// <summary>The default theme that ships next to the tool's binary.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "theme");

    public static Theme Load(string builtIn, string siteTheme, string siteRoot, DiagnosticBag diags)
    {
        var files = new SortedDictionary<string, (string Full, string Display)>(StringComparer.Ordinal);
        void Collect(string root, bool isSite)
        {
            if (!Directory.Exists(root)) return;
            // The built-in theme ships with the tool; the site's own theme/ is part of the source: links out of it are refused.
            var found = isSite ? new Load.SourceFolder(siteRoot).FilesUnder(root, diags, hidden: true)
                : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories);
            foreach (var full in found)
            {
                var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
                var display = isSite ? Path.GetRelativePath(siteRoot, full).Replace('\\', '/') : "theme/" + rel + " (built-in)";
                files[rel] = (full, display);
            }
        }
        Collect(builtIn, false);
        if (!string.Equals(Path.GetFullPath(builtIn), Path.GetFullPath(siteTheme), StringComparison.Ordinal))
            Collect(siteTheme, true);

        var statics = files.Where(f => f.Key.StartsWith("static/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["static/".Length..], f => f.Value.Full, StringComparer.Ordinal);
        var theme = new Theme(statics);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (rel, (full, display)) in files.Where(f => f.Key.StartsWith("templates/", StringComparison.Ordinal)))
        {
            var name = rel["templates/".Length..];
            var text = File.ReadAllText(full);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
            var template = Template.Parse(text, name);
            theme._displayPaths[name] = display;
            if (template.HasErrors)
            {
                foreach (var m in template.Messages)
                    diags.Error(DiagnosticCodes.TemplateError, theme.Locate(name, m.Span), m.Message, "fix the template syntax");
                continue;
            }
            theme._templates[name] = template;
        }
        theme.TemplatesHash = Convert.ToHexString(hash.GetHashAndReset());
        return theme;
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    public Template Get(string name) => _templates[name];

    /// <summary>A template position as a diagnostic location (Scriban is zero-based; we print 1-based).</summary>
    public SourceLocation Locate(string name, SourceSpan span)
    {
        var path = _displayPaths.TryGetValue(name, out var p) ? p : "theme/templates/" + name;
        return new SourceLocation(path, span.Start.Line + 1, span.Start.Column + 1);
    }

    /// <summary>Partials are pre-parsed: hand them to each new context so no page re-parses them.</summary>
    public void Prime(TemplateContext context)
    {
        foreach (var (name, template) in _templates) context.CachedTemplates[name] = template;
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"the theme has no template '{templatePath}'");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));
}
