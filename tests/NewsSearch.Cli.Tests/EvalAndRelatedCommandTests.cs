using System.Text.Json;

namespace NewsSearch.Cli.Tests;

/// <summary><c>eval relevance</c>, <c>eval latency</c>, <c>related</c> and <c>search --explain</c>, on files the tests write.</summary>
public sealed class EvalAndRelatedCommandTests : IDisposable
{
    private const string Corpus = """
        {"id": "t1", "date": "1963-05-10", "dateline": "", "title": "", "body": "BUDDHIST MONKS PROTESTED IN SAIGON AGAINST THE GOVERNMENT OF PRESIDENT DIEM ."}
        {"id": "t2", "date": "1963-05-17", "dateline": "", "title": "", "body": "THE TEST BAN TREATY TALKS RESUMED IN GENEVA WITH SOVIET DELEGATES ."}
        {"id": "t3", "date": "1963-05-24", "dateline": "", "title": "", "body": "WHEAT SALES TO RUSSIA WERE DEBATED IN CANADA AND THE UNITED STATES ."}
        {"id": "t4", "date": "1963-05-31", "dateline": "", "title": "", "body": "MONKS IN SAIGON BURNED THEMSELVES ; DIEM'S GOVERNMENT BLAMED THE BUDDHIST LEADERS ."}

        """;

    private readonly CliRunner cli = new();

    public EvalAndRelatedCommandTests()
    {
        cli.Write("corpus.jsonl", Corpus);
        cli.Write("queries.tsv", "1\tBUDDHIST MONKS AND PRESIDENT DIEM .\n2\tTEST BAN TREATY\n3\tWHEAT DEALS\n");
        cli.Write("qrels", "1 0 t1 1\n1 0 t4 1\n2 0 t2 1\n3 0 t1 1\n");
        cli.Write("bench.txt", "terms: monks saigon\nand: test treaty\nphrase: test ban | date: 1963-05-01..1963-05-31\n");
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void EvalRelevance_PrintsTheTable_PerQuery_AndARunFile()
    {
        var result = cli.Run("eval", "relevance", "--corpus", "corpus.jsonl", "--queries", "queries.tsv", "--qrels", "qrels", "--per-query", "--run", "run.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Expected.Matches("eval-relevance.txt", result.Out);
        var run = File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "run.txt"));
        Assert.StartsWith("1 Q0 t", run[0], StringComparison.Ordinal);
        Assert.EndsWith(" newssearch-default", run[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRelevance_Json_IsOneDocument_AndBm25IsSelectable()
    {
        var result = cli.Run("eval", "relevance", "--corpus", "corpus.jsonl", "--queries", "queries.tsv", "--qrels", "qrels", "--ranking", "bm25", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("bm25", root.GetProperty("ranking").GetString());
        Assert.Equal(4, root.GetProperty("articles").GetInt32());
        Assert.Equal(3, root.GetProperty("all").GetProperty("queries").GetInt32());
        Assert.Equal(2, root.GetProperty("odd").GetProperty("queries").GetInt32());
        Assert.Equal(1.0, root.GetProperty("even").GetProperty("map").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("per_query").ValueKind);
    }

    [Fact]
    public void EvalRelevance_AgainstARanking_PrintsBothAndTheDifferences()
    {
        var result = cli.Run("eval", "relevance", "--corpus", "corpus.jsonl", "--queries", "queries.tsv", "--qrels", "qrels", "--against", "bm25", "--per-query");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Expected.Matches("eval-relevance-against.txt", result.Out);
    }

    [Fact]
    public void EvalRelevance_AgainstARunFile_MeasuresIt_AndWarnsOfQueriesItLacks()
    {
        // Another engine's run: query 2's article first, query 1's relevant articles below an unjudged one, query 3 missing.
        cli.Write("other.run", "1 Q0 t2 1 9.5 other\n1 Q0 t4 2 3.25 other\n1 Q0 t1 3 3 other\n2 Q0 t2 1 4 other\n");

        var result = cli.Run("eval", "relevance", "--corpus", "corpus.jsonl", "--queries", "queries.tsv", "--qrels", "qrels", "--against", "other.run", "--per-query", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("newssearch: other.run ranks nothing for 1 of the 3 judged queries; they count as finding nothing\n", result.Error.ReplaceLineEndings("\n"));
        using var json = JsonDocument.Parse(result.Out);
        var against = json.RootElement.GetProperty("against");
        Assert.Equal("other.run", against.GetProperty("ranking").GetString());
        Assert.Equal(((1.0 / 2) + (2.0 / 3)) / 2, json.RootElement.GetProperty("per_query")[0].GetProperty("ap_against").GetDouble(), 12);
        var all = against.GetProperty("difference").GetProperty("all");
        Assert.True(all.GetProperty("exact").GetBoolean());
        Assert.Equal(1, all.GetProperty("map").GetProperty("better").GetInt32());
        Assert.Equal(0, all.GetProperty("map").GetProperty("worse").GetInt32());
        // One query differs: flipping it or not, the sum is as far from zero, so nothing is shown.
        Assert.Equal(1.0, all.GetProperty("map").GetProperty("p").GetDouble(), 12);
    }

    [Fact]
    public void EvalRelevance_AgainstNeitherRankingNorFile_IsAnError()
    {
        var result = cli.Run("eval", "relevance", "--corpus", "corpus.jsonl", "--queries", "queries.tsv", "--qrels", "qrels", "--against", "bm52");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: --against 'bm52': not a ranking (default, bm25) and no such run file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRelevance_MissingFile_IsAnError()
    {
        var result = cli.Run("eval", "relevance", "--corpus", "nope.jsonl", "--queries", "queries.tsv", "--qrels", "qrels");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("newssearch: cannot read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalLatency_ReportsBothRankingsAndTheRatio()
    {
        var result = cli.Run("eval", "latency", "--corpus", "corpus.jsonl", "--queries", "bench.txt", "--repeats", "2", "--warmup", "1", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("queries").GetInt32());
        Assert.True(root.GetProperty("bm25").GetProperty("p50_us").GetDouble() > 0);
        Assert.True(root.GetProperty("p50_ratio").GetDouble() > 0);
    }

    [Fact]
    public void SearchExplain_ShowsWhyEachHitScored_InTextAndJson()
    {
        var index = Path.Combine(cli.WorkingDirectory, "ix");
        cli.Write("articles/monks.txt", "date 1963-05-10 Saigon: Buddhist monks protested against the government.\n\n"
            + "date 1963-05-31 Saigon: The monks in Saigon blamed the government.\n");
        Assert.Equal(0, cli.Run("index", "--index", index, Path.Combine(cli.WorkingDirectory, "articles")).ExitCode);

        var text = cli.Run("search", "--index", index, "buddhist monks", "--explain");
        var json = cli.Run("search", "--index", index, "buddhist monks", "--explain", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("score ", text.Out, StringComparison.Ordinal);
        Assert.Contains("buddhist  (1× here, in 1 article)", text.Out, StringComparison.Ordinal);
        Assert.Contains("\"buddhist monk\" close together", text.Out, StringComparison.Ordinal);
        Assert.Contains("in the first words", text.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var parts = document.RootElement.GetProperty("hits")[0].GetProperty("explanation").GetProperty("parts");
        Assert.Contains(parts.EnumerateArray(), p => p.GetProperty("kind").GetString() == "term" && p.GetProperty("text").GetString() == "monk");
        Assert.Contains(parts.EnumerateArray(), p => p.GetProperty("kind").GetString() == "proximity");

        var plain = cli.Run("search", "--index", index, "buddhist monks", "--json");
        Assert.False(JsonDocument.Parse(plain.Out).RootElement.GetProperty("hits")[0].TryGetProperty("explanation", out _));
    }

    [Fact]
    public void Related_WithBefore_ListsOnlyEarlierArticles()
    {
        var index = Path.Combine(cli.WorkingDirectory, "ix");
        cli.Write("articles/a.txt", "date 2023-02-06 Ankara: A powerful earthquake struck Turkey; rescuers searched the rubble for survivors.\n\n"
            + "date 2023-02-08 Ankara: Rescuers pulled survivors from the rubble after the earthquake in Turkey.\n\n"
            + "date 2023-03-01 Ankara: A month after the earthquake, survivors in Turkey live in tents beside the rubble.\n");
        Assert.Equal(0, cli.Run("index", "--index", index, Path.Combine(cli.WorkingDirectory, "articles")).ExitCode);

        var all = cli.Run("related", "--index", index, "a.txt#2");
        var before = cli.Run("related", "--index", index, "a.txt#2", "--before", "2023-02-08", "--json");
        var asOf = cli.Run("related", "--index", index, "a.txt#2", "--as-of", "--json");
        var missing = cli.Run("related", "--index", index, "nope.txt");

        Assert.Equal(0, all.ExitCode);
        Assert.StartsWith("2 articles like a.txt#2\ncompared on: ", all.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(before.Out);
        Assert.Equal("2023-02-08", json.RootElement.GetProperty("before").GetString());
        Assert.Equal(["a.txt#1"], json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(before.Out, asOf.Out);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no article with id 'nope.txt'", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_UnknownValue_IsAnError()
    {
        var result = cli.Run("search", "x", "--ranking", "tfidf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'bm25'", result.Error, StringComparison.Ordinal);
    }
}
