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
        var against = new Option<string?>("--against")
        {
            Description = "Also measure a second ranking (default, bm25, or a TREC run FILE from another engine) and print the differences with their p-values (paired randomization test)",
            HelpName = "RANKING|FILE",
        };
        var json = CommandOptions.Json();
        var command = new Command("relevance", "Index a corpus, run its judged queries as users' searches and print MAP, P@10 and nDCG@10, overall and for odd and even query ids")
        {
            corpus, queries, qrels, perQuery, run, ranking, against, json,
        };
        command.SetAction(parse =>
        {
            var topics = EvaluationFiles.ReadQueries(context.Resolve(parse.GetValue(queries)!));
            var judgments = EvaluationFiles.ReadJudgments(context.Resolve(parse.GetValue(qrels)!));
            // A run file is read before the corpus is indexed, so a wrong path or a bad line is reported at once.
            var againstValue = parse.GetValue(against);
            var againstRun = againstValue is null or "default" or "bm25" ? null : ReadAgainstRun(context, againstValue, topics, judgments);
            using var index = NewsIndex.CreateInMemory();
            var articles = Load(context, index, parse.GetValue(corpus)!);
            var report = RelevanceEvaluator.Evaluate(index, topics, judgments, CommandOptions.ParseRanking(parse.GetValue(ranking)));
            var second = againstRun is { } otherRun
                ? RelevanceEvaluator.Measure(otherRun.Name, topics, judgments, otherRun.Rankings)
                : againstValue is not null ? RelevanceEvaluator.Evaluate(index, topics, judgments, CommandOptions.ParseRanking(againstValue)) : null;
            var comparison = second is null ? null : RelevanceComparison.Compare(report, second);
            if (parse.GetValue(run) is { } runFile)
            {
                using var writer = new StreamWriter(context.Resolve(runFile));
                report.WriteRun(writer, "newssearch-" + report.Name);
            }
            if (parse.GetValue(json))
            {
                var rows = parse.GetValue(perQuery)
                    ? report.Queries.Select((q, i) => new QueryMetricsJson(q.QueryId, q.Text, q.Relevant, q.RelevantRetrieved, q.AveragePrecision, q.PrecisionAt10, q.NdcgAt10)
                    {
                        ApAgainst = second?.Queries[i].AveragePrecision,
                    }).ToList()
                    : null;
                JsonOutput.Write(context.Out, new RelevanceJson(report.Name, articles, report.UnjudgedQueries,
                    Metrics(report.All), Metrics(report.Odd), Metrics(report.Even), rows)
                {
                    Against = comparison is null || second is null ? null : new ComparisonJson(
                        second.Name, Metrics(second.All), Metrics(second.Odd), Metrics(second.Even),
                        new DifferenceJson(comparison.Permutations, Difference(comparison.All), Difference(comparison.Odd), Difference(comparison.Even))),
                });
            }
            else
            {
                WriteRelevance(context, report, articles, parse.GetValue(perQuery), second, comparison);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The run file <c>--against</c> points to (its file name and rankings), warning when it ranks nothing for some judged queries.</summary>
    private static (string Name, IReadOnlyDictionary<string, IReadOnlyList<RankedArticle>> Rankings)? ReadAgainstRun(
        CliContext context, string value, IReadOnlyList<EvaluationQuery> topics, Judgments judgments)
    {
        var path = context.Resolve(value);
        if (!File.Exists(path))
        {
            throw new NewsSearchException($"--against '{value}': not a ranking (default, bm25) and no such run file");
        }
        var rankings = EvaluationFiles.ReadRun(path);
        var judged = judgments.JudgedQueries.Intersect(topics.Select(t => t.Id), StringComparer.Ordinal).ToList();
        var missing = judged.Count(id => !rankings.ContainsKey(id));
        if (missing > 0)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"newssearch: {value} ranks nothing for {missing} of the {judged.Count} judged queries; they count as finding nothing"));
        }
        return (Path.GetFileName(path), rankings);
    }

    private static HalfDifferenceJson Difference(HalfDifference d)
    {
        static MeasureDifferenceJson Of(MeasureDifference m) => new(Math.Round(m.Difference, 4), Math.Round(m.PValue, 4), m.Better, m.Worse);
        return new(d.Queries, d.Exact, Of(d.AveragePrecision), Of(d.PrecisionAt10), Of(d.NdcgAt10));
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

    private static MetricsJson Metrics(MetricSummary m) =>
        new(m.Queries, Math.Round(m.MeanAveragePrecision, 4), Math.Round(m.PrecisionAt10, 4), Math.Round(m.NdcgAt10, 4));

    private static void WriteRelevance(CliContext context, RelevanceReport report, int articles, bool perQuery, RelevanceReport? against, RelevanceComparison? comparison)
    {
        var console = context.Out;
        var unjudged = report.UnjudgedQueries > 0 ? $" ({report.UnjudgedQueries} without judgments left out)" : string.Empty;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ranking {report.Name}: {articles:N0} articles, {report.All.Queries} judged queries{unjudged}"));
        console.WriteLine();
        WriteMetrics(console, report);
        if (against is not null && comparison is not null)
        {
            console.WriteLine();
            console.WriteLine(TerminalText.Sanitize($"against {against.Name}:"));
            console.WriteLine();
            WriteMetrics(console, against);
            console.WriteLine();
            console.WriteLine(TerminalText.Sanitize(string.Create(CultureInfo.InvariantCulture,
                $"{report.Name} − {against.Name}, p from a two-sided paired randomization test ({comparison.Permutations:N0} random relabellings; all of them for 16 queries or fewer):")));
            console.WriteLine();
            console.WriteLine("queries    n      MAP       p     P@10       p  nDCG@10       p   better  worse (by AP)");
            foreach (var (name, d) in new[] { ("all", comparison.All), ("odd", comparison.Odd), ("even", comparison.Even) })
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-7} {d.Queries,4}  {d.AveragePrecision.Difference,7:+0.0000;-0.0000;0.0000}  {d.AveragePrecision.PValue,6:0.000}  {d.PrecisionAt10.Difference,7:+0.0000;-0.0000;0.0000}  {d.PrecisionAt10.PValue,6:0.000}  {d.NdcgAt10.Difference,7:+0.0000;-0.0000;0.0000}  {d.NdcgAt10.PValue,6:0.000}  {d.AveragePrecision.Better,7}  {d.AveragePrecision.Worse,5}"));
            }
        }
        if (!perQuery)
        {
            return;
        }
        console.WriteLine();
        console.WriteLine(against is null
            ? "id        relevant found      AP    P@10  nDCG@10  query"
            : "id        relevant found      AP    P@10  nDCG@10      ΔAP  query");
        for (var i = 0; i < report.Queries.Count; i++)
        {
            var q = report.Queries[i];
            var delta = against is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"  {q.AveragePrecision - against.Queries[i].AveragePrecision,7:+0.0000;-0.0000;0.0000}");
            console.WriteLine(TerminalText.Sanitize(string.Create(CultureInfo.InvariantCulture,
                $"{q.QueryId,-10} {q.Relevant,7} {q.RelevantRetrieved,5}  {q.AveragePrecision:0.0000}  {q.PrecisionAt10:0.0000}   {q.NdcgAt10:0.0000}{delta}  {q.Text}")));
        }
    }

    private static void WriteMetrics(TextWriter console, RelevanceReport report)
    {
        console.WriteLine("queries    n     MAP    P@10  nDCG@10");
        foreach (var (name, m) in new[] { ("all", report.All), ("odd", report.Odd), ("even", report.Even) })
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-7} {m.Queries,4}  {m.MeanAveragePrecision:0.0000}  {m.PrecisionAt10:0.0000}   {m.NdcgAt10:0.0000}"));
        }
    }
}
