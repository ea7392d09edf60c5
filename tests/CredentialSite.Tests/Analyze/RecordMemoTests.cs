using CredentialSite.Analyze;

namespace CredentialSite.Tests.Analyze;

public sealed class RecordMemoTests
{
    private sealed record Rec(string Name);

    [Fact]
    public void AValue_IsReused_OnlyForTheSameRecordWithTheSameInputs()
    {
        var memo = new RecordMemo<Rec, string>();
        var made = 0;
        string Make(Rec r) => $"{r.Name}#{++made}";
        var record = new Rec("a");
        var input = new Rec("input");

        Assert.Equal("a#1", memo.Get(record, [input, "x", 1], Make));
        // Strings and numbers compare by value, records by reference.
        Assert.Equal("a#1", memo.Get(record, [input, new string('x', 1), 1], Make));
        Assert.Equal("a#2", memo.Get(record, [input with { }, "x", 1], Make)); // an equal but different record: a changed file
        Assert.Equal("a#3", memo.Get(record, [input with { }, "y", 1], Make));
        Assert.Equal("a#4", memo.Get(record with { }, [], Make)); // equal value, another record
        Assert.Equal(4, made);
    }
}
