using System.Text.Json;

namespace NewsSearch.Cli.Tests;

/// <summary><c>quotes</c>, <c>extract</c> and <c>eval quotes</c>, run as a user would.</summary>
public sealed class QuotationCommandTests : IDisposable
{
    private const string SeedId = "2023-03-07-new-delhi-qin-gang-invisible-hand.txt";
    private readonly CliRunner cli = new();

    public QuotationCommandTests() => cli.CopySeeds();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Quotes_Seed_InvisibleHand_IsQinGangInNewDelhi()
    {
        cli.Run("index", "seeds");

        var result = cli.Run("quotes", "\"invisible hand\"");

        Assert.Equal(0, result.ExitCode);
        Expected.Matches("quotes-invisible-hand.txt", result.Out);
    }

    [Fact]
    public void Quotes_Json_HasTheDocumentedShape()
    {
        cli.Run("index", "seeds");

        var result = cli.Run("quotes", "\"invisible hand\"", "--json", "--limit", "1");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("\"invisible hand\"", root.GetProperty("query").GetString());
        Assert.Equal(2, root.GetProperty("total").GetInt32());
        var quote = Assert.Single(root.GetProperty("quotes").EnumerateArray());
        Assert.Equal(SeedId, quote.GetProperty("article_id").GetString());
        Assert.Equal("2023-03-07", quote.GetProperty("date").GetString());
        Assert.Equal("New Delhi", quote.GetProperty("dateline").GetString());
        Assert.Equal("Qin Gang", quote.GetProperty("speaker").GetString());
        Assert.Contains("**invisible hand**", quote.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, quote.GetProperty("source").ValueKind);
    }

    [Theory]
    [InlineData("Zelensky", 0)]
    [InlineData("Zelenskyy", 0)]
    [InlineData("Zelenko", 1)]
    public void Quotes_SpeakerVariants(string speaker, int exitCode)
    {
        cli.Run("index", "seeds");

        Assert.Equal(exitCode, cli.Run("quotes", "--speaker", speaker).ExitCode);
    }

    [Fact]
    public void Quotes_BadQuery_IsAnError()
    {
        cli.Run("index", "seeds");

        var result = cli.Run("quotes", "body:hand");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: query error: unknown field 'body'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_Json_CountsQuotationsPerSpeaker()
    {
        cli.Run("index", "seeds");

        using var json = JsonDocument.Parse(cli.Run("stats", "--json").Out);

        Assert.Equal(8, json.RootElement.GetProperty("quotations").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("quotes_by_speaker").GetProperty("Qin Gang").GetInt32());
    }

    [Fact]
    public void Extract_Json_IsOneLinePerArticle_WithOffsetsIntoTheBody()
    {
        cli.Write("more/two.txt", "date 2023-05-02 Washington: \"We are ready,\" said Antony Blinken.\n\ndate 2023-05-03 Ottawa: No quotes here.\n");

        var result = cli.Run("extract", "seeds", "more", "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        using var seed = JsonDocument.Parse(lines[0]);
        var root = seed.RootElement;
        Assert.Equal(SeedId, root.GetProperty("id").GetString());
        Assert.Equal("2023-03-07", root.GetProperty("date").GetString());
        Assert.Equal("New Delhi", root.GetProperty("dateline").GetString());
        Assert.Equal(["Qin Gang", "Volodymyr Zelenskiy"], root.GetProperty("speakers").EnumerateArray().Select(s => s.GetString()));
        var quotes = root.GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal(8, quotes.Count);
        var minister = quotes.Single(q => q.GetProperty("text").GetString()!.StartsWith("The more unstable", StringComparison.Ordinal));
        Assert.Equal("Qin Gang", minister.GetProperty("speaker").GetString());
        Assert.Equal("the minister", minister.GetProperty("source").GetProperty("text").GetString());
        Assert.True(minister.GetProperty("start").GetInt32() < minister.GetProperty("end").GetInt32());
        var withdraw = quotes.Single(q => q.GetProperty("text").GetString() == "not to withdraw");
        Assert.Equal(JsonValueKind.Null, withdraw.GetProperty("speaker").ValueKind);
        Assert.Equal("his top military commanders, who", withdraw.GetProperty("source").GetProperty("text").GetString());

        using var blinken = JsonDocument.Parse(lines[1]);
        Assert.Equal("two.txt#1", blinken.RootElement.GetProperty("id").GetString());
        Assert.Equal("Antony Blinken", blinken.RootElement.GetProperty("quotes")[0].GetProperty("speaker").GetString());
        using var none = JsonDocument.Parse(lines[2]);
        Assert.Equal(0, none.RootElement.GetProperty("quotes").GetArrayLength());
    }

    [Fact]
    public void Extract_RejectedInput_IsReportedAndExitsOne()
    {
        cli.Write("bad.txt", "no header line here\n");

        var result = cli.Run("extract", "seeds", "bad.txt", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Out.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("newssearch: bad.txt:1: no header line", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ReadsJsonLinesAndWireDatelines_LikeIndex()
    {
        cli.Write("feed.jsonl",
            """
            {"id": "w1", "date": "2024-05-02", "body": "KYIV (Reuters) - \"We will not give up,\" Volodymyr Zelenskiy said on Thursday."}
            {"id": "w2", "date": "2024-05-02"}

            """);

        var result = cli.Run("extract", "feed.jsonl", "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(result.Out.TrimEnd('\n').Split('\n')));
        Assert.Equal("w1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("KYIV", json.RootElement.GetProperty("dateline").GetString());
        var quote = Assert.Single(json.RootElement.GetProperty("quotes").EnumerateArray());
        Assert.Equal("Volodymyr Zelenskiy", quote.GetProperty("speaker").GetString());
        Assert.StartsWith("newssearch: feed.jsonl:2: no body", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Text_ListsSpeakersAndQuotations()
    {
        var result = cli.Run("extract", "seeds");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("speakers: Qin Gang, Volodymyr Zelenskiy", result.Out, StringComparison.Ordinal);
        Assert.Contains("(Western strategists): “Beijing wants", result.Out, StringComparison.Ordinal);
        Assert.Contains("(his top military commanders, who): “not to withdraw”", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalQuotes_WithoutACorpus_SaysWhatIsMissing()
    {
        var result = cli.Run("eval", "quotes", "--polnear", "nowhere", "--split", "dev");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: no PolNeAR corpus in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalQuotes_TestSplit_IsRefused()
    {
        var result = cli.Run("eval", "quotes", "--polnear", "nowhere", "--split", "test");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: the PolNeAR test split is withheld", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalQuotes_NoCorporaFolder_SaysHowToNameIt()
    {
        var result = cli.Run("eval", "quotes", "--corpora", "no-such-corpora");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no corpora folder at", result.Error, StringComparison.Ordinal);
        Assert.Contains("--corpora DIR", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalQuotes_UnknownOption_NamesTheSubcommand()
    {
        var result = cli.Run("eval", "quotes", "--splitt", "dev");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("run 'newssearch eval quotes --help' for usage\n", result.Error, StringComparison.Ordinal);
    }
}
