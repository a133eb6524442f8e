using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using NewsSearch.Evaluation;

namespace NewsSearch.Cli.Commands;

/// <summary>
/// <c>newssearch eval ...</c>: measurements on test collections. Each subcommand indexes the corpus it is given into
/// memory (the same indexing path as <c>index</c>) and leaves any index on disk alone.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context) =>
        new("eval", "Measure NewsSearch on a test collection: ranking quality against human judgments, query latency")
        {
            Relevance(context),
            Latency(context),
        };

    private static Command Relevance(CliContext context)
    {
        var corpus = CorpusOption();
        var queries = new Option<string>("--queries")
        {
            Description = "The queries: one a line, 'id<TAB>text' (text as a person wrote it; searched as plain words)",
            HelpName = "FILE",
            Required = true,
        };
        var qrels = new Option<string>("--qrels")
        {
            Description = "Relevance judgments in TREC qrels format: 'query 0 article-id grade' a line",
            HelpName = "FILE",
            Required = true,
        };
        var perQuery = new Option<bool>("--per-query") { Description = "Also print each query's figures" };
        var run = new Option<string?>("--run")
        {
            Description = "Also write the rankings as a TREC run file (for trec_eval)",
            HelpName = "FILE",
        };
        var ranking = CommandOptions.Ranking();
        var json = CommandOptions.Json();
        var command = new Command("relevance", "Index a corpus, run its judged queries as users' searches and print MAP, P@10 and nDCG@10, overall and for odd and even query ids")
        {
            corpus, queries, qrels, perQuery, run, ranking, json,
        };
        command.SetAction(parse =>
        {
            var topics = EvaluationFiles.ReadQueries(context.Resolve(parse.GetValue(queries)!));
            var judgments = EvaluationFiles.ReadJudgments(context.Resolve(parse.GetValue(qrels)!));
            using var index = NewsIndex.CreateInMemory();
            var articles = Load(context, index, parse.GetValue(corpus)!);
            var report = RelevanceEvaluator.Evaluate(index, topics, judgments, CommandOptions.ParseRanking(parse.GetValue(ranking)));
            if (parse.GetValue(run) is { } runFile)
            {
                using var writer = new StreamWriter(context.Resolve(runFile));
                report.WriteRun(writer, "newssearch-" + RankingName(report.Ranking));
            }
            if (parse.GetValue(json))
            {
                var rows = parse.GetValue(perQuery)
                    ? report.Queries.Select(q => new QueryMetricsJson(q.QueryId, q.Text, q.Relevant, q.RelevantRetrieved, q.AveragePrecision, q.PrecisionAt10, q.NdcgAt10)).ToList()
                    : null;
                JsonOutput.Write(context.Out, new RelevanceJson(RankingName(report.Ranking), articles, report.UnjudgedQueries,
                    Metrics(report.All), Metrics(report.Odd), Metrics(report.Even), rows));
            }
            else
            {
                WriteRelevance(context, report, articles, parse.GetValue(perQuery));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Latency(CliContext context)
    {
        var corpus = CorpusOption();
        var queries = new Option<string>("--queries")
        {
            Description = "Queries in the peers' benchmark format: 'terms: w1 w2', 'and: w1 w2', 'phrase: w1 w2', optionally '| date: A..B'",
            HelpName = "FILE",
            Required = true,
        };
        var repeats = new Option<int>("--repeats")
        {
            Description = "Timed passes over the queries; each query's time is its median. Default: 10",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Untimed passes first, so both rankings run on warm code and caches. Default: 10",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        var json = CommandOptions.Json();
        var command = new Command("latency", "Index a corpus and time its queries with the default ranking and with plain BM25, interleaved in one run")
        {
            corpus, queries, repeats, warmup, json,
        };
        command.SetAction(parse =>
        {
            var requests = LatencyBenchmark.ReadQueries(context.Resolve(parse.GetValue(queries)!));
            using var index = NewsIndex.CreateInMemory();
            var articles = Load(context, index, parse.GetValue(corpus)!);
            var report = LatencyBenchmark.Run(index, requests,
                SearchCommand.CheckRange(parse.GetValue(repeats), "--repeats", 1, 1000),
                SearchCommand.CheckRange(parse.GetValue(warmup), "--warmup", 0, 1000),
                context.Cancellation);
            if (parse.GetValue(json))
            {
                static LatencySummaryJson Summary(LatencySummary s) => new(Math.Round(s.P50, 1), Math.Round(s.P95, 1), Math.Round(s.Mean, 1));
                JsonOutput.Write(context.Out, new LatencyJson(articles, report.Queries, report.Repeats, report.Warmup,
                    Summary(report.Bm25), Summary(report.Default), Math.Round(report.P50Ratio, 3), report.FeedbackQueries));
            }
            else
            {
                var console = context.Out;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Queries} queries on {articles:N0} articles: {report.Warmup} warm-up and {report.Repeats} timed passes, top 10 without snippets"));
                console.WriteLine();
                console.WriteLine("ranking     p50 µs    p95 µs   mean µs");
                foreach (var (name, summary) in new[] { ("bm25", report.Bm25), ("default", report.Default) })
                {
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {summary.P50,9:0.0} {summary.P95,9:0.0} {summary.Mean,9:0.0}"));
                }
                console.WriteLine();
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"p50 default / bm25: {report.P50Ratio:0.00} (feedback ran for {report.FeedbackQueries} of {report.Queries} queries)"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> CorpusOption() => new("--corpus")
    {
        Description = "Articles as JSON Lines, gzipped or not: {\"id\", \"date\", \"dateline\", \"title\", \"body\"} a line",
        HelpName = "FILE",
        Required = true,
    };

    private static int Load(CliContext context, NewsIndex index, string corpus)
    {
        var load = EvaluationCorpus.IndexInto(index, context.Resolve(corpus), context.Cancellation);
        foreach (var problem in load.Skipped.Take(10))
        {
            context.Error.WriteLine($"newssearch: skipped {TerminalText.Sanitize(problem.ToString())}");
        }
        if (load.Skipped.Count > 10)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newssearch: ... and {load.Skipped.Count - 10} more lines skipped"));
        }
        return load.Articles;
    }

    private static string RankingName(SearchRanking ranking) => ranking == SearchRanking.Bm25 ? "bm25" : "default";

    private static MetricsJson Metrics(MetricSummary m) =>
        new(m.Queries, Math.Round(m.MeanAveragePrecision, 4), Math.Round(m.PrecisionAt10, 4), Math.Round(m.NdcgAt10, 4));

    private static void WriteRelevance(CliContext context, RelevanceReport report, int articles, bool perQuery)
    {
        var console = context.Out;
        var unjudged = report.UnjudgedQueries > 0 ? $" ({report.UnjudgedQueries} without judgments left out)" : string.Empty;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ranking {RankingName(report.Ranking)}: {articles:N0} articles, {report.All.Queries} judged queries{unjudged}"));
        console.WriteLine();
        console.WriteLine("queries    n     MAP    P@10  nDCG@10");
        foreach (var (name, m) in new[] { ("all", report.All), ("odd", report.Odd), ("even", report.Even) })
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-7} {m.Queries,4}  {m.MeanAveragePrecision:0.0000}  {m.PrecisionAt10:0.0000}   {m.NdcgAt10:0.0000}"));
        }
        if (!perQuery)
        {
            return;
        }
        console.WriteLine();
        console.WriteLine("id        relevant found      AP    P@10  nDCG@10  query");
        foreach (var q in report.Queries)
        {
            console.WriteLine(TerminalText.Sanitize(string.Create(CultureInfo.InvariantCulture,
                $"{q.QueryId,-10} {q.Relevant,7} {q.RelevantRetrieved,5}  {q.AveragePrecision:0.0000}  {q.PrecisionAt10:0.0000}   {q.NdcgAt10:0.0000}  {q.Text}")));
        }
    }
}
