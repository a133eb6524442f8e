using System.Text.Json;

namespace NewsSearch.Cli.Tests;

/// <summary><c>search --counts</c>: every match counted by speaker, dateline and period, as text and in --json.</summary>
public sealed class SearchCountsTests : IDisposable
{
    private readonly CliRunner cli = new();

    public SearchCountsTests()
    {
        cli.Write("in/a.txt", string.Join("\n\n",
            "date 2023-03-01 Kyiv: Volodymyr Zelenskiy said the grain deal must hold.",
            "date 2023-03-01 KYIV: Volodymyr Zelenskiy said grain exports resumed, and Dmytro Kuleba told reporters the deal held.",
            "date 2023-03-04 Moscow: Sergei Lavrov said the grain deal would not be extended.",
            "date 2023-03-10 Ankara: Recep Erdogan said Turkey would keep the grain corridor open.",
            "date 2023-03-11 Paris: Emmanuel Macron said energy prices would fall."));
        // One worker keeps the articles in file order, so equal scores list in a fixed order for the expected output.
        cli.Run("index", "in", "--threads", "1");
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Text_ListsSpeakersDatelinesAndOneBarPerDay()
    {
        var result = cli.Run("search", "grain", "--counts", "--limit", "1");

        Assert.Equal(0, result.ExitCode);
        Expected.Matches("search-counts.txt", result.Out);
    }

    [Fact]
    public void Json_HasCountsBySpeakerDatelineAndPeriod()
    {
        var result = cli.Run("search", "grain", "--counts", "--json", "--limit", "0");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(4, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal([("Volodymyr Zelenskiy", 2), ("Dmytro Kuleba", 1), ("Recep Erdogan", 1), ("Sergei Lavrov", 1)], Counts(json, "speaker"));
        Assert.Equal([("Kyiv", 2), ("Ankara", 1), ("Moscow", 1)], Counts(json, "dateline"));
        var periods = Counts(json, "period");
        Assert.Equal(10, periods.Count);
        Assert.Equal(("2023-03-01", 2), periods[0]);
        Assert.Equal(("2023-03-02", 0), periods[1]);
        Assert.Equal(("2023-03-10", 1), periods[^1]);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public void Counts_FollowTheFilters()
    {
        var result = cli.Run("search", "grain", "--counts", "--json", "--speaker", "Zelenskiy");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal([("Kyiv", 2)], Counts(json, "dateline"));
        Assert.Equal([("2023-03-01", 2)], Counts(json, "period"));
    }

    /// <summary>One of the "counts" maps, in the order written.</summary>
    private static List<(string, int)> Counts(JsonDocument json, string key) =>
        json.RootElement.GetProperty("counts").GetProperty(key).EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();

    [Fact]
    public void WithoutCounts_JsonHasNoCounts()
    {
        var result = cli.Run("search", "grain", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.TryGetProperty("counts", out _));
    }

    [Fact]
    public void NoMatch_PrintsNoCounts_ExitOne()
    {
        var result = cli.Run("search", "zeppelin", "--counts");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No matches for zeppelin.\n", result.Out);
    }
}
