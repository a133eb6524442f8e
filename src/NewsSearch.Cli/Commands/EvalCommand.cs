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
}
