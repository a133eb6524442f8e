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
        return new Command("eval", "Measure NewsSearch on the shared corpora (../shared/corpora)")
        {
            Datelines(context),
            QuotesCommand(context),
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
}
