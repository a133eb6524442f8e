using System.Text.Json;

namespace NewsSearch.Cli.Tests;

public sealed class IndexCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void AllGood_ExitZero_SummaryCountsAddedUpdatedUnchanged()
    {
        cli.Write("in/a.txt", "date 2023-01-01 Paris: One.\n\ndate 2023-01-02 Rome: Two.");
        cli.Write("in/b.txt", "date 2023-01-03 Oslo: Three.");

        var first = cli.Run("index", "in");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("3 added, 0 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(first.Out));
        Assert.Equal("", first.Error);

        cli.Write("in/b.txt", "date 2023-01-03 Oslo: Three, revised.");
        var second = cli.Run("index", "in");
        Assert.Equal("0 added, 1 updated, 2 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(second.Out));

        var search = cli.Run("search", "--json", "--limit", "0");
        Assert.Contains("\"total\": 3", search.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void NoExtract_IndexesTextWithoutSpeakers_ALaterRunWithExtractionAddsThem()
    {
        cli.Write("in/a.txt", "date 2023-03-07 Beijing: \"Relations are good,\" Qin Gang said on Tuesday.");

        var textOnly = cli.Run("index", "in", "--no-extract");
        Assert.Equal("1 added, 0 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(textOnly.Out));
        Assert.Contains("\"total\": 1", cli.Run("search", "relations", "--json").Out, StringComparison.Ordinal);
        Assert.Contains("\"total\": 0", cli.Run("search", "relations", "--speaker", "Qin Gang", "--json").Out, StringComparison.Ordinal);

        // Same text, but this run extracts: the article is not "unchanged".
        var extracted = cli.Run("index", "in");
        Assert.Equal("0 added, 1 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(extracted.Out));
        Assert.Contains("\"total\": 1", cli.Run("search", "relations", "--speaker", "Qin Gang", "--json").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedInput_IsReportedWithPathAndLine_RestIsIndexed_ExitOne()
    {
        cli.Write("in/good.txt", "date 2023-01-01 Paris: Fine.");
        cli.Write("in/bad.txt", "date 2023-01-01 Paris: Fine.\n\ndate 2023-02-30 Rome: Impossible.");
        cli.Write("in/empty.txt", "");

        var result = cli.Run("index", "in");

        Assert.Equal(1, result.ExitCode);
        Expected.Matches("index-rejected.stderr.txt", result.Error);
        Assert.Equal("2 added, 0 updated, 0 unchanged, 2 rejected (TIME) into ./index\n", CliRunner.Normalize(result.Out));
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        cli.Write("in/good.txt", "date 2023-01-01 Paris: Fine.");
        cli.Write("in/bad.txt", "no header here");

        var result = cli.Run("index", "in", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("added").GetInt32());
        Assert.Equal(0, root.GetProperty("updated").GetInt32());
        Assert.Equal(0, root.GetProperty("unchanged").GetInt32());
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        var rejected = root.GetProperty("rejected")[0];
        Assert.Equal("in/bad.txt", rejected.GetProperty("source").GetString());
        Assert.Equal(1, rejected.GetProperty("line").GetInt32());
        Assert.StartsWith("no header line", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void NothingToRead_ExitTwo()
    {
        var result = cli.Run("index", "does-not-exist");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newssearch: no such file or folder: does-not-exist\n", result.Error);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "index")));
    }

    [Fact]
    public void IndexFolderInsideInput_IsNotReadAsArticles()
    {
        cli.Write("a.txt", "date 2023-01-01 Paris: Fine.");

        cli.Run("index", ".");
        var again = cli.Run("index", ".");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("0 added, 0 updated, 1 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(again.Out));
    }
}
