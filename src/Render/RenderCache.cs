using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CredentialSite.Render;

/// <summary>
/// Lets a rebuild skip rendering a page whose inputs did not change. A page's key hashes everything its
/// HTML can depend on: the build-wide inputs (tool version, templates, the site view and the names the link
/// functions look up; see <see cref="BuildKey"/>), its template, its metadata and JSON-LD, and its view model.
/// Keys live in a file beside the output folder (never in the published site) and are saved only after a
/// successful write, so a key always describes the file that is on disk. A kept page's links are still
/// checked, from the file on disk, against this build's files.
/// </summary>
public sealed class RenderCache
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        WriteIndented = false,
        // A key is a hash, not a document: a number JSON cannot write (NaN, infinity) must not fail it.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new Fingerprints(), new Candidates() },
    };

    private readonly IReadOnlyDictionary<string, string> _previous;
    private readonly IReadOnlySet<string> _previousFiles;
    private readonly ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly string _buildKey;
    private IReadOnlyCollection<string> _files = [];

    private RenderCache(string file, string buildKey, IReadOnlyDictionary<string, string> previous, IReadOnlySet<string> previousFiles)
    {
        _file = file;
        _buildKey = buildKey;
        _previous = previous;
        _previousFiles = previousFiles;
    }

    /// <summary>The cache of the output folder, or an empty one when there is none.</summary>
    public static RenderCache Open(string outputFolder, string buildKey)
    {
        var output = Path.GetFullPath(outputFolder);
        var file = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.render-cache");
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            // Lines: "page<TAB>key" for rendered pages, "@<TAB>path" for every file the site had.
            if (File.Exists(file) && Directory.Exists(output))
                foreach (var line in File.ReadLines(file))
                {
                    var tab = line.IndexOf('\t');
                    if (tab <= 0) continue;
                    if (line[..tab] == "@") files.Add(line[(tab + 1)..]);
                    else previous[line[..tab]] = line[(tab + 1)..];
                }
        }
        catch (IOException)
        {
            previous.Clear(); // an unreadable cache only costs a full render
            files.Clear();
        }
        return new RenderCache(file, buildKey, previous, files);
    }

    /// <summary>
    /// Whether a kept page's links need checking again: only when a file the previous site had is gone (its links
    /// were all valid then, and adding files cannot break them).
    /// </summary>
    public bool FilesRemoved(IReadOnlySet<string> sitePaths)
    {
        _files = sitePaths;
        return _previousFiles.Count == 0 || !_previousFiles.IsSubsetOf(sitePaths);
    }

    /// <summary>The key of one page; equal keys mean byte-identical HTML.</summary>
    public string Key(string template, PageMeta meta, object model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Texts are hashed as their UTF-16 bytes, without a copy. The JSON-LD (a badge page's alone is 15 KB) is hashed
        // as the UTF-8 it is made in (escaping it into the metadata's JSON first doubled the cost of a badge page's key).
        void Text(string text)
        {
            hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
            hash.AppendData("\n"u8);
        }
        Text(_buildKey);
        Text(template);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(meta with { JsonLd = [] }, Json));
        foreach (var script in meta.JsonLd)
        {
            hash.AppendData(script.Utf8());
            hash.AppendData("\n"u8);
        }
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(model, model.GetType(), Json));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Whether the page with this key was rendered into the output before and can be kept as it is.</summary>
    public bool IsUnchanged(string outputPath, string key, string outputFolder)
    {
        _current[outputPath] = key;
        return _previous.TryGetValue(outputPath, out var old) && old == key && File.Exists(Path.Combine(outputFolder, outputPath));
    }

    /// <summary>Records the keys and files of this build; call after the output was written.</summary>
    public void Save()
    {
        var lines = _current.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "\t" + kv.Value)
            .Concat(_files.Order(StringComparer.Ordinal).Select(f => "@\t" + f));
        var temp = _file + ".tmp";
        File.WriteAllLines(temp, lines);
        File.Move(temp, _file, overwrite: true);
    }

    /// <summary>
    /// What every page may depend on besides its own model: the tool's code, the templates, the site view and the
    /// names and ids the link functions look up.
    /// </summary>
    public static string BuildKey(Theme theme, object siteView, IEnumerable<string> lookups)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        // The code that makes pages: this tool's, the template engine's and the Markdown renderer's, each by its module
        // id, which changes whenever its code does (builds are deterministic; a version number stays the same from one
        // commit of the tool to the next), and the .NET runtime, which encodes and formats.
        foreach (var assembly in new[] { typeof(RenderCache).Assembly, typeof(Scriban.Template).Assembly, typeof(Markdig.Markdown).Assembly })
            Add(assembly.ManifestModule.ModuleVersionId.ToString());
        Add(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        Add(theme.TemplatesHash);
        Add(JsonSerializer.Serialize(siteView, siteView.GetType(), Json));
        foreach (var l in lookups) Add(l);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// A readiness rule's candidates (the badges it accepts minus those held) are the rule's accepted list, shared by
    /// every person, minus a few ids: written as the list's hash (computed once per list) and those ids, not as the
    /// thousands of ids a rule can accept in a large catalog.
    /// </summary>
    private sealed class Candidates : JsonConverter<IReadOnlyList<string>>
    {
        private static readonly ConditionalWeakTable<IReadOnlyList<string>, string> Hashes = new();

        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("page keys are only written");

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
        {
            if (value is Analyze.Readiness.Without without)
            {
                writer.WriteStartObject();
                writer.WriteString("of", Hashes.GetValue(without.Sorted, list => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', list))))));
                writer.WriteStartArray("without");
                foreach (var id in without.Held.Order(StringComparer.Ordinal)) writer.WriteStringValue(id);
                writer.WriteEndArray();
                writer.WriteEndObject();
                return;
            }
            writer.WriteStartArray();
            foreach (var item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Writes a catalog record (or a badge card) into a page key as a hash of its contents, computed once per record
    /// and shared by every page that shows it. A badge's record appears in many pages' models (its page, holders'
    /// portfolios, lists); serializing it whole into each key cost more than rendering. Records are immutable, so the
    /// hash of an instance never changes; <c>serve</c> keeps unchanged records from build to build, and their hashes.
    /// </summary>
    private sealed class Fingerprints : JsonConverterFactory
    {
        private static readonly HashSet<Type> Types =
        [
            typeof(Model.Badge), typeof(Model.Issuer), typeof(Model.Framework), typeof(Model.Competency), typeof(Model.Ladder),
            typeof(Model.Role), typeof(Model.Portfolio), typeof(BadgeCard),
        ];

        private static readonly ConditionalWeakTable<object, string> Hashes = new();

        public override bool CanConvert(Type typeToConvert) => Types.Contains(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Fingerprint<>).MakeGenericType(typeToConvert))!;

        private sealed class Fingerprint<T> : JsonConverter<T> where T : class
        {
            private static readonly System.Reflection.PropertyInfo[] Properties =
                typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("page keys are only written");

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(Hashes.GetValue(value, v => Hash(v, options)));

            // Property by property (not the record as a whole, which would come back to this converter); records
            // inside it are fingerprinted in turn.
            private static string Hash(object value, JsonSerializerOptions options)
            {
                // Buffers kept by the thread (per record type; one per level when a record holds records of its own
                // type): a badge's record is 15 KB of JSON, and growing a new buffer to that size for every record was a
                // third of the garbage page keys made.
                var spare = _spare ??= new();
                var buffer = spare.Count > 0 ? spare.Pop() : new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
                try
                {
                    using (var json = new Utf8JsonWriter(buffer))
                    {
                        json.WriteStartObject();
                        foreach (var p in Properties)
                        {
                            json.WritePropertyName(p.Name);
                            JsonSerializer.Serialize(json, p.GetValue(value), p.PropertyType, options);
                        }
                        json.WriteEndObject();
                    }
                    return Convert.ToHexString(SHA256.HashData(buffer.WrittenSpan));
                }
                finally
                {
                    buffer.ResetWrittenCount();
                    spare.Push(buffer);
                }
            }

            [ThreadStatic] private static Stack<System.Buffers.ArrayBufferWriter<byte>>? _spare;
        }
    }
}
