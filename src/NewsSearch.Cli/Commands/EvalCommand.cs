using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using NewsSearch.Evaluation;

namespace NewsSearch.Cli.Commands;

/// <summary>
/// <c>newssearch eval ...</c>: measurements against annotated corpora. Each measurement is a subcommand of this
/// group (<c>eval quotes</c>); the evaluation logic lives in the library's Evaluation folder.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Measure extraction and search against annotated corpora")
        {
            QuotesCommand(context),
        };
        return command;
    }

    private static Command QuotesCommand(CliContext context)
    {
        var polnear = new Option<string>("--polnear")
        {
            Description = "Folder of the PolNeAR corpus (polnear.attributions.jsonl.gz and the train/dev archive), e.g. ../shared/corpora/polnear",
            HelpName = "DIR",
            Required = true,
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
            polnear, split, errors, json,
        };
        command.SetAction(parse =>
        {
            var report = QuoteEvaluation.RunPolnear(context.Resolve(parse.GetValue(polnear)!), parse.GetValue(split)!,
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
