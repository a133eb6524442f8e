using NewsSearch.Evaluation;

namespace NewsSearch.Tests.Evaluation;

/// <summary>The peers' query format and one small timed run (figures only, never asserted on: the machine is shared).</summary>
public sealed class LatencyBenchmarkTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadQueries_TranslatesEachKind_AndTheDateWindow()
    {
        var path = folder.Write("q.txt", "# comment\n\nterms: rose while\nand: used processing\nphrase: mln dlrs | date: 1987-03-01..1987-03-31\n");

        var queries = LatencyBenchmark.ReadQueries(path);

        Assert.Equal(["rose while", "+used +processing", "\"mln dlrs\""], queries.Select(q => q.Query));
        Assert.Equal(new DateOnly(1987, 3, 1), queries[2].From);
        Assert.Equal(new DateOnly(1987, 3, 31), queries[2].To);
        Assert.All(queries, q => Assert.Equal(0, q.SnippetLength));
    }

    [Fact]
    public void ReadQueries_UnknownKind_IsAnErrorNamingTheLine()
    {
        var error = Assert.Throws<NewsSearchException>(() => LatencyBenchmark.ReadQueries(folder.Write("q.txt", "terms: a\nnear: a b\n")));

        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimesBothRankings()
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("a", new DateOnly(1987, 3, 2), "", "Output rose while prices fell, mln dlrs were used in processing."));
        index.Commit();
        var queries = LatencyBenchmark.ReadQueries(folder.Write("q.txt", "terms: rose while\nphrase: mln dlrs | date: 1987-03-01..1987-03-31\n"));

        var report = LatencyBenchmark.Run(index, queries, repeats: 3, warmup: 1);

        Assert.Equal(2, report.Queries);
        Assert.True(report.Bm25.P50 > 0 && report.Default.P50 > 0);
        Assert.Equal(0, report.FeedbackQueries);
    }
}
