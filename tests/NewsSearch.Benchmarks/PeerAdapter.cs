using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsSearch.Evaluation;

namespace NewsSearch.Benchmarks;

/// <summary>
/// NewsSearch behind the peers' adapter contract (<c>../shared/bench/peers/README.md</c>), so that their
/// <c>run.sh</c> puts it in the same table as Java Lucene, Xapian and SQLite FTS5:
/// <c>peer build CORPUS DIR</c> and <c>peer query DIR QUERIES K REPEATS [WARMUP]</c>, each printing JSON lines in the
/// peers' shapes. Building goes through <see cref="NewsIndex.IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>,
/// the path <c>newssearch index</c> takes; queries through <see cref="NewsIndex.Search"/>, the path every search takes.
/// </summary>
/// <remarks>
/// Environment: <c>NEWSSEARCH_RANKING</c> = <c>default</c> (what users get: BM25 plus lead, proximity and feedback
/// clauses) or <c>bm25</c> (plain BM25, like the peers); <c>NEWSSEARCH_EXTRACT</c> = <c>0</c> indexes without
/// quotation and speaker extraction; <c>NEWSSEARCH_COMMIT_EVERY</c> = N commits every N articles. The timing loop is
/// benchlib.py's: WARMUP untimed passes, then REPEATS timed round-robin passes, each query's median printed,
/// nearest-rank percentiles over the medians.
/// </remarks>
internal static class PeerAdapter
{
    private const string Usage = "usage: NewsSearch.Benchmarks peer build CORPUS.jsonl[.gz] INDEXDIR\n"
                                 + "       NewsSearch.Benchmarks peer query INDEXDIR QUERIES K REPEATS [WARMUP=1]";

    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["prepare"]:
                return 0;
            case ["build", var corpus, var folder]:
                return Build(corpus, folder);
            case ["query", var folder, var queries, var k, var repeats, .. var rest] when rest.Length <= 1
                && int.TryParse(k, CultureInfo.InvariantCulture, out var top) && top >= 1
                && int.TryParse(repeats, CultureInfo.InvariantCulture, out var timed) && timed >= 1:
                var warmup = rest.Length == 1 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1;
                return Query(folder, queries, top, timed, warmup);
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static string Engine => Ranking == SearchRanking.Bm25 ? "newssearch_bm25" : "newssearch";

    private static SearchRanking Ranking =>
        Environment.GetEnvironmentVariable("NEWSSEARCH_RANKING") is "bm25" ? SearchRanking.Bm25 : SearchRanking.Default;

    private static int Build(string corpus, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        if (BuildOptions() is not { } options)
        {
            Console.Error.WriteLine($"{Engine}: NEWSSEARCH_COMMIT_EVERY must be a whole number of articles above 0, not '{Environment.GetEnvironmentVariable("NEWSSEARCH_COMMIT_EVERY")}'");
            return 2;
        }
        var extract = Environment.GetEnvironmentVariable("NEWSSEARCH_EXTRACT") is not "0";
        var clock = Stopwatch.StartNew();
        IndexReport report;
        using (var index = NewsIndex.OpenOrCreate(folder, NewsIndexOptions.Default with { ExtractSpeakers = extract }))
        {
            report = index.IndexPaths([corpus], options);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var problem in report.Rejected.Take(10))
        {
            Console.Error.WriteLine($"newssearch: {problem}");
        }
        Emit(writer =>
        {
            writer.WriteString("engine", Engine);
            writer.WriteNumber("docs", report.Indexed);
            writer.WriteNumber("seconds", Math.Round(seconds, 3));
            writer.WriteNumber("index_bytes", FolderBytes(folder));
            writer.WriteNumber("skipped", report.Rejected.Count);
            writer.WriteBoolean("extraction", extract);
            writer.WriteNumber("text_bytes", report.TextBytes);
        });
        return 0;
    }

    /// <summary>
    /// The defaults, but for a commit interval set by NEWSSEARCH_COMMIT_EVERY, to compare intervals; null when that is
    /// not a positive whole number.
    /// </summary>
    private static IngestOptions? BuildOptions() =>
        Environment.GetEnvironmentVariable("NEWSSEARCH_COMMIT_EVERY") switch
        {
            null => IngestOptions.Default,
            var every when int.TryParse(every, NumberStyles.None, CultureInfo.InvariantCulture, out var articles) && articles > 0
                => IngestOptions.Default with { CommitEvery = articles },
            _ => null,
        };

    private static int Query(string folder, string queryFile, int k, int repeats, int warmup)
    {
        if (!NewsIndex.Exists(folder))
        {
            Console.Error.WriteLine($"{Engine}: no index at {folder}; run '{Engine} build' first");
            return 2;
        }
        var queries = LatencyBenchmark.ReadQueryLines(queryFile);
        List<SearchRequest> requests = [.. queries.Select(q => q.Request with { Limit = k, Ranking = Ranking })];
        using var index = NewsIndex.Open(folder);

        var last = new SearchResults?[requests.Count];
        for (var pass = 0; pass < warmup; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                last[i] = index.Search(requests[i]);
            }
        }
        var ticks = new long[requests.Count][];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = new long[repeats];
        }
        var all = Stopwatch.StartNew();
        for (var pass = 0; pass < repeats; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                last[i] = index.Search(requests[i]);
                ticks[i][pass] = Stopwatch.GetTimestamp() - start;
            }
        }
        var timedSeconds = all.Elapsed.TotalSeconds;

        var medians = new List<double>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var us = Median(ticks[i].Select(t => t * 1_000_000.0 / Stopwatch.Frequency).ToArray());
            medians.Add(us);
            var results = last[i]!;
            var line = queries[i].Line;
            Emit(writer =>
            {
                writer.WriteString("engine", Engine);
                writer.WriteNumber("i", i);
                writer.WriteString("query", line);
                writer.WriteNumber("us", Math.Round(us, 1));
                writer.WriteStartArray("ids");
                foreach (var hit in results.Hits)
                {
                    writer.WriteStringValue(hit.Id);
                }
                writer.WriteEndArray();
                writer.WriteNumber("hits", results.TotalHits);
                writer.WriteBoolean("hits_exact", true);
            });
        }
        medians.Sort();
        Emit(writer =>
        {
            writer.WriteString("engine", Engine);
            writer.WriteBoolean("summary", true);
            writer.WriteNumber("queries", requests.Count);
            writer.WriteNumber("repeats", repeats);
            writer.WriteNumber("warmup", warmup);
            writer.WriteNumber("k", k);
            writer.WriteBoolean("ranked", true);
            writer.WriteNumber("p50_us", Math.Round(Percentile(medians, 50), 1));
            writer.WriteNumber("p95_us", Math.Round(Percentile(medians, 95), 1));
            writer.WriteNumber("p99_us", Math.Round(Percentile(medians, 99), 1));
            writer.WriteNumber("mean_us", Math.Round(medians.Count == 0 ? 0 : medians.Average(), 1));
            writer.WriteNumber("qps", Math.Round(requests.Count * repeats / timedSeconds, 1));
            writer.WriteNumber("timed_s", Math.Round(timedSeconds, 3));
        });
        return 0;
    }

    /// <summary>Nearest-rank percentile, the definition benchlib.py and report.py use.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(1, (int)Math.Ceiling(p / 100.0 * sorted.Count)) - 1];

    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static readonly Stream Stdout = Console.OpenStandardOutput();

    private static void Emit(Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(Stdout, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        Stdout.WriteByte((byte)'\n');
    }
}
