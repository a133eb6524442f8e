using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsSearch.Cli.Tests;

/// <summary><c>index</c> on JSON Lines, standard input, globs, pruning, progress and long lists of rejections.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void StandardInput_IsReadAsJsonLines_AndAPipeGetsOneSummaryLine()
    {
        cli.StandardInput = Encoding.UTF8.GetBytes(
            "{\"id\": \"w1\", \"date\": \"2023-03-07T09:00:00-05:00\", \"title\": \"Stocks\", \"body\": \"NEW YORK, March 7 (Reuters) - Stocks rose.\"}\n");

        var result = cli.Run("index", "-");
        var search = cli.Run("search", "title:stocks");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1 added, 0 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(result.Out));
        Assert.Equal("", result.Error);
        Assert.Contains(" 1. 2023-03-07 · New York\n    Stocks\n    Stocks rose.\n", search.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_HeadlineOnly_IsIndexed_AndShownOnceWithItsMatchesMarked()
    {
        cli.Write("briefs.jsonl", "{\"id\": \"b1\", \"date\": \"1987-03-02\", \"title\": \"BANK OF JAPAN BUYS DOLLARS\"}\n");

        Assert.Equal(0, cli.Run("index", "briefs.jsonl").ExitCode);
        var search = cli.Run("search", "japan");

        Assert.Equal(" 1. 1987-03-02\n    BANK OF **JAPAN** BUYS DOLLARS\n    b1\n", search.Out.Split("\n\n", 2)[1]);
    }

    [Fact]
    public void ManyRejections_ShowTheFirstTen_AndCountTheRestByReason()
    {
        var lines = Enumerable.Range(1, 25).Select(i => i % 5 == 0
            ? "{\"id\": \"bad" + i.ToString(CultureInfo.InvariantCulture) + "\", \"date\": \"soon\", \"body\": \"x\"}"
            : "{\"id\": \"brief" + i.ToString(CultureInfo.InvariantCulture) + "\", \"title\": null}");
        cli.Write("feed.jsonl", string.Join('\n', lines.Append("{\"id\": \"ok\", \"body\": \"Fine.\"}")));

        var result = cli.Run("index", "feed.jsonl");

        Assert.Equal(1, result.ExitCode);
        Expected.Matches("index-many-rejected.stderr.txt", result.Error);
        Assert.Equal("1 added, 0 updated, 0 unchanged, 25 rejected (TIME) into ./index\n", CliRunner.Normalize(result.Out));
    }

    [Fact]
    public void IncludeExcludeAndPrune_FromTheCommandLine()
    {
        cli.Write("in/a.txt", "date 2023-01-01 Paris: One.");
        cli.Write("in/b.txt", "date 2023-01-02 Rome: Two.");
        cli.Write("in/drafts/c.txt", "date 2023-01-03 Oslo: Draft.");
        cli.Write("in/notes.md", "not an article");

        var first = cli.Run("index", "in", "--include", "*.txt", "--exclude", "drafts");
        File.Delete(Path.Combine(cli.WorkingDirectory, "in", "b.txt"));
        var second = cli.Run("index", "in", "--include", "*.txt", "--exclude", "drafts", "--prune");

        Assert.Equal("2 added, 0 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(first.Out));
        Assert.Equal("0 added, 0 updated, 1 unchanged, 1 deleted, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(second.Out));
    }

    [Fact]
    public void Json_CountsDeletedAndStages()
    {
        cli.Write("in/a.txt", "date 2023-01-01 Paris: One.");

        var result = cli.Run("index", "in", "--json", "--threads", "3");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("deleted").GetInt32());
        Assert.False(root.GetProperty("interrupted").GetBoolean());
        Assert.Equal(27, root.GetProperty("text_bytes").GetInt64());
        Assert.Equal(3, root.GetProperty("stages").GetProperty("threads").GetInt32());
        Assert.True(root.GetProperty("stages").GetProperty("write").GetDouble() >= 0);
    }

    [Fact]
    public void OnATerminal_ProgressIsDrawnOnStandardError_AndCleared()
    {
        cli.ErrorTerminal = true;
        cli.Write("in/a.txt", "date 2023-01-01 Paris: One.");

        var result = cli.Run("index", "in");

        Assert.Equal(0, result.ExitCode);
        // The runner turns the carriage returns that redraw the line into line breaks.
        Assert.Contains("1 articles", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Error.Split('\n')[^1].Trim());
        Assert.Equal("1 added, 0 updated, 0 unchanged, 0 rejected (TIME) into ./index\n", CliRunner.Normalize(result.Out));
    }

    [Theory]
    [InlineData("--include", "reut-0000?.txt", "newssearch: --include 'reut-0000?.txt': only '*' (within a name) and '**' (any folders) are supported")]
    [InlineData("--threads", "0", "newssearch: --threads must be between 1 and 64, not 0")]
    [InlineData("--ram-buffer", "0.5", "newssearch: --ram-buffer must be between 1 and 2048 MB, not 0.5")]
    public void BadOptions_ExitTwo_WithAMessage(string option, string value, string message)
    {
        cli.Write("in/a.txt", "date 2023-01-01 Paris: One.");

        var result = cli.Run("index", "in", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalDatelines_WithoutCorpora_ExitsTwo_AndSaysWhereToPointIt()
    {
        var result = cli.Run("eval", "datelines", "--corpora", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: no corpora folder at ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--corpora DIR", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500L, 1000L, 10.0, false, "[############............]  50%  0:10 left  1,000 articles  100/s  in/feed.jsonl")]
    [InlineData(0L, null, 2.0, false, "1,000 articles  500/s  in/feed.jsonl")]
    [InlineData(1000L, 1000L, 4.0, true, "[████████████████████████] 100%  1,000 articles  250/s  in/feed.jsonl")]
    public void ProgressLine_ShowsBarRateAndTimeLeft(long read, long? total, double seconds, bool unicode, string expected)
    {
        var progress = new IngestProgress(1000, 0, "in/feed.jsonl")
        {
            InputBytesRead = read, InputBytesTotal = total, Elapsed = TimeSpan.FromSeconds(seconds),
        };

        Assert.Equal(expected, Output.ProgressLine.Format(progress, unicode));
    }

    [Theory]
    [InlineData("no body: the record has neither \"body\" nor \"title\" text to index", "no body")]
    [InlineData("bad date '07/03/2023': write YYYY-MM-DD", "bad date")]
    [InlineData("impossible date 2023-02-30: February 2023 has 28 days", "impossible date")]
    [InlineData("not JSON ('x' is an invalid start of a value at byte 1): each line", "not JSON")]
    public void RejectionsAreCountedByKind(string reason, string kind)
    {
        Assert.Equal(kind, Commands.IndexCommand.ReasonKind(reason));
    }
}
