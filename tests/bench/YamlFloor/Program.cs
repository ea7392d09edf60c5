// YamlDotNet's floor: the time to parse every YAML file of a source folder (already read into memory) on all cores,
// (1) as parsing events only, nothing kept, and (2) into YamlDotNet's node tree, which is what the loader reads records
// from. The best of three rounds of each is printed, wall and CPU. A build cannot load its catalog faster than (1).
//
// Usage: dotnet run -c Release --project tests/bench/YamlFloor -- SOURCE_FOLDER
using System.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: YamlFloor SOURCE_FOLDER");
    return 2;
}
var texts = Directory.EnumerateFiles(args[0], "*.*", SearchOption.AllDirectories)
    .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
var chars = texts.Sum(t => (long)t.Length);

long events = 0;
var parse = Best(() =>
{
    long n = 0;
    Parallel.ForEach(texts, text =>
    {
        var parser = new Parser(new StringReader(text));
        long mine = 0;
        while (parser.MoveNext()) mine++;
        Interlocked.Add(ref n, mine);
    });
    events = n;
});
var tree = Best(() => Parallel.ForEach(texts, text => new YamlStream().Load(new StringReader(text))));

Console.WriteLine($"{texts.Length:N0} YAML files, {chars / 1e6:0.0} M characters, {events:N0} parsing events, {Environment.ProcessorCount} cores");
Console.WriteLine($"events only: {parse.Wall.TotalMilliseconds:0} ms wall, {parse.Cpu.TotalMilliseconds:0} ms CPU");
Console.WriteLine($"node tree:   {tree.Wall.TotalMilliseconds:0} ms wall, {tree.Cpu.TotalMilliseconds:0} ms CPU");
return 0;

static (TimeSpan Wall, TimeSpan Cpu) Best(Action run)
{
    (TimeSpan Wall, TimeSpan Cpu) best = (TimeSpan.MaxValue, TimeSpan.MaxValue);
    for (var round = 0; round < 3; round++)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        var wall = clock.Elapsed;
        process.Refresh();
        if (wall < best.Wall) best = (wall, process.TotalProcessorTime - cpu);
    }
    return best;
}
