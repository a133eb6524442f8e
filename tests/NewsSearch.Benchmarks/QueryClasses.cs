using System.Diagnostics;
using System.Globalization;
using NewsSearch.Evaluation;

namespace NewsSearch.Benchmarks;

/// <summary>
/// Indexing speed with and without extraction (with <c>--corpus</c>), then query latency per class on the index, with one and with two query threads: p50, p95 and p99 of the
/// per-query medians (nearest rank, as the peers compute them) and queries per second. The classes come from the
/// peers' query file (term, OR, AND, phrase, each with and without a date filter); three more run every query
/// again as users also ask it: sorted by date, with snippets, and with NewsSearch's default ranking (the others use
/// plain BM25, as the peers do).
/// </summary>
internal static class QueryClasses
{
    private sealed record Variant(string Name, Func<SearchRequest, SearchRequest> Shape);

    public static int Run(string[] args)
    {
        var folder = Option(args, "--index");
        var queryFile = Option(args, "--queries");
        var corpus = Option(args, "--corpus");
        if (queryFile is null || (folder is null) == (corpus is null))
        {
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks query-classes (--index DIR | --corpus FILE.jsonl[.gz]) --queries FILE [--repeats N] [--warmup N]");
            return 2;
        }
        if (corpus is not null)
        {
            folder = Path.Combine(Path.GetTempPath(), "newssearch-query-classes-" + Guid.NewGuid().ToString("N"));
            try
            {
                IndexBoth(corpus, folder);
                return Run([.. args.Where(a => a != "--corpus" && a != corpus), "--index", folder]);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        var repeats = int.Parse(Option(args, "--repeats") ?? "10", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup") ?? "5", CultureInfo.InvariantCulture);
        var queries = LatencyBenchmark.ReadQueryLines(queryFile);
        List<SearchRequest> requests = [.. queries.Select(q => q.Request with { Ranking = SearchRanking.Bm25 })];
        var classes = queries.Select(q => Class(q.Line)).ToList();

        using var index = NewsIndex.Open(folder!);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{index.Count:N0} articles in {folder}; {requests.Count} queries from {queryFile}; {warmup} warm-up and {repeats} timed passes; top 10"));
        Console.WriteLine();

        Variant[] variants =
        [
            new("bm25", r => r),
            new("sorted by date", r => r with { Sort = SearchSort.Newest }),
            new("with snippets", r => r with { SnippetLength = new SearchRequest().SnippetLength }),
            new("default ranking", r => r with { Ranking = SearchRanking.Default }),
        ];
        // Every variant runs once untimed first: the runtime compiles hot code again with more optimization after a
        // while, and a variant measured before that point would look slower than one measured after it.
        foreach (var variant in variants)
        {
            Time(index, [.. requests.Select(variant.Shape)], 2, 1, warmup);
        }
        Console.WriteLine("| queries | threads | class | n | p50 µs | p95 µs | p99 µs | QPS |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var variant in variants)
        {
            var shaped = requests.Select(variant.Shape).ToList();
            foreach (var threads in new[] { 1, 2 })
            {
                var (medians, qps) = Time(index, shaped, threads, repeats, warmup);
                var groups = classes.Select((c, i) => (c, i)).GroupBy(x => x.c, x => medians[x.i]).OrderBy(g => Order(g.Key)).ToList();
                Row(variant.Name, threads, "all", medians, qps);
                if (variant.Name == "bm25")
                {
                    foreach (var group in groups)
                    {
                        Row(variant.Name, threads, group.Key, [.. group], null);
                    }
                    Row(variant.Name, threads, "date-filtered", [.. classes.Select((c, i) => (c, i)).Where(x => x.c.EndsWith("+date", StringComparison.Ordinal)).Select(x => medians[x.i])], null);
                }
            }
        }
        return 0;
    }

    /// <summary>
    /// Indexes the corpus with extraction and then without (into <paramref name="folder"/>, kept for the queries),
    /// each into a fresh index through <see cref="NewsIndex.IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>,
    /// and prints articles/s, MB/s of text, the index's size and the process's peak memory so far.
    /// </summary>
    private static void IndexBoth(string corpus, string folder)
    {
        Console.WriteLine("| indexing | articles | rejected | seconds | articles/s | MB/s | index MB | peak memory MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");

        // The first run is untimed: it pays for compiling the indexing code, which neither measured run should.
        foreach (var extract in new bool?[] { null, true, false })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            IndexReport report;
            using (var index = NewsIndex.OpenOrCreate(folder, NewsIndexOptions.Default with { ExtractSpeakers = extract ?? true }))
            {
                report = index.IndexPaths([corpus], IngestOptions.Default);
            }
            if (extract is null)
            {
                continue;
            }
            var seconds = report.Elapsed.TotalSeconds;
            var size = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(extract.Value ? "with extraction" : "without extraction")} | {report.Indexed:N0} | {report.Rejected.Count:N0} | {seconds:0.0} | {report.Indexed / seconds:N0} | {report.TextBytes / 1e6 / seconds:0.0} | {size / 1e6:N0} | {process.PeakWorkingSet64 / 1e6:N0} |"));
        }
        Console.WriteLine();
    }

    /// <summary>Per-query median latencies (µs) and queries per second over the timed passes, on this many threads.</summary>
    private static (double[] Medians, double Qps) Time(NewsIndex index, List<SearchRequest> requests, int threads, int repeats, int warmup)
    {
        for (var pass = 0; pass < warmup; pass++)
        {
            Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => index.Search(requests[i]));
        }
        var ticks = new long[requests.Count, repeats];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            // Each thread runs its share of every pass, in file order, so no query repeats back to back.
            for (var pass = 0; pass < repeats; pass++)
            {
                for (var i = worker; i < requests.Count; i += threads)
                {
                    var start = Stopwatch.GetTimestamp();
                    index.Search(requests[i]);
                    ticks[i, pass] = Stopwatch.GetTimestamp() - start;
                }
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        var medians = new double[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            medians[i] = PeerAdapter.Median([.. Enumerable.Range(0, repeats).Select(r => ticks[i, r] * 1_000_000.0 / Stopwatch.Frequency)]);
        }
        return (medians, requests.Count * repeats / seconds);
    }

    private static void Row(string variant, int threads, string name, double[] medians, double? qps)
    {
        var sorted = medians.Order().ToList();
        var q = qps is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {variant} | {threads} | {name} | {sorted.Count} | {PeerAdapter.Percentile(sorted, 50):N0} | {PeerAdapter.Percentile(sorted, 95):N0} | {PeerAdapter.Percentile(sorted, 99):N0} | {q} |"));
    }

    /// <summary>The peers' query classes: term (one word), or (several), and, phrase; "+date" with a date filter.</summary>
    private static string Class(string line)
    {
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        var main = bar < 0 ? line : line[..bar];
        var colon = main.IndexOf(':', StringComparison.Ordinal);
        var kind = main[..colon].Trim();
        var words = main[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var name = kind switch
        {
            "terms" => words == 1 ? "term" : "or",
            _ => kind,
        };
        return bar < 0 ? name : name + "+date";
    }

    private static int Order(string name) => Array.IndexOf(["term", "term+date", "or", "or+date", "and", "and+date", "phrase", "phrase+date"], name);

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
