using System.Text.Json;

namespace NewsSearch.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public SearchCommandTests() => cli.CopySeeds();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void FirstSearch_BuildsTheDefaultIndexFromSeeds_AndSaysSoOnStderr()
    {
        var result = cli.Run("search", "\"invisible hand\"");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("newssearch: no index at ./index yet: building it from ./seeds\n", result.Error);
        Assert.True(Directory.Exists(Path.Combine(cli.WorkingDirectory, "index")));
        Expected.Matches("search-invisible-hand.txt", result.Out);

        var again = cli.Run("search", "\"invisible hand\"");
        Assert.Equal("", again.Error);
        Assert.Equal(result.Out, again.Out);
    }

    [Fact]
    public void Json_IsOneDocumentWithTheDocumentedShape()
    {
        var result = cli.Run("search", "\"invisible hand\"", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("\"invisible hand\"", root.GetProperty("query").GetString());
        Assert.Equal(1, root.GetProperty("total").GetInt32());
        var hit = root.GetProperty("hits")[0];
        Assert.Equal("2023-03-07-new-delhi-qin-gang-invisible-hand.txt", hit.GetProperty("id").GetString());
        Assert.True(hit.GetProperty("score").GetSingle() > 0);
        Assert.Equal("2023-03-07", hit.GetProperty("date").GetString());
        Assert.Equal("New Delhi", hit.GetProperty("dateline").GetString());
        Assert.Equal(["Qin Gang", "Volodymyr Zelenskiy"], hit.GetProperty("speakers").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("**invisible hand**", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public void ManyMatches_AreCountedUpTo1000_ThenShownAsAtLeast_UnlessCountAllIsGivenOrTheIndexKnows()
    {
        // 1,500 articles about grain, the first 40 about little else: past 1,000 matches the search may skip articles
        // that cannot make the page.
        var lines = Enumerable.Range(0, 1_500).Select(i => JsonSerializer.Serialize(new
        {
            id = $"g{i}",
            date = "2024-01-02",
            body = i < 40 ? "Grain prices rose as grain exports fell; grain, grain and grain." : $"Report {i} on grain harvests and the weather.",
        }));
        cli.Write("grain.jsonl", string.Join('\n', lines) + "\n");
        Assert.Equal(0, cli.Run("index", "grain.jsonl", "--index", "grain").ExitCode);

        // Two words: how many articles hold either is only known by counting them.
        var quick = cli.Run("search", "grain prices", "--index", "grain", "--json");
        var all = cli.Run("search", "grain prices", "--index", "grain", "--json", "--count-all");
        var text = cli.Run("search", "grain prices", "--index", "grain", "--limit", "1");
        // One word in an index without deletions: its postings say how many articles hold it.
        var word = cli.Run("search", "grain", "--index", "grain", "--json");

        using var quickJson = JsonDocument.Parse(quick.Out);
        using var allJson = JsonDocument.Parse(all.Out);
        using var wordJson = JsonDocument.Parse(word.Out);
        Assert.False(quickJson.RootElement.GetProperty("total_exact").GetBoolean());
        Assert.InRange(quickJson.RootElement.GetProperty("total").GetInt32(), 1_000, 1_499);
        Assert.True(allJson.RootElement.GetProperty("total_exact").GetBoolean());
        Assert.Equal(1_500, allJson.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(
            allJson.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            quickJson.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.True(wordJson.RootElement.GetProperty("total_exact").GetBoolean());
        Assert.Equal(1_500, wordJson.RootElement.GetProperty("total").GetInt32());
        Assert.StartsWith("At least 1,", text.Out, StringComparison.Ordinal);
        Assert.Contains(" matches for grain prices", text.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("speaker:\"Qin Gang\"")]
    [InlineData("dateline:\"New Delhi\"")]
    [InlineData("date:2023-03-07")]
    public void FieldedQueries_FindTheSeed(string query)
    {
        Assert.Equal(0, cli.Run("search", query).ExitCode);
    }

    [Theory]
    [InlineData("--speaker", "Qin Gang", 0)]
    [InlineData("--speaker", "Zelensky Nobody", 1)]
    [InlineData("--dateline", "NEW DELHI", 0)]
    [InlineData("--dateline", "Kyiv", 1)]
    [InlineData("--from", "2023-03-07", 0)]
    [InlineData("--from", "2023-03-08", 1)]
    [InlineData("--to", "2023-03", 0)]
    [InlineData("--to", "2023-02", 1)]
    public void Filters_WithoutQuery_ListWhatTheyMatch(string option, string value, int exitCode)
    {
        var result = cli.Run("search", option, value);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Error.Replace("newssearch: no index at ./index yet: building it from ./seeds\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void NoMatch_ExitsOne()
    {
        cli.Run("search", "hand");
        var result = cli.Run("search", "zeppelin");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No matches for zeppelin.\n", result.Out);
    }

    [Theory]
    [InlineData("\"invisible hand", "unbalanced-quote.txt")]
    [InlineData("(ukraine OR russia", "unbalanced-paren.txt")]
    [InlineData("date:2023-02-30", "impossible-date.txt")]
    [InlineData("speekr:obama", "unknown-field.txt")]
    [InlineData("-obama", "only-excludes.txt")]
    public void QueryError_OneLineOnStderr_ExitTwo_NoStackTrace(string query, string expectedFile)
    {
        cli.Run("search", "hand");

        var result = cli.Run("search", query);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Expected.Matches(expectedFile, result.Error);
    }

    [Fact]
    public void MissingIndex_IsAnErrorNamingIt()
    {
        var result = cli.Run("search", "hand", "--index", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newssearch: no index at 'nowhere': build one with 'newssearch index <folder>' (or point --index at an existing one)\n", result.Error);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "nowhere")));
    }

    [Fact]
    public void EnvironmentVariable_ChoosesTheIndex_AndOptionOverridesIt()
    {
        cli.Run("index", "seeds", "--index", "other");
        cli.WithEnvironment("NEWSSEARCH_INDEX", "other");

        Assert.Equal(0, cli.Run("search", "hand").ExitCode);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingDirectory, "index")), "the default index must not be built when another is chosen");
        Assert.Equal(2, cli.Run("search", "hand", "--index", "missing").ExitCode);
    }

    [Theory]
    [InlineData("--limt", "--limit")]
    [InlineData("--form", "--from")]
    [InlineData("--jsno", "--json")]
    public void MistypedOption_IsAnError_WithSuggestion(string typo, string suggestion)
    {
        var result = cli.Run("search", typo, "3", "hand");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"did you mean '{suggestion}'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptionValues_AreErrors()
    {
        Assert.Contains("there is no month 13", cli.Run("search", "hand", "--from", "2023-13").Error, StringComparison.Ordinal);
        Assert.Contains("--limit must be between 0 and 10000", cli.Run("search", "hand", "--limit", "-1").Error, StringComparison.Ordinal);
        Assert.Equal(2, cli.Run("search", "hand", "--sort", "sideways").ExitCode);
        Assert.Contains("empty date range", cli.Run("search", "--from", "2023-04", "--to", "2023-03").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_And_SortByDate()
    {
        cli.Write("more/a.txt", "date 2023-01-01 Paris: A hand in January.\n\ndate 2023-02-01 Rome: A hand in February.");
        cli.Run("index", "seeds", "more");

        var oldest = cli.Run("search", "hand", "--sort", "date", "--limit", "1", "--json");
        var newest = cli.Run("search", "hand", "--sort", "-date", "--limit", "1", "--offset", "0", "--json");
        var second = cli.Run("search", "hand", "--sort", "date", "--limit", "1", "--offset", "1", "--json");

        Assert.Contains("\"id\": \"a.txt#1\"", oldest.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"2023-03-07-new-delhi-qin-gang-invisible-hand.txt\"", newest.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"a.txt#2\"", second.Out, StringComparison.Ordinal);
        Assert.Contains("\"rank\": 2", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_MarksMatchesInBold_PipeUsesPlainMarks_NoColorIsRespected()
    {
        cli.Run("search", "hand");

        cli.Terminal = true;
        var styled = cli.Run("search", "\"invisible hand\"");
        Assert.Contains("\u001b[", styled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("**", styled.Out, StringComparison.Ordinal);

        cli.WithEnvironment("NO_COLOR", "1");
        var noColor = cli.Run("search", "\"invisible hand\"");
        Assert.DoesNotContain("\u001b", noColor.Out, StringComparison.Ordinal);
        Assert.Contains("**invisible hand**", noColor.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileArticle_EscapeSequencesNeverReachTheTerminal()
    {
        cli.Write("hostile/evil.txt", "date 2023-01-01 Pa\u001b[31mris: The \u001b]0;pwned\u0007 hand \u001b[2J clears screens.");
        cli.Run("index", "hostile");
        cli.Terminal = true;

        var result = cli.Run("search", "hand");
        var shown = cli.Run("show", "evil.txt");

        foreach (var output in new[] { result.Out, shown.Out })
        {
            Assert.DoesNotContain("\u001b[31m", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b]0;", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[2J", output, StringComparison.Ordinal);
            Assert.DoesNotContain('\u0007', output);
        }
    }
}
