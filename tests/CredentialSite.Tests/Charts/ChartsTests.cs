using CredentialSite.Charts;

namespace CredentialSite.Tests.Charts;

public sealed class ChartsTests
{
    [Fact]
    public void Numbers_HaveAtMostTwoDecimals_AndNoNegativeZero()
    {
        Assert.Equal("12.5", Svg.N(12.5));
        Assert.Equal("0.33", Svg.N(1 / 3.0));
        Assert.Equal("0", Svg.N(-0.001));
        Assert.Contains("width=\"12.5\"", Svg.Rect(0, 0, 12.5, 1, "x"));
    }

    [Fact]
    public void Stacked_NamesTheChart_AndGivesItsDataAsText()
    {
        var html = Bars.Stacked("rigor", "Rigor of <API>", [new("Strongest method", 56, 70), new("Calibrated assessors", 10, 10)], 100, "points");
        Assert.StartsWith("<figure class=\"chart\" id=\"rigor\"><svg role=\"img\" aria-labelledby=\"rigor-t\"", html);
        Assert.Contains("<title id=\"rigor-t\">Rigor of &lt;API&gt;</title>", html);
        Assert.Contains("<li>Strongest method: 56 of 70 points</li>", html);
        Assert.Contains("<li>Total: 66 of 100 points</li>", html);
        Assert.Contains("width=\"313.6\"", html); // 56 of 100 of 560
    }

    [Fact]
    public void Charts_AreTheSameBytes_EachTime()
    {
        string Make() => Series.Chart("m", "Lead time", "days", [new(new DateOnly(2026, 1, 1), 9), new(new DateOnly(2026, 6, 1), 4.5)], "lower")
            + Timeline.Chart("t", "Badges", [new("A", new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1), new DateOnly(2028, 1, 1), "valid")], new DateOnly(2026, 11, 1), null)
            + Pathway.Chart("p", "B", ["A"], ["C", "D"])
            + Matrix.Chart("x", "Map", "Badge", ["Role 1"], [("A", [new MatrixCell("R", 4, "required")])], "legend");
        Assert.Equal(Make(), Make());
    }

    [Theory]
    [InlineData(9, 4.5, "lower", "better")]
    [InlineData(9, 4.5, "higher", "worse")]
    [InlineData(3, 3, "higher", "unchanged")]
    [InlineData(1, 2, null, null)]
    public void Series_JudgesTheChange_ByWhichWayIsBetter(double first, double last, string? better, string? verdict) =>
        Assert.Equal(verdict, Series.Judge(first, last, better));

    [Fact]
    public void Series_SaysTheChangeInWords_NotOnlyInColour()
    {
        var html = Series.Chart("m", "Lead time", "days", [new(new DateOnly(2026, 6, 1), 4.5), new(new DateOnly(2026, 1, 1), 9)], "lower");
        Assert.Contains("▼ -4.5 days, better", html);
        Assert.Contains("<li>Jan 2026: 9 days</li><li>Jun 2026: 4.5 days</li>", html); // in date order
        Assert.Contains("(better; lower is better)", html);
    }

    [Fact]
    public void Matrix_RepeatsItsCellsAsATable()
    {
        var html = Matrix.Chart("x", "Map", "Badge", ["Role 1", "Role 2"], [("A", [new MatrixCell("R", 4, "required"), null])], "legend");
        Assert.Contains("<tr><th scope=\"row\">A</th><td>required</td><td>—</td></tr>", html);
        Assert.Contains("role=\"region\"", html);
    }

    [Fact]
    public void Timeline_ListsEachBadgeWithItsDates()
    {
        var html = Timeline.Chart("t", "Badges", [new("A", new DateOnly(2025, 3, 1), null, null, "valid")], new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 15));
        Assert.Contains("<li>A: issued 1 March 2025, does not expire; valid</li>", html);
        Assert.Contains("<li>Promotion decision: 15 January 2027</li>", html);
    }

    [Fact]
    public void Timeline_NearTheCalendarsEnd_EndsThere()
    {
        var html = Timeline.Chart("t", "Badges", [new("A", new DateOnly(9999, 6, 1), DateOnly.MaxValue, null, "valid")], new DateOnly(9999, 12, 1), null);
        Assert.Contains("<li>A: issued 1 June 9999, expires 31 December 9999; valid</li>", html);
    }
}
