using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch quotes QUERY</c>: quotations that match, with who said them, where and when.</summary>
internal static class QuotesCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Query in Lucene syntax over the quotations' words: \"phrases\", AND/OR/NOT, speaker:, date:. Omit it to list the newest quotations the filters match",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var speaker = new Option<string?>("--speaker")
        {
            Description = "Only quotations by this person (full name, surname or a variant spelling: Zelensky, Zelenskiy)",
            HelpName = "NAME",
        };
        var dateline = CommandOptions.Dateline();
        var from = CommandOptions.From();
        var to = CommandOptions.To();
        var limit = CommandOptions.Limit();
        var json = CommandOptions.Json();
        var elasticsearch = new Option<bool>("--elasticsearch")
        {
            Description = "Print the search as the request body of POST /NAME/_search for an Elasticsearch or OpenSearch index made by 'export' (a nested query; the quotations are its inner hits), instead of searching",
        };
        var command = new Command("quotes", "Search what people said: quotations with their speaker, article, date and dateline")
        {
            query, speaker, dateline, from, to, limit, elasticsearch, json,
        };
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            var request = new QuoteSearchRequest
            {
                Query = string.IsNullOrWhiteSpace(text) ? null : text,
                Speaker = parse.GetValue(speaker),
                Dateline = parse.GetValue(dateline),
                From = CommandOptions.ParseDay(parse.GetValue(from), "--from", first: true),
                To = CommandOptions.ParseDay(parse.GetValue(to), "--to", first: false),
                Limit = SearchCommand.CheckRange(parse.GetValue(limit), "--limit", 0, 10_000),
            };
            if (parse.GetValue(elasticsearch))
            {
                context.Out.Write(Export.ElasticsearchQuery.CreateForQuotations(request));
                return ExitCodes.Success;
            }
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var results = index.SearchQuotes(request);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new QuotesJson(results.Request.Query, results.TotalHits, results.Hits.Select(hit => new QuoteJson(
                    hit.ArticleId, JsonOutput.Day(hit.Date), hit.Dateline, hit.Quotation.Speaker, hit.Quotation.Source?.Text,
                    hit.Text.ToMarkedString(JsonOutput.MatchOpen, JsonOutput.MatchClose))).ToList()));
            }
            else
            {
                WriteText(context.CreateConsole(), results, context.Styled);
            }
            return results.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
        });
        return command;
    }

    /// <summary>The quotations as people read them: a count, then each with who, when and where; shared with the shell.</summary>
    internal static void WriteText(IAnsiConsole console, QuoteResults results, bool styled)
    {
        var what = results.Request.Query is { } q ? $" for {TerminalText.Sanitize(q)}" : string.Empty;
        console.WriteLine(results.TotalHits switch
        {
            0 => $"No quotations{what}.",
            1 => $"1 quotation{what}",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} quotations{what}"),
        });
        foreach (var hit in results.Hits)
        {
            console.WriteLine();
            var header = new List<string> { SpeakerLabel(hit.Quotation), JsonOutput.Day(hit.Date) ?? "undated" };
            if (hit.Dateline.Length > 0)
            {
                header.Add(hit.Dateline);
            }
            var rank = string.Create(CultureInfo.InvariantCulture, $"{hit.Rank,2}.");
            console.MarkupLine($"{rank} [bold]{Markup.Escape(TerminalText.Sanitize(string.Join(" · ", header)))}[/]");
            console.MarkupLine("    “" + SearchCommand.SnippetMarkup(hit.Text, styled) + "”");
            console.MarkupLine($"    [dim]{Markup.Escape(TerminalText.Sanitize(hit.ArticleId))}[/]");
        }
    }

    /// <summary>The speaker; else the unnamed source as written ("Western strategists (unnamed)"); else "unattributed".</summary>
    private static string SpeakerLabel(Quotation quotation) =>
        quotation.Speaker ?? (quotation.Source is { } source ? $"{source.Text} (not a named person)" : "unattributed");
}
