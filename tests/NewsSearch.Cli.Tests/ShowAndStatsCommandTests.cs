using System.Text.Json;

namespace NewsSearch.Cli.Tests;

public sealed class ShowAndStatsCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ShowAndStatsCommandTests()
    {
        cli.CopySeeds();
        cli.Run("index", "seeds");
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Show_PrintsFieldsAndText()
    {
        var result = cli.Run("show", "2023-03-07-new-delhi-qin-gang-invisible-hand.txt");

        Assert.Equal(0, result.ExitCode);
        var expected = result.Out.Replace(Path.Combine(cli.WorkingDirectory, "seeds"), "SEEDS", StringComparison.Ordinal);
        Expected.Matches("show-seed.txt", expected);
    }

    [Fact]
    public void Show_Json_HasFieldsAndText()
    {
        var result = cli.Run("show", "2023-03-07-new-delhi-qin-gang-invisible-hand.txt", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("2023-03-07", root.GetProperty("date").GetString());
        Assert.Equal("New Delhi", root.GetProperty("dateline").GetString());
        Assert.StartsWith("China's Foreign Minister Qin Gang", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, root.GetProperty("speakers").GetArrayLength());
    }

    [Fact]
    public void Show_UnknownId_ExitOne()
    {
        var result = cli.Run("show", "nope.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("newssearch: no article with id 'nope.txt' in ./index\n", result.Error);
    }

    [Fact]
    public void Stats_Text()
    {
        var result = cli.Run("stats");

        Assert.Equal(0, result.ExitCode);
        Expected.Matches("stats-seed.txt", result.Out);
    }

    [Fact]
    public void Stats_Json()
    {
        var result = cli.Run("stats", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("articles").GetInt32());
        Assert.Equal("2023-03-07", root.GetProperty("first_date").GetString());
        Assert.Equal("2023-03-07", root.GetProperty("last_date").GetString());
        Assert.Equal(1, root.GetProperty("datelines").GetProperty("New Delhi").GetInt32());
        Assert.Equal(1, root.GetProperty("speakers").GetProperty("Qin Gang").GetInt32());
        Assert.Equal(1, root.GetProperty("speakers").GetProperty("Volodymyr Zelenskiy").GetInt32());
    }
}
