using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SchemaBuildOptions = Json.Schema.BuildOptions;

namespace CredentialSite.Tests.Support;

/// <summary>
/// The 1EdTech Open Badges 3.0 JSON Schemas vendored in Vendor/ob3/schema, evaluated by JsonSchema.Net as draft
/// 2019-09 with <c>format</c> asserted (a <c>validFrom</c> that is not a date-time is an error). The schemas are
/// registered in a registry of their own that never fetches: a <c>$ref</c> to anything not registered here fails
/// instead of going to the network.
/// </summary>
public static class Ob3Schemas
{
    private static readonly SchemaRegistry Registry = new()
    {
        Fetch = (uri, _) => throw new InvalidOperationException($"schema {uri} is not vendored; the tests never fetch one"),
    };

    private static readonly SchemaBuildOptions Build = new()
    {
        SchemaRegistry = Registry,
        Dialect = Dialect.Draft201909,
    };

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    public static Ob3Schema Credential { get; } = Load("achievementcredential.json");

    public static Ob3Schema Endorsement { get; } = Load("endorsementcredential.json");

    public static Ob3Schema Profile { get; } = Load("profile.json");

    /// <summary>The Achievement class of the AchievementCredential schema, for a badge definition on its own.</summary>
    public static Ob3Schema Achievement { get; } = Credential.Part("#/$defs/Achievement");

    /// <summary>A schema given as text, built with the same registry and options (for tests of the setup itself).</summary>
    public static Ob3Schema FromText(string json) => new(JsonSchema.FromText(json, Build), Evaluation);

    private static Ob3Schema Load(string file) =>
        new(JsonSchema.FromFile(Path.Combine(TestPaths.Ob3Schemas, file), Build), Evaluation);

    public sealed class Ob3Schema(JsonSchema schema, EvaluationOptions options)
    {
        /// <summary>A sub-schema of this one, by its JSON pointer fragment (e.g. "#/$defs/Achievement").</summary>
        public Ob3Schema Part(string fragment) => FromText(new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$ref"] = schema.BaseUri.GetLeftPart(UriPartial.Query) + fragment,
        }.ToJsonString());

        /// <summary>
        /// One "instanceLocation: message [evaluation path]" per failed keyword on the path of the failure; empty when
        /// valid. Keywords that failed inside a passing branch (one alternative of a oneOf, an item a contains skipped)
        /// are left out: they are not why the document is invalid.
        /// </summary>
        public IReadOnlyList<string> Validate(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var results = schema.Evaluate(doc.RootElement, options);
            var errors = new List<string>();
            Collect(results, errors);
            // A failed evaluation always names a failed keyword; never let an invalid document pass as an empty list.
            if (!results.IsValid && errors.Count == 0) errors.Add("(root): invalid");
            return errors.Distinct().ToList();
        }

        private static void Collect(EvaluationResults node, List<string> errors)
        {
            if (node.IsValid) return;
            foreach (var (keyword, message) in node.Errors ?? [])
                errors.Add($"{Location(node)}: {message} [{node.EvaluationPath}{(keyword.Length > 0 ? "/" + keyword : "")}]");
            foreach (var child in node.Details ?? []) Collect(child, errors);
        }

        private static string Location(EvaluationResults r)
        {
            var pointer = r.InstanceLocation.ToString();
            return pointer.Length == 0 ? "(root)" : pointer;
        }
    }
}
