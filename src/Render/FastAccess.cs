using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CredentialSite.Render;

/// <summary>
/// Reads the properties of the view models through delegates made once per property, under the names Scriban gives
/// them (snake_case); everything else is left to Scriban's own accessor. Scriban reads a .NET property by reflection on
/// every access: a badge page reads a few thousand.
/// </summary>
internal sealed class FastAccessor(IObjectAccessor inner, IReadOnlyDictionary<string, Func<object, object?>> getters) : IObjectAccessor
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> Getters = new();

    /// <summary>Scriban's accessor for <paramref name="type"/>, with its properties' reads made fast. A struct's properties
    /// (DateOnly.Year, ...) stay with Scriban: an open delegate cannot take a boxed struct.</summary>
    public static IObjectAccessor For(Type type, IObjectAccessor inner, MemberRenamerDelegate rename) =>
        type.IsValueType ? inner : new FastAccessor(inner, Getters.GetOrAdd(type, t => Make(t, rename)));

    private static IReadOnlyDictionary<string, Func<object, object?>> Make(Type type, MemberRenamerDelegate rename)
    {
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetGetMethod() is not { } get) continue;
            if (p.PropertyType.IsByRefLike || p.PropertyType.IsByRef || p.PropertyType.IsPointer) continue; // not a value a template can hold
            var name = rename(p);
            if (string.IsNullOrEmpty(name) || getters.ContainsKey(name)) continue; // a clash: Scriban decides
            try
            {
                getters[name] = (Func<object, object?>)typeof(FastAccessor).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type, p.PropertyType).Invoke(null, [get])!;
            }
            catch (Exception e) when (e is ArgumentException or TargetInvocationException or NotSupportedException)
            {
                // A property no delegate can be made for is read by Scriban, as before.
            }
        }
        return getters;
    }

    private static Func<object, object?> Getter<T, TValue>(MethodInfo get)
    {
        var typed = get.CreateDelegate<Func<T, TValue>>();
        return target => typed((T)target);
    }

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => inner.GetMembers(context, span, target);
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) =>
        getters.ContainsKey(member) || inner.HasMember(context, span, target, member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (getters.TryGetValue(member, out var get))
        {
            value = get(target);
            return true;
        }
        return inner.TryGetValue(context, span, target, member, out value);
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        inner.TrySetValue(context, span, target, member, value);
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        inner.TryGetItem(context, span, target, index, out value);
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        inner.TrySetItem(context, span, target, index, value);
    public bool HasIndexer => inner.HasIndexer;
    public Type? IndexType => inner.IndexType;
}

/// <summary>
/// A template function of one argument, called directly. Scriban calls an imported delegate through reflection, with an
/// argument array per call; the argument is converted here as Scriban converts it.
/// </summary>
internal sealed class TemplateFunction<T, TResult>(Func<T, TResult> function) : IScriptCustomFunction
{
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        // Scriban has checked the number of arguments against ParameterCount before calling.
        return function((T)context.ToObject(callerContext?.Span ?? default, arguments[0], typeof(T))!);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    public int RequiredParameterCount => 1;
    public int ParameterCount => 1;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    public Type ReturnType => typeof(TResult);
    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(T), "value");
}
