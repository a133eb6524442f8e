using System.CommandLine;
using NewsSearch.Cli.Output;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch show ID</c>: one article with its fields and full text.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var id = new Argument<string>("ID") { Description = "The article's id, as search prints it" };
        var json = CommandOptions.Json();
        var command = new Command("show", "Print one article with its fields and text") { id, json };
        command.SetAction(parse =>
        {
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var wanted = parse.GetValue(id)!;
            var found = index.Get(wanted);
            if (found is null)
            {
                context.Error.WriteLine($"newssearch: no article with id '{TerminalText.Sanitize(wanted)}' in {location.DisplayPath}");
                return ExitCodes.NothingFoundOrRejected;
            }
            var article = found.Article;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new ArticleJson(article.Id, JsonOutput.Day(article.Date), article.Dateline, article.Title,
                    found.Speakers, article.Source, article.Body));
                return ExitCodes.Success;
            }

            ArticleText.Write(context.CreateConsole(), found, context.Styled);
            return ExitCodes.Success;
        });
        return command;
    }
}
