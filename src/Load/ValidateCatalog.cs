using CredentialSite.Diagnostics;
using CredentialSite.Model;

namespace CredentialSite.Load;

/// <summary>
/// Stage 2: checks that need the whole catalog: duplicate ids, references between files,
/// rubric levels, cycles and referenced files. Every problem points at the exact field.
/// </summary>
public static class ValidateCatalog
{
    // A rubric's checks read only its own badge: a badge record kept from build to build (serve) keeps its findings.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Badge, Diagnostic[]> RubricFindings = new();

    /// <param name="cancel">Stops the checks (throwing <see cref="OperationCanceledException"/>) when the build they belong
    /// to is dropped: <c>serve</c> drops a rebuild a newer save makes stale.</param>
    public static void Run(Catalog catalog, DiagnosticBag diags, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var issuers = Ids(catalog.Issuers, i => i.Id, i => i.Spans.Root, "issuer", diags);
        var frameworks = catalog.Frameworks.ToDictionary(f => f.Id);
        var competencies = Ids(catalog.Frameworks.SelectMany(f => f.Competencies.Select(c => (c, f))), p => p.c.Id,
            p => p.f.Spans.At(p.c.SpanPath + ".id"), "competency", diags).ToDictionary(kv => kv.Key, kv => kv.Value.c);
        var badges = Ids(catalog.Badges, b => b.Id, b => b.Spans.Root, "badge", diags);
        var roles = Ids(catalog.Ladders.SelectMany(l => l.Roles.Select(r => (r, l))), p => p.r.Id,
            p => p.l.Spans.At(p.r.SpanPath + ".id"), "role", diags).ToDictionary(kv => kv.Key, kv => kv.Value.r);
        var clusters = competencies.Values.Select(c => c.Cluster).OfType<string>().Distinct().ToList();
        var assets = catalog.Assets.ToHashSet(StringComparer.Ordinal);

        // Files that exist but could not be read: their own errors say why, so naming them is not reported again.
        var unreadable = new Dictionary<string, IReadOnlySet<string>> { ["issuer"] = catalog.UnreadableIssuers, ["badge"] = catalog.UnreadableBadges };
        void Ref(IReadOnlyDictionary<string, object> known, string? id, string kind, LocationMap spans, string path)
        {
            if (id is null || known.ContainsKey(id) || unreadable.TryGetValue(kind, out var files) && files.Contains(id)) return;
            diags.Error(DiagnosticCodes.UnknownReference, spans.At(path), $"unknown {kind} '{id}'", Suggest.Hint(id, known.Keys, kind));
        }
        var issuerIds = issuers.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        var competencyIds = competencies.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        var badgeIds = badges.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        var roleIds = roles.ToDictionary(kv => kv.Key, kv => (object)kv.Value);

        void Level(string competencyId, string? level, LocationMap spans, string path)
        {
            if (level is null || !competencies.TryGetValue(competencyId, out var c)) return;
            var levels = frameworks[c.FrameworkId].Levels;
            if (!levels.Contains(level))
                diags.Error(DiagnosticCodes.UnknownReference, spans.At(path), $"'{level}' is not a level of framework '{c.FrameworkId}'",
                    Suggest.Hint(level, levels, "level"));
        }

        void Asset(string? path, LocationMap spans, string field)
        {
            if (path is null || path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal)) return;
            if (!assets.Contains(path.TrimStart('/')))
                diags.Error(DiagnosticCodes.MissingFile, spans.At(field), $"the file '{path}' does not exist",
                    "images are paths under input/, e.g. 'assets/badges/x.svg' for input/assets/badges/x.svg");
        }

        foreach (var issuer in catalog.Issuers) Asset(issuer.Image, issuer.Spans, "image");

        foreach (var f in catalog.Frameworks)
        {
            if (f.Levels.Distinct().Count() != f.Levels.Count)
                diags.Error(DiagnosticCodes.DuplicateId, f.Spans.At("levels"), "a level is listed twice");
        }

        foreach (var b in catalog.Badges)
        {
            cancel.ThrowIfCancellationRequested();
            if (!(b.Incomplete && b.Issuer.Length == 0)) Ref(issuerIds, b.Issuer, "issuer", b.Spans, "issuer"); // else missing (reported)
            Asset(b.Image, b.Spans, "image");
            for (var i = 0; i < b.Competencies.Count; i++)
            {
                Ref(competencyIds, b.Competencies[i].Competency, "competency", b.Spans, $"competencies[{i}].competency");
                Level(b.Competencies[i].Competency, b.Competencies[i].Level, b.Spans, $"competencies[{i}].level");
            }
            ListedOnce(b.Competencies.Select(c => c.Competency).ToList(), "competency", b.Spans, i => $"competencies[{i}].competency", diags);
            for (var i = 0; i < b.Prerequisites.Count; i++) Ref(badgeIds, b.Prerequisites[i], "badge", b.Spans, $"prerequisites[{i}]");
            for (var i = 0; i < b.StacksInto.Count; i++) Ref(badgeIds, b.StacksInto[i], "badge", b.Spans, $"stacksInto[{i}]");
            if (b.Rubric is { } rubric)
                foreach (var d in RubricFindings.GetValue(b, badge => { var own = new DiagnosticBag(); CheckRubric(rubric, badge.Spans, own); return [.. own.All]; }))
                    diags.Add(d);
            if (b.Version is not null && b.Governance is { Changelog.Count: > 0 } g && g.Changelog.All(c => c.Version != b.Version))
                diags.Warning(DiagnosticCodes.InvalidValue, b.Spans.At("version"), $"version {b.Version} has no changelog entry",
                    "add it to governance.changelog (newest first)");
        }
        var inIdOrder = catalog.Badges.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        cancel.ThrowIfCancellationRequested();
        CheckCycles(inIdOrder, b => b.Prerequisites, "prerequisites", badges, diags);
        cancel.ThrowIfCancellationRequested();
        CheckCycles(inIdOrder, b => b.StacksInto, "stacksInto", badges, diags);
        cancel.ThrowIfCancellationRequested();

        foreach (var ladder in catalog.Ladders)
        {
            foreach (var role in ladder.Roles)
            {
                var p = role.SpanPath;
                for (var i = 0; i < role.Competencies.Count; i++)
                {
                    Ref(competencyIds, role.Competencies[i].Competency, "competency", ladder.Spans, $"{p}.competencies[{i}].competency");
                    Level(role.Competencies[i].Competency, role.Competencies[i].Level, ladder.Spans, $"{p}.competencies[{i}].level");
                }
                for (var i = 0; i < role.RequiredBadges.Count; i++) Ref(badgeIds, role.RequiredBadges[i], "badge", ladder.Spans, $"{p}.badges.required[{i}]");
                for (var i = 0; i < role.OptionalBadges.Count; i++) Ref(badgeIds, role.OptionalBadges[i], "badge", ladder.Spans, $"{p}.badges.optional[{i}]");
                ListedOnce(role.Competencies.Select(c => c.Competency).ToList(), "competency", ladder.Spans, i => $"{p}.competencies[{i}].competency", diags);
                ListedOnce([.. role.RequiredBadges, .. role.OptionalBadges], "badge", ladder.Spans,
                    i => i < role.RequiredBadges.Count ? $"{p}.badges.required[{i}]" : $"{p}.badges.optional[{i - role.RequiredBadges.Count}]", diags);
                if (role.Promotion is not { } promotion) continue;
                for (var i = 0; i < promotion.From.Count; i++) Ref(roleIds, promotion.From[i], "role", ladder.Spans, $"{p}.promotion.from[{i}]");
                for (var k = 0; k < promotion.Packages.Count; k++)
                {
                    var rules = promotion.Packages[k].Rules;
                    for (var r = 0; r < rules.Count; r++)
                    {
                        var rp = $"{p}.promotion.packages[{k}].rules[{r}]";
                        var rule = rules[r];
                        for (var i = 0; i < rule.All.Count; i++) Ref(badgeIds, rule.All[i], "badge", ladder.Spans, $"{rp}.all[{i}]");
                        for (var i = 0; i < rule.Of.Count; i++) Ref(badgeIds, rule.Of[i], "badge", ladder.Spans, $"{rp}.of[{i}]");
                        Ref(competencyIds, rule.Competency, "competency", ladder.Spans, $"{rp}.competency");
                        if (rule.Cluster is not null && !clusters.Contains(rule.Cluster))
                            diags.Error(DiagnosticCodes.UnknownReference, ladder.Spans.At($"{rp}.cluster"), $"unknown cluster '{rule.Cluster}'",
                                Suggest.Hint(rule.Cluster, clusters, "cluster"));
                    }
                }
            }
        }
        cancel.ThrowIfCancellationRequested();
        ValidatePromotions.Run(catalog, badges, competencies, diags);

    }

    private static void CheckRubric(Rubric rubric, LocationMap spans, DiagnosticBag diags)
    {
        var levelIds = rubric.Levels.Select(l => l.Id).ToList();
        foreach (var dup in levelIds.GroupBy(x => x).Where(g => g.Count() > 1))
            diags.Error(DiagnosticCodes.DuplicateId, spans.At("rubric.levels"), $"the rubric level '{dup.Key}' is listed twice");
        void Level(string? id, string path)
        {
            if (id is not null && !levelIds.Contains(id))
                diags.Error(DiagnosticCodes.UnknownReference, spans.At(path), $"unknown rubric level '{id}'", Suggest.Hint(id, levelIds, "rubric level"));
        }
        Level(rubric.RequiredLevel, "rubric.requiredLevel");
        var criterionIds = new HashSet<string>();
        for (var i = 0; i < rubric.Criteria.Count; i++)
        {
            var c = rubric.Criteria[i];
            var path = $"rubric.criteria[{i}]";
            if (!criterionIds.Add(c.Id))
                diags.Error(DiagnosticCodes.DuplicateId, spans.At(path + ".id"), $"the rubric criterion '{c.Id}' is listed twice");
            Level(c.RequiredLevel, path + ".requiredLevel");
            foreach (var (level, _) in c.Levels)
                if (!levelIds.Contains(level)) Level(level, $"{path}.levels.{level}"); // the path only when reporting
            foreach (var missing in levelIds.Where(l => c.Levels.All(d => d.Key != l)))
                diags.Warning(DiagnosticCodes.MissingField, spans.At(path + ".levels"), $"criterion '{c.Id}' has no descriptor for level '{missing}'",
                    "describe what each level looks like for this criterion");
        }
    }

    /// <param name="badges">In id order, so that a cycle is reported from the same badge every time.</param>
    private static void CheckCycles(IReadOnlyList<Badge> badges, Func<Badge, IReadOnlyList<string>> edges, string field,
        IReadOnlyDictionary<string, Badge> byId, DiagnosticBag diags)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        var stack = new List<string>();
        void Visit(Badge b)
        {
            state[b.Id] = 1;
            stack.Add(b.Id);
            foreach (var next in edges(b))
            {
                if (!byId.TryGetValue(next, out var nb)) continue;
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next);
                    diags.Error(DiagnosticCodes.ReferenceCycle, b.Spans.At(field), $"{field} form a cycle: {string.Join(" -> ", cycle)}",
                        $"remove one of the links so that {field} lead somewhere");
                }
                else if (state.GetValueOrDefault(next) == 0) Visit(nb);
            }
            stack.RemoveAt(stack.Count - 1);
            state[b.Id] = 2;
        }
        foreach (var b in badges)
            if (state.GetValueOrDefault(b.Id) == 0) Visit(b);
    }

    /// <summary>Reports duplicate ids of one kind (first wins) and returns id to item.</summary>
    private static Dictionary<string, T> Ids<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Diagnostics.SourceLocation> at, string kind, DiagnosticBag diags)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!map.TryAdd(id(item), item))
                diags.Error(DiagnosticCodes.DuplicateId, at(item), $"duplicate {kind} id '{id(item)}'",
                    $"already defined at {at(map[id(item)])}; {kind} ids must be unique");
        }
        return map;
    }

    /// <summary>
    /// A competency or badge listed twice in one list (a role's expected competencies or badges, a badge's competencies) is
    /// an error at the second mention: the two entries could disagree (two levels), and one page would show it twice.
    /// </summary>
    private static void ListedOnce(IReadOnlyList<string?> ids, string kind, LocationMap spans, Func<int, string> path, DiagnosticBag diags)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { } id || first.TryAdd(id, i)) continue;
            diags.Error(DiagnosticCodes.DuplicateId, spans.At(path(i)), $"the {kind} '{id}' is listed twice",
                $"it is first listed at {spans.At(path(first[id]))}; keep one of them");
        }
    }
}
