using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using NewsSearch.Evaluation;

namespace NewsSearch.Cli.Commands;

/// <summary>
/// <c>newssearch eval ...</c>: measurements on the shared corpora, each a subcommand that builds its input from
/// <c>../shared/corpora</c> at run time and prints its figures.
/// </summary>
internal static class EvalCommand
{
    public const string CorporaVariable = "NEWSSEARCH_CORPORA";

    public static Command Create(CliContext context)
    {
        return new Command("eval", "Measure NewsSearch on the shared corpora: datelines, quotations, ranking quality, query latency")
        {
            Datelines(context),
            QuotesCommand(context),
            Relevance(context),
            Latency(context),
        };
    }

    private static Option<string?> Corpora() => new("--corpora")
    {
        Description = $"The corpora folder. Default: ${CorporaVariable}, else ../shared/corpora",
        HelpName = "DIR",
    };

    private static string ResolveCorpora(CliContext context, string? option)
    {
        var folder = context.Resolve(option ?? context.GetEnvironmentVariable(CorporaVariable) ?? Path.Combine("..", "shared", "corpora"));
        if (!Directory.Exists(folder))
        {
            throw new NewsSearchException($"no corpora folder at {folder}: give it with --corpora DIR (the shared folder's corpora/)");
        }
        return folder;
    }

    private static Command Datelines(CliContext context)
    {
        var corpora = Corpora();
        var keep = new Option<string?>("--keep-input")
        {
            Description = "Also write the rebuilt wire copy to this folder (reuters-wire.jsonl, polnear-wire.jsonl), to index or read it",
            HelpName = "DIR",
        };
        var all = new Option<bool>("--all-misses")
        {
            Description = "List every missed article, not only one per kind",
        };
        var json = CommandOptions.Json();
        var command = new Command("datelines",
            "Wire-dateline detection: put each article's wire dateline back in front of its body (Reuters-21578 from its SGML, "
            + "PolNeAR from its text files), blank the dateline field, read it as 'index' would and compare the place found")
        {
            corpora, keep, all, json,
        };
        command.SetAction(parse =>
        {
            var folder = ResolveCorpora(context, parse.GetValue(corpora));
            var keepFolder = parse.GetValue(keep) is { } k ? Directory.CreateDirectory(context.Resolve(k)).FullName : null;
            DatelineScore[] scores =
            [
                DatelineEvaluation.Reuters(folder, keepFolder is null ? null : Path.Combine(keepFolder, "reuters-wire.jsonl")),
                DatelineEvaluation.PolNeAR(folder, keepFolder is null ? null : Path.Combine(keepFolder, "polnear-wire.jsonl")),
            ];
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new DatelineEvalJson([.. scores.Select(ToJson)]));
            }
            else
            {
                WriteText(context, scores, parse.GetValue(all));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(CliContext context, DatelineScore[] scores, bool allMisses)
    {
        var output = context.Out;
        output.WriteLine("Wire datelines found in rebuilt wire copy (place as the source has it; case-insensitive, spaces normalized)");
        foreach (var score in scores)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Corpus}: {score.Found:N0} of {score.Articles:N0} articles with a place ({score.Share * 100:0.00} %), {score.Articles - score.Found:N0} missed"));
            foreach (var group in score.Misses)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Count,5:N0}  {group.Kind,-11}  {Quote(group.Shape),-28}  e.g. {group.Example.Id}: {Quote(group.Example.Opening)} -> {Quote(group.Example.Found)} (source: {Quote(group.Example.Expected)})"));
            }
            if (allMisses)
            {
                output.WriteLine("  every miss:");
                foreach (var miss in score.AllMisses)
                {
                    output.WriteLine($"    {miss.Id}: {Quote(miss.Opening)} -> {Quote(miss.Found)} (source: {Quote(miss.Expected)})");
                }
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  without a place in the source: {score.WithoutPlace:N0} articles; a place was found in {score.FalsePlaces:N0} of them"));
            foreach (var example in score.FalsePlaceExamples.Take(5))
            {
                output.WriteLine($"         e.g. {example.Id}: {Quote(example.Opening)} -> {Quote(example.Found)}");
            }
        }
    }

    private static string Quote(string text) => "\"" + TerminalText.Sanitize(text) + "\"";

    private static DatelineScoreJson ToJson(DatelineScore score) => new(
        score.Corpus, score.Articles, score.Found, Math.Round(score.Share * 100, 2),
        [.. score.Misses.Select(g => new DatelineMissJson(g.Kind, g.Shape, g.Count, g.Example.Id, g.Example.Opening, g.Example.Expected, g.Example.Found))],
        score.WithoutPlace, score.FalsePlaces);

    private static Command QuotesCommand(CliContext context)
    {
        var corpora = Corpora();
        var polnear = new Option<string?>("--polnear")
        {
            Description = "Folder of the PolNeAR corpus (polnear.attributions.jsonl.gz and the train/dev archive). Default: the corpora folder's polnear/",
            HelpName = "DIR",
        };
        var split = new Option<string>("--split")
        {
            Description = $"Which split to evaluate: {string.Join(" or ", QuoteEvaluation.PolnearSplits.Reverse())} (the test split is withheld). Default: dev",
            HelpName = "SPLIT",
            DefaultValueFactory = _ => "dev",
        };
        var errors = new Option<int>("--errors")
        {
            Description = "Also list up to N examples of each kind of error (missed, spurious, misattributed). Default: 0",
            HelpName = "N",
        };
        var json = CommandOptions.Json();
        var command = new Command("quotes", "Quote recall, quote precision and attribution accuracy on PolNeAR's annotated news")
        {
            corpora, polnear, split, errors, json,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(polnear) is { } given
                ? context.Resolve(given)
                : Path.Combine(ResolveCorpora(context, parse.GetValue(corpora)), "polnear");
            var report = QuoteEvaluation.RunPolnear(folder, parse.GetValue(split)!,
                SearchCommand.CheckRange(parse.GetValue(errors), "--errors", 0, 100_000));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new QuoteEvaluationJson(report.Split, report.Articles, report.Annotations, report.GoldQuotations,
                    report.ExtractedQuotations, Math.Round(report.Recall, 4), Math.Round(report.Precision, 4), Math.Round(report.AttributionAccuracy, 4),
                    report.Errors.Select(e => new QuoteErrorJson(e.Kind, e.ArticleId, e.Quotation, e.Expected, e.Found)).ToList()));
                return ExitCodes.Success;
            }
            var o = context.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PolNeAR {report.Split}: {report.Articles} articles, {report.Annotations} annotations, {report.GoldQuotations} gold quotations, {report.ExtractedQuotations} extracted"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quote recall          {report.Recall:0.000}  ({report.MatchedGold}/{report.GoldQuotations})"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quote precision       {report.Precision:0.000}  ({report.MatchedExtracted}/{report.ExtractedQuotations})"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attribution accuracy  {report.AttributionAccuracy:0.000}  ({report.CorrectlyAttributed}/{report.MatchedGold})"));
            foreach (var error in report.Errors)
            {
                o.WriteLine(TerminalText.Sanitize($"{error.Kind} | {error.ArticleId} | {error.Quotation} | expected: {error.Expected ?? "-"} | found: {error.Found ?? "-"}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }

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
