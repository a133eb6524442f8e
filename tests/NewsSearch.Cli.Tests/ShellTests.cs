using System.Text.Json;
using System.Text;
using System.Text.RegularExpressions;
using NewsSearch.Cli.Shell;

namespace NewsSearch.Cli.Tests;

/// <summary>
/// Scripted shell sessions (lines on standard input, as from a pipe) compared with expected transcripts, on an
/// archive this test writes: twelve articles about grain from January to April 2023, and a few others.
/// </summary>
public sealed class ShellTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ShellTests()
    {
        var archive = new StringBuilder();
        var days = new[] { "2023-01-16", "2023-01-30", "2023-02-02", "2023-02-14", "2023-03-01", "2023-03-01", "2023-03-02", "2023-03-08", "2023-03-15", "2023-03-29", "2023-04-11", "2023-04-20" };
        var places = new[] { "Kyiv", "Moscow", "Kyiv", "Ankara", "KYIV", "Geneva", "Kyiv", "Moscow", "Istanbul", "Kyiv", "Odesa", "Ankara" };
        var speakers = new[] { "Volodymyr Zelenskiy", "Sergei Lavrov", "Volodymyr Zelenskiy", "Recep Erdogan", "Volodymyr Zelenskiy", "Antonio Guterres", "Dmytro Kuleba", "Sergei Lavrov", "Recep Erdogan", "Volodymyr Zelenskiy", "Oleh Kiper", "Recep Erdogan" };
        for (var i = 0; i < days.Length; i++)
        {
            archive.Append($"date {days[i]} {places[i]}: {speakers[i]} said the grain deal {Outcome(i)}. Shipments of grain number {i + 1} left the ports.\n\n");
        }
        archive.Append("date 2023-03-05 Paris: Emmanuel Macron said the summit would discuss energy prices.\n\n");
        archive.Append("date 2023-03-06 Rome: Giorgia Meloni said the invisible hand of the market had failed farmers.\n");
        cli.Write("archive/2023.txt", archive.ToString());
        // One worker keeps the articles in file order, so equal scores list in a fixed order for the transcripts.
        Assert.Equal(0, cli.Run("index", "archive", "--threads", "1").ExitCode);
        cli.WithEnvironment(ShellHistory.EnvironmentVariable, Path.Combine(cli.WorkingDirectory, "history"));
    }

    public void Dispose() => cli.Dispose();

    /// <summary>
    /// A session on a terminal of this size (no colours), through the session's input abstraction. When
    /// <paramref name="interactive"/>, the lines stand for what a person types, the pager's answers included.
    /// </summary>
    private string TerminalSession(int width, int height, bool interactive, params string[] lines)
    {
        using var output = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = output,
            OutputIsTerminal = true,
            TerminalWidth = width,
            TerminalHeight = height,
            WorkingDirectory = cli.WorkingDirectory,
            GetEnvironmentVariable = name => name == "NO_COLOR" ? "1" : null,
        };
        var location = IndexLocation.Resolve(null, context);
        using var index = location.OpenForReading(context);
        using var input = new TextLineInput(new StringReader(string.Join('\n', lines)), context.CreateConsole(), interactive);
        new ShellSession(context, index, location, input).Run();
        return CliRunner.Normalize(output.ToString().ReplaceLineEndings("\n"));
    }

    private static string Outcome(int i) => (i % 3) switch { 0 => "must hold", 1 => "would be extended", _ => "was at risk" };

    /// <summary>Runs the shell on the lines; the output with timings and the test's own folder replaced.</summary>
    private CliResult Session(params string[] lines)
    {
        var result = cli.Shell(lines);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        return result with { Out = CliRunner.Normalize(result.Out).Replace(cli.WorkingDirectory, "WORK", StringComparison.Ordinal) };
    }

    [Fact]
    public void QueryPagesAndOpen_Transcript()
    {
        var result = Session("grain", ":next", ":prev", ":open 11", ":quit", "never read");

        Expected.Matches("shell-query-pages-open.txt", result.Out);
        Assert.DoesNotContain("never read", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void FiltersPersist_ShowInThePrompt_AndRerunTheQuery_Transcript()
    {
        var result = Session(":speaker zelenskiy", "grain", ":from 2023-02", ":sort -date", ":to 2023-01", ":dateline kyiv", ":clear", ":dateline ankara", ":all", ":speaker lavrov", "grain", ":clear", "zeppelin");

        Expected.Matches("shell-filters.txt", result.Out);
        Assert.Contains("newssearch [from 2023-02 · speaker zelenskiy · sort -date]> :to 2023-01", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreReported_AndTheSessionGoesOn_Transcript()
    {
        var result = Session(":next", ":open 1", "\"grain deal", "grain AND (deal", ":form 2023", ":sort", ":sort sideways", ":sort dtae", ":speaker !!!", ":from 2023-13", "energy", ":open 5", ":quotes \"grain deal\"", "-grain", "energy");

        Expected.Matches("shell-errors.txt", result.Out);
        Assert.Equal(2, Regex.Count(result.Out, "1 match for energy"));
    }

    [Fact]
    public void Help_ListsEveryCommand_WithItsExamples()
    {
        var result = Session(":help");

        Expected.Matches("shell-help.txt", result.Out);
        foreach (var action in ShellActions.All)
        {
            Assert.Contains(action.Usage, result.Out, StringComparison.Ordinal);
            foreach (var example in action.Examples)
            {
                Assert.Contains(example, result.Out, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Stats_DescribeTheWholeIndex_Transcript()
    {
        var result = Session(":speaker lavrov", ":stats");

        Expected.Matches("shell-stats.txt", result.Out);
    }

    [Fact]
    public void Timeline_CountsMatchesPerMonth_FromFirstToLastMatch()
    {
        var result = Session("grain");

        // 2 in January, 2 in February, 6 in March, 2 in April: the March column is the full height.
        Assert.Contains("by month   2023-01-16 to 2023-04-20 · peak 6 in 2023-03", result.Out, StringComparison.Ordinal);
        var chart = result.Out.Split('\n').SkipWhile(l => !l.StartsWith("by month", StringComparison.Ordinal)).Skip(1).Take(6).ToList();
        Assert.StartsWith("        6 │", chart[0], StringComparison.Ordinal);
        Assert.StartsWith("          └──", chart[4], StringComparison.Ordinal);
        Assert.Equal(["2023-01", "2023-04"], chart[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var bars = chart.Take(4).Select(l => l[11..]).ToList();
        var heights = Enumerable.Range(0, 4).Select(column => bars.Count(l => l.Length > column * 6 && l[column * 6] != ' ')).ToList();
        Assert.Equal([2, 2, 4, 2], heights);
    }

    [Fact]
    public void NoCommand_OpensTheShell_OnTheDefaultIndex_BuiltFromSeeds()
    {
        using var fresh = new CliRunner();
        fresh.CopySeeds();
        fresh.WithEnvironment(ShellHistory.EnvironmentVariable, Path.Combine(fresh.WorkingDirectory, "history"));
        fresh.Input = "\"invisible hand\"\n";

        var result = fresh.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("newssearch: no index at ./index yet: building it from ./seeds\n", result.Error);
        Assert.Contains("1 match for \"invisible hand\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("by day     all 1 on 2023-03-07", result.Out, StringComparison.Ordinal);
        Assert.Equal(CliRunner.Normalize(result.Out), CliRunner.Normalize(fresh.Run("shell").Out));
    }

    [Fact]
    public void Quotes_SearchWhatPeopleSaid_UnderTheSessionFilters()
    {
        using var fresh = new CliRunner();
        fresh.CopySeeds();
        fresh.WithEnvironment(ShellHistory.EnvironmentVariable, Path.Combine(fresh.WorkingDirectory, "history"));
        fresh.Input = ":quotes \"invisible hand\"\n:dateline kyiv\n:quotes \"invisible hand\"\n:clear\n:speaker zelensky\n:quotes\n";

        var result = fresh.Run("shell");

        Assert.Equal(0, result.ExitCode);
        var parts = result.Out.Split("newssearch", StringSplitOptions.None);
        var first = Assert.Single(parts, p => p.Contains(":quotes \"invisible hand\"\n2 quotations", StringComparison.Ordinal));
        Assert.Contains("Qin Gang · 2023-03-07 · New Delhi", first, StringComparison.Ordinal);
        Assert.Contains("No quotations for \"invisible hand\".", result.Out, StringComparison.Ordinal);
        Assert.Contains("Volodymyr Zelenskiy · 2023-03-07", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Qin Gang · 2023-03-07", result.Out.Split(":speaker zelensky")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Related_ListsArticlesLikeAResult_NeverTheResultItself()
    {
        var result = Session("summit energy", ":related 1", ":related 9", ":quit");

        var related = result.Out.Split("> :related 1\n")[1].Split("newssearch")[0];
        Assert.StartsWith("13 articles like 2023.txt#13\ncompared on: ", related, StringComparison.Ordinal);
        Assert.DoesNotContain("    2023.txt#13\n", related, StringComparison.Ordinal);
        Assert.Contains("error: usage: :related N, with N a result's number from 1 to 1", result.Out, StringComparison.Ordinal);

        var grain = Session("grain", ":related 1", ":quit").Out.Split("> :related 1\n")[1];
        Assert.Matches(@"^\d+ articles like 2023\.txt#1\n", grain);
        Assert.DoesNotContain("    2023.txt#1\n", grain, StringComparison.Ordinal);
    }

    [Fact]
    public void Elasticsearch_WritesTheCurrentSearch_WithItsFiltersAndPage()
    {
        var result = Session(":elasticsearch", ":from 2023-01", "grain", ":next", ":elasticsearch", ":quit");

        Assert.Contains("error: no search to write: type a query (or :all) first", result.Out, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(result.Out.Split("> :elasticsearch\n")[2].Split("newssearch")[0]);
        var root = body.RootElement;
        Assert.Equal("2023-01-01", root.GetProperty("query").GetProperty("bool").GetProperty("filter")[0].GetProperty("range").GetProperty("date").GetProperty("gte").GetString());
        Assert.Equal(10, root.GetProperty("from").GetInt32());
        Assert.True(root.GetProperty("aggs").TryGetProperty("speakers", out _));
    }

    [Fact]
    public void MissingIndex_IsAnError_BeforeTheSessionStarts()
    {
        var result = cli.Run("shell", "--index", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("newssearch: no index at 'nowhere'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_GetsStyles_PipeAndNoColorGetPlainText()
    {
        string[] script = ["grain", ":open 1", "\"grain"];

        var piped = Session(script);
        cli.Terminal = true;
        var styled = Session(script);
        cli.WithEnvironment("NO_COLOR", "1");
        var noColor = Session(script);

        Assert.DoesNotContain('\u001b', piped.Out);
        Assert.Contains("**grain**", piped.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[", styled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("**grain**", styled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', noColor.Out);
        Assert.Contains("**grain**", noColor.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    public void Width_FollowsTheTerminal(int width)
    {
        var result = TerminalSession(width, 40, interactive: false, "grain");

        var lines = result.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        Assert.Contains(lines, line => line.Length > width - 20);
    }

    [Fact]
    public void LongArticle_IsPaged_WhenAPersonReadsATerminal_NotForAScriptOrAPipe()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i => $"Paragraph {i}: the grain talks went on.");
        cli.Write("long/long.txt", "date 2023-05-01 Kyiv: " + string.Join("\n\n", paragraphs));
        cli.Run("index", "long");

        // A person at a terminal answers the pager: Enter for the next page, q to stop.
        var paged = TerminalSession(80, 20, interactive: true, "\"talks went\"", ":open 1", "", "q", ":quit");
        Expected.Matches("shell-paged.txt", paged.Replace(cli.WorkingDirectory, "WORK", StringComparison.Ordinal));

        // A script on a terminal, or a pipe: the whole text, and the next line is the next command.
        cli.Terminal = true;
        cli.WithEnvironment("NO_COLOR", "1");
        var scripted = Session("\"talks went\"", ":open 1", "zeppelin");
        cli.Terminal = false;
        var piped = Session("\"talks went\"", ":open 1");
        foreach (var output in new[] { scripted.Out, piped.Out })
        {
            Assert.DoesNotContain("Enter for the next page", output, StringComparison.Ordinal);
            Assert.Contains("Paragraph 30: the grain **talks went** on.", output, StringComparison.Ordinal);
        }
        Assert.Contains("No matches for zeppelin", scripted.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileArticle_EscapeSequencesNeverReachTheTerminal()
    {
        cli.Write("hostile/evil.txt",
            "date 2023-06-01 Pa\u001b[31mris: Evil \u001b]0;pwned\u0007Person said the grain \u001b[2J deal \u009b31m was \u202Eoff.");
        cli.Run("index", "hostile");
        cli.Terminal = true;

        var result = Session("grain", ":dateline pa\u001b[31mris", ":open 1", ":stats", ":speaker \u001b[2J", "\u001b[31m");

        Assert.DoesNotContain("\u001b[31m", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b]0;", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', result.Out);
        Assert.DoesNotContain('\u009b', result.Out);
        Assert.DoesNotContain('\u202E', result.Out);
        Assert.Contains("\uFFFD", result.Out, StringComparison.Ordinal);
    }
}
