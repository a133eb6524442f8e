using NewsSearch.Cli.Output;

namespace NewsSearch.Cli.Tests;

/// <summary>The timeline drawn as text: columns for the shell, rows for search --counts.</summary>
public sealed class TimelineChartTests
{
    private static List<PeriodCount> Days(params int[] counts) =>
        counts.Select((count, i) => new PeriodCount(new DateOnly(2023, 3, 1).AddDays(i), PeriodUnit.Day, count)).ToList();

    [Fact]
    public void Columns_RiseWithTheCounts_EmptyPeriodsStayEmpty_AnyMatchShows()
    {
        var lines = TimelineChart.Columns(Days(8, 0, 4, 1), width: 40, height: 2, gutter: 4);

        // 34 columns for 4 periods: each 6 wide (a bar of 5 and a gap); 2 lines of 8 steps each.
        Assert.Equal(
        [
            "  8 │█████",
            "    │█████       █████ ▂▂▂▂▂",
            "    └" + new string('─', 24),
            "     2023-03-01    2023-03-04",
        ], lines);
    }

    [Fact]
    public void Columns_MorePeriodsThanColumns_AreSummedIntoFewerColumns()
    {
        var periods = Enumerable.Range(0, 300).Select(i => new PeriodCount(new DateOnly(1700, 1, 1).AddYears(i), PeriodUnit.Year, 1)).ToList();

        var lines = TimelineChart.Columns(periods, width: 80, height: 4, gutter: 6);

        // 72 columns for 300 years: 60 columns of 5 years each, one character wide.
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        Assert.Equal("    5 │" + new string('█', 60), lines[0]);
        Assert.Equal(new string(' ', 7) + "1700" + new string(' ', 52) + "1999", lines[^1]);
    }

    [Fact]
    public void Rows_OneBarPerPeriod_LongestForThePeak()
    {
        var lines = TimelineChart.Rows(Days(2, 0, 1), width: 40);

        Assert.Equal(
        [
            "  2023-03-01  2  █████████████████████",
            "  2023-03-02  0",
            "  2023-03-03  1  ██████████▌",
        ], lines);
    }
}
