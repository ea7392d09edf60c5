using CredentialSite.Analyze;

namespace CredentialSite.Tests.Analyze;

public sealed class ReverseLinksTests
{
    private sealed record Rec(string Name, string[] Names);

    private static readonly Rec[] Records =
    [
        new("a", ["x", "y"]),
        new("b", ["y", "y"]), // names y twice: listed once
        new("c", []),
        new("d", ["z", "x"]),
    ];

    private static readonly string[] Ids = ["x", "y", "z", "none"];

    private static string Answer(ReverseLinks<Rec> links, string id) => id + ":" + string.Join(",", links[id].Select(r => r.Name));

    [Fact]
    public void TheFirstLookups_ScanTheRecords_AndLaterOnesUseTheMap_WithTheSameAnswers()
    {
        var scanned = 0;
        var links = new ReverseLinks<Rec>(Records, r => { scanned++; return r.Names; });

        var first = Ids.Select(id => Answer(links, id)).ToList();
        Assert.Equal(["x:a,d", "y:a,b", "z:d", "none:"], first);
        Assert.Equal(Ids.Length * Records.Length, scanned); // each lookup read every record: no map yet

        // Past the scans, the map is made once and answers alone.
        for (var i = first.Count; i < ReverseLinks<Rec>.Scans; i++) links["x"].ToList();
        scanned = 0;
        var later = Ids.Select(id => Answer(links, id)).ToList();
        Assert.Equal(Records.Length, scanned);
        Assert.Equal(first, later);
        Assert.Equal(first, Ids.Select(id => Answer(links, id)));
        Assert.Equal(Records.Length, scanned);
    }
}
