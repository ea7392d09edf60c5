using System.Collections.Concurrent;
using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CredentialSite.Render;

/// <summary>
/// A Scriban context that escapes everything a template prints unless it is <see cref="RawHtml"/>,
/// so a catalog value can never inject markup by accident. Variables are strict: a typo in a theme
/// template is an error with its location, not an empty string.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext(ScriptObject builtins) : base(builtins)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = 0;
        LimitToString = 0; // never truncate what a template prints
        RecursiveLimit = 200;
        MemberRenamer = StandardMemberRenamer.Default;
    }

    // Scriban caches how to read a .NET type's members per context, and every page gets a new context: share the
    // accessors between contexts instead (they depend only on the type and on the renamer, which is always ours).
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> Accessors = new();

    // A plain .NET object (a view model) is read through delegates instead of reflection (see FastAccessor).
    protected override IObjectAccessor GetMemberAccessorImpl(object target) =>
        target is ScriptObject ? base.GetMemberAccessorImpl(target)! : Accessors.GetOrAdd(target.GetType(), type =>
            base.GetMemberAccessorImpl(target)! is var accessor && accessor.GetType().Name == "TypedObjectAccessor"
                ? FastAccessor.For(type, accessor, StandardMemberRenamer.Default)
                : accessor);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Html);
                return this;
            case RenderedContent content when Output is TemplateOutput bytes:
                bytes.Append(content.Output);
                return this;
            case RenderedContent content:
                Write(content.ToString());
                return this;
            case StructuredData.JsonLdScript script when Output is TemplateOutput bytes:
                bytes.Append(script.Utf8());
                return this;
            case StructuredData.JsonLdScript script:
                Write(script.Html);
                return this;
            case string s:
                Write(WebUtility.HtmlEncode(s));
                return this;
            case DateOnly d:
                Write(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                return this;
            default:
                Write(WebUtility.HtmlEncode(ObjectToString(textAsObject)));
                return this;
        }
    }
}

/// <summary>Wraps Scriban's include so that a partial's output is not escaped a second time.</summary>
internal sealed class RawInclude(IScriptCustomFunction inner) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new RawHtml(inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => inner.RequiredParameterCount;
    public int ParameterCount => inner.ParameterCount;
    public ScriptVarParamKind VarParamKind => inner.VarParamKind;
    public Type ReturnType => typeof(RawHtml);
    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);
}
