using System.Diagnostics;
using System.Globalization;
using Lucene.Net.QueryParsers.Classic;

namespace NewsSearch.Evaluation;

/// <summary>One query of a benchmark query file: the line as written (its kind, words and date window) and its request.</summary>
/// <param name="Line">The line, trimmed: <c>terms: w1 w2 | date: 1987-03-01..1987-03-31</c>.</param>
/// <param name="Request">The search it stands for: the top 10 without snippets.</param>
public sealed record BenchmarkQuery(string Line, SearchRequest Request);

/// <summary>Latency percentiles of one ranking over a query set, in microseconds.</summary>
/// <param name="P50">Median over the queries of each query's median time.</param>
/// <param name="P95">95th percentile (nearest rank) of the per-query medians.</param>
/// <param name="Mean">Mean of the per-query medians.</param>
public sealed record LatencySummary(double P50, double P95, double Mean);

/// <summary>Query latency of the default ranking against plain BM25, measured in the same run.</summary>
/// <param name="Queries">Queries in the set.</param>
/// <param name="Repeats">Timed passes over the set.</param>
/// <param name="Warmup">Untimed passes before them.</param>
/// <param name="Bm25">Plain BM25.</param>
/// <param name="Default">The default ranking.</param>
/// <param name="FeedbackQueries">Queries for which the default ranking ran pseudo-relevance feedback.</param>
public sealed record LatencyReport(int Queries, int Repeats, int Warmup, LatencySummary Bm25, LatencySummary Default, int FeedbackQueries)
{
    /// <summary>The default ranking's p50 divided by plain BM25's.</summary>
    public double P50Ratio => Bm25.P50 > 0 ? Default.P50 / Bm25.P50 : double.NaN;
}

/// <summary>
/// Times the same queries with the default ranking and with plain BM25, interleaved in one run so that the noise of
/// a shared machine hits both alike. Queries use the peers' benchmark format (<c>terms:</c>, <c>and:</c>,
/// <c>phrase:</c>, optional <c>| date: a..b</c>); the timed section is <see cref="NewsIndex.Search"/> for the top 10
/// without snippets.
/// </summary>
public static class LatencyBenchmark
{
    /// <summary>Reads a query file in the peers' benchmark format into search requests.</summary>
    /// <exception cref="NewsSearchException">The file cannot be read or a line is not in the format.</exception>
    public static IReadOnlyList<SearchRequest> ReadQueries(string path) => [.. ReadQueryLines(path).Select(q => q.Request)];

    /// <summary>Reads a query file in the peers' benchmark format: each query line as written, with its search request.</summary>
    /// <exception cref="NewsSearchException">The file cannot be read or a line is not in the format.</exception>
    public static IReadOnlyList<BenchmarkQuery> ReadQueryLines(string path)
    {
        var queries = new List<BenchmarkQuery>();
        var number = 0;
        using var reader = new StreamReader(EvaluationFiles.OpenMaybeGzipped(path));
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            queries.Add(new BenchmarkQuery(line.Trim(), Parse(line) ?? throw new NewsSearchException(
                $"{path}:{number}: expected 'terms: w1 w2', 'and: w1 w2' or 'phrase: w1 w2', optionally followed by '| date: YYYY-MM-DD..YYYY-MM-DD'")));
        }
        return queries;
    }

    /// <summary>Runs <paramref name="warmup"/> untimed and <paramref name="repeats"/> timed passes over the queries.</summary>
    public static LatencyReport Run(NewsIndex index, IReadOnlyList<SearchRequest> queries, int repeats = 10, int warmup = 10, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        var rankings = new[] { SearchRanking.Bm25, SearchRanking.Default };
        var times = rankings.Select(_ => queries.Select(_ => new double[repeats]).ToArray()).ToArray();
        var feedback = 0;
        for (var pass = 0; pass < warmup + repeats; pass++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                cancellation.ThrowIfCancellationRequested();

                // Alternate which ranking goes first, so neither always runs on the caches the other warmed.
                var first = (pass + q) % rankings.Length;
                for (var k = 0; k < rankings.Length; k++)
                {
                    var r = (first + k) % rankings.Length;
                    var request = queries[q] with { Ranking = rankings[r] };
                    var clock = Stopwatch.StartNew();
                    var results = index.Search(request);
                    var elapsed = clock.Elapsed.TotalMicroseconds;
                    var timed = pass - warmup;
                    if (timed >= 0)
                    {
                        times[r][q][timed] = elapsed;
                        if (timed == 0 && rankings[r] == SearchRanking.Default && results.FeedbackTerms.Count > 0)
                        {
                            feedback++;
                        }
                    }
                }
            }
        }
        return new LatencyReport(queries.Count, repeats, warmup, Summarize(times[0]), Summarize(times[1]), feedback);
    }

    private static LatencySummary Summarize(double[][] perQuery)
    {
        var medians = perQuery.Select(Median).Order().ToArray();
        if (medians.Length == 0)
        {
            return new LatencySummary(0, 0, 0);
        }
        return new LatencySummary(NearestRank(medians, 0.50), NearestRank(medians, 0.95), medians.Average());
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double NearestRank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static SearchRequest? Parse(string line)
    {
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        var main = bar < 0 ? line : line[..bar];
        var colon = main.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var words = main[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(QueryParserBase.Escape).ToList();
        if (words.Count == 0)
        {
            return null;
        }
        var query = main[..colon].Trim() switch
        {
            "terms" => string.Join(' ', words),
            "and" => string.Join(' ', words.Select(w => "+" + w)),
            "phrase" => "\"" + string.Join(' ', words) + "\"",
            _ => null,
        };
        if (query is null)
        {
            return null;
        }
        var request = new SearchRequest { Query = query, Limit = 10, SnippetLength = 0 };
        if (bar < 0)
        {
            return request;
        }
        var filter = line[(bar + 1)..].Trim();
        if (!filter.StartsWith("date:", StringComparison.Ordinal))
        {
            return null;
        }
        var range = filter["date:".Length..].Trim().Split("..");
        if (range.Length != 2 || !Day(range[0], out var from) || !Day(range[1], out var to))
        {
            return null;
        }
        return request with { From = from, To = to };
    }

    private static bool Day(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
