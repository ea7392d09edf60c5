using System.Globalization;
using System.Text.RegularExpressions;
using CredentialSite.Diagnostics;
using CredentialSite.Import.Names;
using CredentialSite.Model;

namespace CredentialSite.Import.Roles;

/// <summary>
/// Promotion packages as a spreadsheet cell holds them, read by <c>import roles</c> and written by the ladder CSV
/// download (so one reads what the other writes):
/// <code>
/// Baseline + 1 Capability
/// Product engineering: API Design + Test Automation Strategy + 1 badge [of: System Design, decision-records]; 2 Capability [cluster: Delivery &amp; Operations]
/// </code>
/// Packages (alternatives) are separated by ';' or line breaks, each optionally named before a ':'. A package's parts
/// are joined by '+': "N Tier" (a bare tier is 1, "N badges" is any tier) becomes <c>atLeast: N, tier: T</c>, with
/// optional filters in brackets (<c>competency</c>, <c>cluster</c>, <c>of</c>, <c>impact</c>, <c>tier</c>, separated by ';');
/// any other part names a badge (name or id), and the package's named badges become one <c>all: [...]</c> rule.
/// </summary>
public static partial class PackageText
{
    /// <summary>The default name of a package written without one (as the loader names it).</summary>
    public const string Unnamed = "Package";

    /// <summary>Characters with a meaning in a package cell: a badge whose name holds one is written by its id.</summary>
    public static readonly char[] Special = ['+', ';', ':', '[', ']', ',', '\n', '\r'];

    public static IReadOnlyList<PromotionPackage>? Parse(string cell, CatalogNames names, SourceLocation at, DiagnosticBag diags)
    {
        var before = diags.ErrorCount;
        var packages = new List<PromotionPackage>();
        foreach (var part in SplitTop(cell, ";\n\r"))
        {
            var text = part.Trim();
            if (text.Length == 0) continue;
            string? name = null;
            if (LastTop(text, ':') is var colon and >= 0)
            {
                name = text[..colon].Trim();
                text = text[(colon + 1)..].Trim();
            }
            var rules = new List<PromotionRule>();
            List<string>? all = null;
            foreach (var term in SplitTop(text, "+"))
            {
                var t = term.Trim();
                if (t.Length == 0)
                {
                    Bad(at, diags, $"the package '{part.Trim()}' has an empty part");
                    continue;
                }
                if (Term(t, names, at, diags) is not var (badge, rule)) continue;
                if (rule is not null) rules.Add(rule);
                else if (all is null)
                {
                    all = [badge!];
                    rules.Add(new PromotionRule(all, null, null, null, null, [], null)); // filled in as badges follow
                }
                else all.Add(badge!);
            }
            packages.Add(new PromotionPackage(string.IsNullOrEmpty(name) ? Unnamed : name, rules));
        }
        return diags.ErrorCount > before ? null : packages;
    }

    /// <summary>The cell for a role's packages; <paramref name="badge"/> and <paramref name="competency"/> give the label to write for an id.</summary>
    public static string Format(IReadOnlyList<PromotionPackage> packages, Func<string, string> badge, Func<string, string> competency) =>
        string.Join("; ", packages.Select(p =>
            (p.Name == Unnamed ? "" : Clean(p.Name) + ": ") + string.Join(" + ", p.Rules.SelectMany(r => Terms(r, badge, competency)))));

    private static IEnumerable<string> Terms(PromotionRule r, Func<string, string> badge, Func<string, string> competency)
    {
        if (r.IsAll) return r.All.Select(badge);
        var n = r.AtLeast ?? 1;
        var head = $"{n} " + (r.Tier is { } t ? CatalogNames.Title(t) : n == 1 ? "badge" : "badges");
        var filters = new List<string>();
        if (r.Competency is { } c) filters.Add("competency: " + competency(c));
        if (r.Cluster is { } cl) filters.Add("cluster: " + cl);
        if (r.Of.Count > 0) filters.Add("of: " + string.Join(", ", r.Of.Select(badge)));
        if (r.Impact is { } i) filters.Add("impact: " + i);
        return [filters.Count == 0 ? head : $"{head} [{string.Join("; ", filters)}]"];
    }

    /// <summary>One part: a badge id, or a rule (null badge), or null after reporting why neither.</summary>
    private static (string? Badge, PromotionRule? Rule)? Term(string t, CatalogNames names, SourceLocation at, DiagnosticBag diags)
    {
        var head = t;
        string? filters = null;
        if (t.IndexOf('[') is var open and >= 0)
        {
            if (!t.EndsWith(']'))
                return Bad(at, diags, $"'{t}': a '[' without its closing ']' at the end", "filters close the part: '1 Capability [cluster: Leadership]'");
            filters = t[(open + 1)..^1];
            head = t[..open].Trim();
        }
        var m = CountRegex().Match(head);
        int? count = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var rest = m.Success ? m.Groups[2].Value : head;
        var tierText = BadgesWordRegex().Replace(rest, "").Trim();
        var tier = tierText.Length > 0 ? CatalogNames.Tiers.Find(tierText) : null;
        if (count is null && filters is null && tier is null)
            return names.Badges.Resolve(head, at, diags) is { } id ? (id, null) : null;
        if (tierText.Length > 0 && tier is null)
        {
            CatalogNames.Tiers.Resolve(tierText, at, diags); // reports the unknown tier, with a did-you-mean
            return null;
        }
        if (count is < 1)
            return Bad(at, diags, $"'{t}': a package part needs at least 1 badge");
        string? competency = null, cluster = null, impact = null;
        List<string> of = [];
        var ok = true;
        foreach (var f in filters is null ? [] : SplitTop(filters, ";"))
        {
            var colon = f.IndexOf(':');
            var key = colon < 0 ? f.Trim() : f[..colon].Trim().ToLowerInvariant();
            var value = colon < 0 ? "" : f[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                Bad(at, diags, $"'{t}': the filter '{f.Trim()}' has no value", "write filters as 'key: value', e.g. [cluster: Leadership]");
                ok = false;
                continue;
            }
            switch (key)
            {
                case "tier": ok &= (tier = CatalogNames.Tiers.Resolve(value, at, diags)) is not null; break;
                case "competency": ok &= (competency = names.Competencies.Resolve(value, at, diags)) is not null; break;
                case "cluster": ok &= (cluster = names.Clusters.Resolve(value, at, diags)) is not null; break;
                case "impact": ok &= (impact = CatalogNames.Impacts.Resolve(value, at, diags)) is not null; break;
                case "of":
                    foreach (var b in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        if (names.Badges.Resolve(b, at, diags) is { } id) of.Add(id);
                        else ok = false;
                    break;
                default:
                    diags.Error(DiagnosticCodes.CsvUnknownName, at, $"unknown filter '{key}' in '{t}'",
                        Suggest.Hint(key, ["tier", "competency", "cluster", "of", "impact"], "filter"));
                    ok = false;
                    break;
            }
        }
        return ok ? (null, new PromotionRule([], count ?? 1, tier, competency, cluster, of, impact)) : null;
    }

    private static (string?, PromotionRule?)? Bad(SourceLocation at, DiagnosticBag diags, string message,
        string hint = "write a package like 'Baseline + 1 Capability' or 'API Design + 2 Capability [cluster: Leadership]'")
    {
        diags.Error(DiagnosticCodes.CsvBadValue, at, message, hint);
        return null;
    }

    /// <summary>A package name cannot hold the characters that split a cell.</summary>
    private static string Clean(string name) => string.Join(' ', name.Split(['+', ';', '[', ']', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Splits on any of <paramref name="separators"/> outside brackets.</summary>
    private static List<string> SplitTop(string text, string separators)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[') depth++;
            else if (text[i] == ']' && depth > 0) depth--;
            else if (depth == 0 && separators.Contains(text[i]))
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static int LastTop(string text, char c)
    {
        var depth = 0;
        var found = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[') depth++;
            else if (text[i] == ']' && depth > 0) depth--;
            else if (depth == 0 && text[i] == c) found = i;
        }
        return found;
    }

    [GeneratedRegex(@"^(\d+)(?=\s|$)\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"(^|\s+)badges?$", RegexOptions.IgnoreCase)]
    private static partial Regex BadgesWordRegex();
}
