using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch related ID</c>: articles like a given one, optionally only earlier ones (background linking).</summary>
internal static class RelatedCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var id = new Argument<string>("ID") { Description = "The article's id, as search prints it" };
        var before = new Option<string?>("--before")
        {
            Description = "Only articles published before this day (YYYY, YYYY-MM or YYYY-MM-DD: its first day)",
            HelpName = "DATE",
        };
        var asOf = new Option<bool>("--as-of")
        {
            Description = "Only articles published before the given article: the background its reader could have known",
        };
        var limit = CommandOptions.Limit();
        var json = CommandOptions.Json();
        var command = new Command("related", "Show the articles most like a given one (more like this)") { id, before, asOf, limit, json };
        command.SetAction(parse =>
        {
            var request = new RelatedRequest
            {
                Before = CommandOptions.ParseDay(parse.GetValue(before), "--before", first: true),
                AsOf = parse.GetValue(asOf),
                Limit = SearchCommand.CheckRange(parse.GetValue(limit), "--limit", 0, 10_000),
            };
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var wanted = parse.GetValue(id)!;
            var results = index.Related(wanted, request);
            if (results is null)
            {
                context.Error.WriteLine($"newssearch: no article with id '{TerminalText.Sanitize(wanted)}' in {location.DisplayPath}");
                return ExitCodes.NothingFoundOrRejected;
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new RelatedJson(results.ArticleId, JsonOutput.Day(results.Request.Before),
                    results.Terms.Select(t => new WeightedTermJson(t.Term, t.Weight)).ToList(), results.TotalHits,
                    results.Hits.Select(SearchCommand.ToJson).ToList()));
            }
            else
            {
                WriteText(context.CreateConsole(), results, context.Styled);
            }
            return results.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
        });
        return command;
    }

    /// <summary>The related articles as people read them; shared with the shell's <c>:related N</c>.</summary>
    internal static void WriteText(IAnsiConsole console, RelatedResults results, bool styled)
    {
        var when = results.Request.Before is { } day ? $" published before {JsonOutput.Day(day)}" : string.Empty;
        var count = results.TotalHits switch
        {
            0 => "No articles",
            1 => "1 article",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} articles"),
        };
        console.WriteLine(TerminalText.Sanitize($"{count}{when} like {results.ArticleId}"));
        if (results.Terms.Count > 0)
        {
            console.WriteLine(TerminalText.Sanitize("compared on: " + string.Join(", ", results.Terms.Select(t => t.Term))));
        }
        foreach (var hit in results.Hits)
        {
            SearchCommand.WriteHit(console, hit, styled);
        }
    }
}
