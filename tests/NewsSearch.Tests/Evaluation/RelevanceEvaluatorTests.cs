using System.IO.Compression;
using System.Text;
using NewsSearch.Evaluation;

namespace NewsSearch.Tests.Evaluation;

/// <summary>The evaluation path end to end, on a small collection this test writes: corpus, queries, judgments.</summary>
public sealed class RelevanceEvaluatorTests : IDisposable
{
    private const string Corpus = """
        {"id": "a1", "date": "1963-05-10", "dateline": "", "title": "", "body": "Buddhist monks protested in Saigon against the government of Diem."}
        {"id": "a2", "date": "1963-05-17T10:00:00", "dateline": "GENEVA", "title": "", "body": "The test ban treaty talks resumed in Geneva with Soviet delegates."}
        {"id": "a3", "date": null, "dateline": "", "title": "", "body": "Wheat sales to Russia were debated in Canada and the United States."}
        not json at all
        {"id": "a4", "date": "1963-06-01", "dateline": "", "title": "BRIEF: MONKS RALLY IN SAIGON", "body": ""}

        """;

    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Corpus_GzippedOrNot_IndexesEveryArticle_AndReportsBadLines()
    {
        var plain = folder.Write("corpus.jsonl", Corpus);
        var gzipped = folder.WriteBytes("corpus.jsonl.gz", Gzip(Corpus));

        foreach (var path in new[] { plain, gzipped })
        {
            using var index = NewsIndex.CreateInMemory();
            var report = EvaluationCorpus.IndexInto(index, path);

            Assert.Equal(4, report.Articles);
            Assert.Equal(4, report.Skipped.Single().Line);
            Assert.Equal(new DateOnly(1963, 5, 17), index.Get("a2")!.Article.Date);
            Assert.Null(index.Get("a3")!.Article.Date);

            // A brief has only a headline: it becomes the text, so it can be found.
            Assert.Contains("a4", index.Search(new SearchRequest { Query = "rally" }).Hits.Select(h => h.Id));
        }
    }

    [Fact]
    public void Evaluate_MeasuresEachJudgedQuery_AndSplitsOddAndEvenIds()
    {
        using var index = NewsIndex.CreateInMemory();
        EvaluationCorpus.IndexInto(index, folder.Write("corpus.jsonl", Corpus));
        var queries = EvaluationFiles.ReadQueries(folder.Write("q.tsv", "1\tBUDDHIST MONKS AND DIEM .\n2\tTEST BAN TREATY\n3\tWHEAT (DEALS)\n4\tnothing judged\n"));
        var judgments = EvaluationFiles.ReadJudgments(folder.Write("qrels", "1 0 a1 1\n1 0 a4 1\n2 0 a2 1\n3 0 a1 1\n3 0 a3 0\n"));

        var report = RelevanceEvaluator.Evaluate(index, queries, judgments, SearchRanking.Bm25);

        Assert.Equal(3, report.All.Queries);
        Assert.Equal(1, report.UnjudgedQueries);
        Assert.Equal(["1", "2", "3"], report.Queries.Select(q => q.QueryId));
        Assert.Equal(1.0, report.Queries[1].AveragePrecision, 12);
        Assert.Equal(0, report.Queries[2].AveragePrecision);
        Assert.Equal(2, report.Odd.Queries);
        Assert.Equal(1, report.Even.Queries);
        Assert.Equal(1.0, report.Even.MeanAveragePrecision, 12);
        Assert.Equal((report.Queries[0].AveragePrecision + 0) / 2, report.Odd.MeanAveragePrecision, 12);
    }

    [Fact]
    public void Corpus_IsNumberedInFileOrder_SoTiesRankTheSameInEveryRun()
    {
        // Forty articles alike but for their ids: every one scores the same, and Lucene ranks ties by document number.
        var ids = Enumerable.Range(1, 40).Select(i => $"t{i * 7919 % 1000:D3}").ToList();
        var lines = ids.Select(id => $$"""{"id": "{{id}}", "date": "1963-05-17", "body": "The wheat harvest was reported."}""");
        using var index = NewsIndex.CreateInMemory();
        EvaluationCorpus.IndexInto(index, folder.Write("ties.jsonl", string.Join('\n', lines) + "\n"));

        var hits = index.Search(new SearchRequest { Query = "wheat", Limit = 40, Ranking = SearchRanking.Bm25 }).Hits;

        Assert.Single(hits.Select(h => h.Score).Distinct());
        Assert.Equal(ids, hits.Select(h => h.Id));
    }

    [Fact]
    public void WriteRun_WritesTrecLines_RankedFromOne()
    {
        using var index = NewsIndex.CreateInMemory();
        EvaluationCorpus.IndexInto(index, folder.Write("corpus.jsonl", Corpus));
        var report = RelevanceEvaluator.Evaluate(index, [new EvaluationQuery("7", "treaty")], new Judgments([KeyValuePair.Create("7", (IEnumerable<string>)["a2"])]));
        using var writer = new StringWriter();

        report.WriteRun(writer, "tag");

        Assert.Matches(@"^7 Q0 a2 1 [0-9.]+ tag$", writer.ToString().Trim());
    }

    [Theory]
    [InlineData("INDONESIA AND MALAYA", "INDONESIA and MALAYA")]
    [InlineData("RUSSIA OR A FOUR-POWER SUMMIT", @"RUSSIA or A FOUR\-POWER SUMMIT")]
    [InlineData("MERGERS/ACQUISITIONS (1963)", @"MERGERS\/ACQUISITIONS \(1963\)")]
    public void PlainWords_EscapesSyntax_AndDisarmsOperators(string topic, string expected)
    {
        Assert.Equal(expected, RelevanceEvaluator.PlainWords(topic));
    }

    [Fact]
    public void ReadJudgments_BadLine_IsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<NewsSearchException>(() => EvaluationFiles.ReadJudgments(folder.Write("bad.qrels", "1 0 a1 1\n1 a2\n")));

        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }
}
