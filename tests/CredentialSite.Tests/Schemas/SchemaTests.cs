using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredentialSite.Load;
using CredentialSite.Scaffold;
using CredentialSite.Schemas;
using CredentialSite.Tests.Support;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace CredentialSite.Tests.Schemas;

/// <summary>
/// The JSON Schemas `schema` writes and `new` ships (issue 14): as complete as the loader (every field it asks for,
/// loading the sample and the starter site, is in the spec), and right about every sample and starter file, checked by
/// an independent validator (JsonSchema.Net) on the files converted from YAML as an editor sees them (YAML 1.2 core).
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "credentialsite-tests", "schema-" + Guid.NewGuid().ToString("N")[..12]);
    private static readonly Dictionary<string, JsonSchema> Schemas =
        SchemaWriter.All().ToDictionary(s => s.File.Replace(".schema.json", ""), s => JsonSchema.FromText(s.Json));

    private string Starter()
    {
        var dir = Path.Combine(_root, "starter");
        NewSite.Write(dir, "0.0.0");
        return dir;
    }

    [Fact]
    public void Spec_HasEveryFieldTheLoaderAsksFor_InTheSampleAndTheStarterSite()
    {
        var asked = new HashSet<(string Kind, string Path)>();
        foreach (var site in new[] { TestPaths.RepoRoot, Starter() })
        {
            YamlFields.Asked.Value = (file, path) =>
            {
                if (KindOf(file) is { } kind)
                    lock (asked) asked.Add((kind, Regex.Replace(path, @"\[\d+\]", "[]")));
            };
            try
            {
                LoadCatalog.Run(new SourceFolder(site), BuildOptions.Default, new global::CredentialSite.Diagnostics.DiagnosticBag());
            }
            finally
            {
                YamlFields.Asked.Value = null;
            }
        }
        Assert.Contains(("badge", "rubric.criteria[].levels"), asked); // the recording reaches nested fields
        var missing = asked.Where(a => !SpecHas(a.Kind, a.Path)).Select(a => $"{a.Kind}: {a.Path}").Order().ToList();
        Assert.True(missing.Count == 0, "fields the loader reads but the schemas lack:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Spec_HasEveryKeysField_AndAcceptsAnIssuerWithRotatedKeys()
    {
        // The sample and the starter publish no keys: keys new writes them here (twice: retired keys too).
        using var site = global::CredentialSite.Tests.Signing.SignedSite.WithKeys();
        global::CredentialSite.Tests.Signing.SignedSite.NewKeys(site);
        var asked = new HashSet<string>();
        YamlFields.Asked.Value = (file, path) =>
        {
            if (KindOf(file) == "issuer") lock (asked) asked.Add(Regex.Replace(path, @"\[\d+\]", "[]"));
        };
        try
        {
            site.LoadCatalog();
        }
        finally
        {
            YamlFields.Asked.Value = null;
        }
        Assert.Contains("keys[].publicKeyJwk.n", asked);
        Assert.Contains("keys[].retired", asked);
        Assert.DoesNotContain(asked, p => !SpecHas("issuer", p));
        var yaml = File.ReadAllText(Path.Combine(site.Source, "catalog", "issuers", "academy.yml"));
        var results = Schemas["issuer"].Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void SpecHas_IsFalse_ForAFieldTheSpecLacks()
    {
        Assert.True(SpecHas("badge", "governance.approvals[].step"));
        Assert.False(SpecHas("badge", "governance.approvals[].stepName"));
        Assert.False(SpecHas("ladder", "roles[].promotion.packages[].rules[].atMost"));
    }

    [Fact]
    public void Schemas_AcceptEverySampleAndStarterFile()
    {
        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var site in new[] { TestPaths.RepoRoot, Starter() })
            foreach (var file in new[] { "site.yml" }.Concat(TestSite.FilesUnder(Path.Combine(site, "catalog")).Select(f => "catalog/" + f))
                         .Concat(TestSite.FilesUnder(Path.Combine(site, "input", "portfolios")).Select(f => "input/portfolios/" + f)))
            {
                if (KindOf(file) is not { } kind) continue;
                checkedFiles++;
                var results = Schemas[kind].Evaluate(ToJson(File.ReadAllText(Path.Combine(site, file))), new EvaluationOptions { OutputFormat = OutputFormat.List });
                if (!results.IsValid) failures.Add($"{site}/{file}: {Errors(results)}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedFiles >= 50, $"only {checkedFiles} files checked");
    }

    [Theory]
    [InlineData("badge", "name: X\ntier: golden\nissuer: academy\n", "golden")]
    [InlineData("badge", "name: X\ntier: baseline\nissuer: academy\nrenewal: { validFor: 3 years }\n", "validFor")]
    [InlineData("portfolio", "name: X\nconsent: { publish: true, scope: [profile, salary] }\n", "salary")]
    [InlineData("ladder", "name: X\nroles:\n  - { id: Engineer One, name: E }\n", "Engineer One")]
    [InlineData("site", "title: X\n", "baseUrl")]
    public void Schemas_RejectBadValues(string kind, string yaml, string what)
    {
        var results = Schemas[kind].Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(results.IsValid, $"{kind} accepted {what}");
    }

    [Fact]
    public void StarterFiles_NameTheirSchema_AndVsCodeMapsEveryKind()
    {
        var dir = Starter();
        Assert.StartsWith("# yaml-language-server: $schema=../../schemas/badge.schema.json", File.ReadAllText(Path.Combine(dir, "catalog", "badges", "code-review.yml")));
        var settings = File.ReadAllText(Path.Combine(dir, ".vscode", "settings.json"));
        foreach (var (kind, _, files, _) in FormatSpec.Kinds)
        {
            Assert.True(File.Exists(Path.Combine(dir, "schemas", $"{kind}.schema.json")), kind);
            Assert.Contains($"\"schemas/{kind}.schema.json\": \"{files}\"", settings);
        }
    }

    private static string? KindOf(string file) => file switch
    {
        "site.yml" => "site",
        _ when file.StartsWith("catalog/issuers/", StringComparison.Ordinal) => "issuer",
        _ when file.StartsWith("catalog/competencies/", StringComparison.Ordinal) => "framework",
        _ when file.StartsWith("catalog/badges/", StringComparison.Ordinal) => "badge",
        _ when file.StartsWith("catalog/roles/", StringComparison.Ordinal) => "ladder",
        _ when file.StartsWith("input/portfolios/", StringComparison.Ordinal) && file.EndsWith("/portfolio.yml", StringComparison.Ordinal) => "portfolio",
        _ => null,
    };

    /// <summary>Whether the spec of <paramref name="kind"/> has the field at <paramref name="path"/> (list items as <c>[]</c>).</summary>
    private static bool SpecHas(string kind, string path)
    {
        var shape = FormatSpec.Kinds.Single(k => k.Kind == kind).Shape;
        foreach (var part in Regex.Split(path, @"\.|(?=\[\])"))
        {
            if (part.Length == 0) continue;
            shape = part == "[]" ? shape.Items! : shape.Kind == "map" ? shape.MapValues! : shape.Fields?.FirstOrDefault(f => f.Name == part)?.Shape!;
            if (shape is null) return false;
        }
        return true;
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

    /// <summary>A YAML document as JSON, scalars typed by YAML 1.2's core schema (as the YAML language server reads them).</summary>
    private static JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Plain(p.Value ?? ""),
        YamlScalarNode q => JsonValue.Create(q.Value),
        _ => null,
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Regex.IsMatch(value, @"^[-+]?[0-9]+$") && long.TryParse(value, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")) return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        return JsonValue.Create(value);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
