using CredentialSite.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CredentialSite.Import.Roles;

/// <summary>What an import changes in one role: its badges (null: leave them) and its promotion (when <see cref="SetPromotion"/>; null removes it).</summary>
public sealed record RoleEdit(string Id, string Name)
{
    public (IReadOnlyList<string> Required, IReadOnlyList<string> Optional)? Badges { get; init; }
    public bool SetPromotion { get; init; }
    public Promotion? Promotion { get; init; }
}

/// <summary>A change to a file's lines, for the dry run: at a line of the old file, these lines go, those come.</summary>
public sealed record Hunk(int Line, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

/// <summary>
/// Edits a ladder file's text rather than rewriting it, so what a person wrote survives an import: only the
/// <c>badges:</c> and <c>promotion:</c> blocks of the roles the import names are replaced (with any comment inside
/// them), new roles are appended after the last role, and every other line, comments included, stays byte for byte.
/// </summary>
public static class LadderYaml
{
    public static string NewFile(string name, IReadOnlyList<RoleEdit> roles, string source) =>
        string.Join("\n", [
            $"# Imported from {source} by `credentialsite import roles`. Edit freely: a later import replaces only the",
            "# badges: and promotion: of the roles it names and appends new roles; everything else is kept.",
            "name: " + YamlText.Scalar(name),
            "roles:",
            .. roles.SelectMany((r, i) => (i == 0 ? [] : new[] { "" }).Concat(RoleItem(2, r))),
        ]) + "\n";

    /// <summary>The edited text and its hunks, or an error message when the file is not laid out in a way this can edit.</summary>
    public static (string? Text, IReadOnlyList<Hunk> Hunks, string? Error) Update(string text, IReadOnlyList<RoleEdit> edits, IReadOnlyList<RoleEdit> added)
    {
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        List<Item> items;
        try
        {
            if (Roles(text) is not { } found) return (null, [], "its 'roles:' is not a block list ('- id: ...' items, one per line)");
            items = found;
        }
        catch (YamlException e)
        {
            return (null, [], $"it is not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message})");
        }
        var ops = new List<(int Start, int End, string[] Lines)>();
        foreach (var edit in edits)
        {
            var item = items.FirstOrDefault(i => i.Id == edit.Id);
            if (item is null) return (null, [], $"it has no role '{edit.Id}'");
            if (item.Flow) return (null, [], $"its role '{edit.Id}' is written in flow style ({{ ... }}); write it as a block to import into it");
            var append = new List<string>();
            void Block(string key, bool change, IReadOnlyList<string> block)
            {
                if (!change) return;
                if (item.Keys.TryGetValue(key, out var at)) ops.Add((at.Line, BlockEnd(lines, at.Line, at.Column), block.ToArray()));
                else append.AddRange(block);
            }
            Block("badges", edit.Badges is not null, edit.Badges is { } b ? BadgesBlock(item.KeyColumn, b.Required, b.Optional) : []);
            Block("promotion", edit.SetPromotion, edit.Promotion is { } p ? PromotionBlock(item.KeyColumn, p) : []);
            if (append.Count > 0) ops.Add((ItemEnd(lines, item) + 1, ItemEnd(lines, item), append.ToArray()));
        }
        if (added.Count > 0)
        {
            if (items.Count == 0) return (null, [], "its 'roles:' list is empty; add one role by hand first");
            var last = items[^1];
            var dash = lines[last.DashLine].Length - lines[last.DashLine].TrimStart(' ').Length;
            var end = ItemEnd(lines, last);
            ops.Add((end + 1, end, added.SelectMany(r => new[] { "" }.Concat(RoleItem(dash, r))).ToArray()));
        }
        ops.RemoveAll(o => lines[o.Start..(o.End + 1)].SequenceEqual(o.Lines)); // a block that stays as it is
        var hunks = ops.OrderBy(o => o.Start).Select(o => new Hunk(o.Start + 1, lines[o.Start..(o.End + 1)], o.Lines)).ToList();
        var result = lines.ToList();
        foreach (var (start, end, replacement) in ops.Select((o, i) => (o, i)).OrderByDescending(x => x.o.Start).ThenByDescending(x => x.i).Select(x => x.o))
        {
            result.RemoveRange(start, end - start + 1);
            result.InsertRange(start, replacement);
        }
        return (string.Join(newline, result), hunks, null);
    }

    public static IReadOnlyList<string> RoleItem(int dash, RoleEdit r)
    {
        var key = dash + 2;
        var pad = new string(' ', key);
        List<string> lines = [new string(' ', dash) + "- id: " + r.Id, pad + "name: " + YamlText.Scalar(r.Name)];
        if (r.Badges is { } b) lines.AddRange(BadgesBlock(key, b.Required, b.Optional));
        if (r.Promotion is { } p) lines.AddRange(PromotionBlock(key, p));
        return lines;
    }

    private static IReadOnlyList<string> BadgesBlock(int indent, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        if (required.Count == 0 && optional.Count == 0) return [];
        var pad = new string(' ', indent);
        var lines = new List<string> { pad + "badges:" };
        if (required.Count > 0) lines.Add(pad + "  required: " + YamlText.Ids(required));
        if (optional.Count > 0) lines.Add(pad + "  optional: " + YamlText.Ids(optional));
        return lines;
    }

    private static IReadOnlyList<string> PromotionBlock(int indent, Promotion promotion)
    {
        if (promotion.Packages.Count == 0) return [];
        var pad = new string(' ', indent);
        var lines = new List<string> { pad + "promotion:" };
        if (promotion.From.Count > 0) lines.Add(pad + "  from: " + YamlText.Ids(promotion.From));
        lines.Add(pad + "  packages:");
        foreach (var package in promotion.Packages)
        {
            if (package.Name != PackageText.Unnamed)
            {
                lines.Add(pad + "    - name: " + YamlText.Scalar(package.Name));
                lines.Add(pad + "      rules:");
            }
            else lines.Add(pad + "    - rules:");
            foreach (var rule in package.Rules)
            {
                var fields = new List<string>();
                if (rule.IsAll) fields.Add("all: " + YamlText.Ids(rule.All));
                else fields.Add($"atLeast: {rule.AtLeast ?? 1}");
                if (rule.Tier is { } t) fields.Add("tier: " + t);
                if (rule.Competency is { } c) fields.Add("competency: " + c);
                if (rule.Cluster is { } cl) fields.Add("cluster: " + YamlText.Scalar(cl));
                if (rule.Of.Count > 0) fields.Add("of: " + YamlText.Ids(rule.Of));
                if (rule.Impact is { } i) fields.Add("impact: " + i);
                lines.AddRange(fields.Select((f, k) => pad + (k == 0 ? "        - " : "          ") + f));
            }
        }
        if (promotion.Scorecard.Count > 0) lines.Add(pad + "  scorecard:");
        foreach (var part in promotion.Scorecard)
            lines.AddRange(new[]
            {
                "part: " + part.Id, "name: " + YamlText.Scalar(part.Name),
                "weight: " + part.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture), "source: " + part.Source,
            }.Select((f, k) => pad + (k == 0 ? "    - " : "      ") + f));
        return lines;
    }

    /// <summary>One role of the file: where it starts, the column of its keys, where each key is (0-based).</summary>
    private sealed record Item(string? Id, int DashLine, int KeyColumn, bool Flow, Dictionary<string, (int Line, int Column)> Keys);

    /// <summary>The items of the top-level <c>roles:</c> block list; null when there is none.</summary>
    private static List<Item>? Roles(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _)) return null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value != "roles")
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }
            if (!parser.TryConsume<SequenceStart>(out var seq) || seq.Style == SequenceStyle.Flow) return null;
            var items = new List<Item>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (!parser.TryConsume<MappingStart>(out var map)) return null;
                var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
                string? id = null;
                var column = -1;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var k = parser.Consume<Scalar>();
                    if (column < 0) column = (int)k.Start.Column - 1;
                    keys.TryAdd(k.Value, ((int)k.Start.Line - 1, (int)k.Start.Column - 1));
                    if (k.Value == "id" && parser.TryConsume<Scalar>(out var v)) id = v.Value;
                    else parser.SkipThisAndNestedEvents();
                }
                items.Add(new Item(id, (int)map.Start.Line - 1, column, map.Style == MappingStyle.Flow, keys));
            }
            return items;
        }
        return null;
    }

    /// <summary>The last line of the block a key starts at <paramref name="line"/>: the lines after it indented deeper than the key (trailing blank and comment lines excluded).</summary>
    private static int BlockEnd(string[] lines, int line, int column)
    {
        var last = line;
        for (var i = line + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            if (lines[i].Length - trimmed.Length > column) last = i;
            else break;
        }
        return last;
    }

    private static int ItemEnd(string[] lines, Item item) => BlockEnd(lines, item.DashLine, item.KeyColumn - 1);
}
