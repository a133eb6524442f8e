using System.CommandLine;
using NewsSearch.Cli.Output;
using NewsSearch.Extraction;
using Spectre.Console;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch extract PATH...</c>: what extraction finds in articles (speakers, quotations), without an index.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The same inputs as 'index': files, folders, archives, JSON Lines; '-' reads JSON Lines from standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var include = CommandOptions.Include();
        var exclude = CommandOptions.Exclude();
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document per article (JSON Lines), for scripts",
        };
        var command = new Command("extract", "Show the speakers and quotations found in articles, without indexing them")
        {
            paths, include, exclude, json,
        };
        command.SetAction(parse =>
        {
            var typed = parse.GetValue(paths)!;
            var resolved = IndexCommand.ResolveInputs(context, typed);
            var asJson = parse.GetValue(json);
            var console = asJson ? null : context.CreateConsole();
            var rejected = 0;
            var options = new IngestOptions
            {
                Include = parse.GetValue(include) ?? [],
                Exclude = parse.GetValue(exclude) ?? [],
                OpenStandardInput = context.OpenStandardInput,
            };
            foreach (var input in new ArticleSource(resolved, options).Read(context.Cancellation))
            {
                if (input.Problem is { } problem)
                {
                    rejected++;
                    var source = IndexCommand.Relativize(problem.Source, resolved, typed);
                    context.Error.WriteLine($"newssearch: {TerminalText.Sanitize((problem with { Source = source }).ToString())}");
                    continue;
                }
                var article = input.Article!;
                var extraction = ArticleExtractor.Extract(article);
                if (asJson)
                {
                    JsonOutput.WriteLine(context.Out, new ExtractionJson(article.Id, JsonOutput.Day(article.Date), article.Dateline, extraction.Speakers,
                        extraction.Quotations.Select(q => new ExtractedQuoteJson(q.Text, q.Start, q.End, q.Speaker,
                            q.Source is { } s ? new SourceJson(s.Text, s.Start, s.End) : null)).ToList()));
                }
                else
                {
                    WriteText(console!, article, extraction);
                }
            }
            return rejected == 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
        });
        return command;
    }

    private static void WriteText(IAnsiConsole console, Article article, ArticleExtraction extraction)
    {
        console.MarkupLine($"[bold]{Markup.Escape(TerminalText.Sanitize(article.Id))}[/]");
        console.WriteLine(TerminalText.Sanitize($"  speakers: {(extraction.Speakers.Count == 0 ? "none" : string.Join(", ", extraction.Speakers))}"));
        foreach (var quotation in extraction.Quotations)
        {
            var who = quotation.Speaker ?? (quotation.Source is { } source ? $"({source.Text})" : "unattributed");
            console.WriteLine(TerminalText.Sanitize($"  {who}: “{quotation.Text}”"));
        }
        console.WriteLine();
    }
}
