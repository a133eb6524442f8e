using System.CommandLine;
using System.Globalization;
using NewsSearch.Cli.Output;
using Spectre.Console;

namespace NewsSearch.Cli.Commands;

/// <summary><c>newssearch search QUERY</c>: ranked search with filters, paging and snippets.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context, Option<string?> indexOption)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Query in Lucene syntax: words, \"phrases\", AND/OR/NOT, field:value, date:2023-03. Omit it to list what the filters match",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = CommandOptions.From();
        var to = CommandOptions.To();
        var speaker = CommandOptions.Speaker();
        var dateline = CommandOptions.Dateline();
        var sort = new Option<string>("--sort")
        {
            Description = "Order: relevance (best first), date (oldest first) or -date (newest first). Default: relevance",
            HelpName = "ORDER",
            DefaultValueFactory = _ => "relevance",
        };
        sort.AcceptOnlyFromAmong("relevance", "date", "-date");
        var limit = CommandOptions.Limit();
        var offset = CommandOptions.Offset();
        var json = CommandOptions.Json();
        var counts = new Option<bool>("--counts")
        {
            Description = "Also count all the matches by speaker and dateline (the top 10) and by period (day, month or year, from their span)",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Show for each hit why it scored as it did: the weight of each matched word, proximity, lead and feedback words",
        };
        var ranking = CommandOptions.Ranking();
        var countAll = new Option<bool>("--count-all")
        {
            Description = "Count every match exactly. By default a relevance search counts up to 1,000 and past that may skip articles that cannot make the page (\"at least N matches\")",
        };

        var elasticsearch = new Option<bool>("--elasticsearch")
        {
            Description = "Print the search as the request body of POST /NAME/_search for an Elasticsearch or OpenSearch index made by 'export' (same matches, plain BM25), instead of searching",
        };

        var command = new Command("search", "Search the articles and show the best matches with snippets")
        {
            query, from, to, speaker, dateline, sort, limit, offset, counts, explain, ranking, countAll, elasticsearch, json,
        };
        command.SetAction(parse =>
        {
            var text = string.Join(' ', parse.GetValue(query) ?? []);
            var request = new SearchRequest
            {
                Query = string.IsNullOrWhiteSpace(text) ? null : text,
                From = CommandOptions.ParseDay(parse.GetValue(from), "--from", first: true),
                To = CommandOptions.ParseDay(parse.GetValue(to), "--to", first: false),
                Speaker = parse.GetValue(speaker),
                Dateline = parse.GetValue(dateline),
                Sort = parse.GetValue(sort) switch
                {
                    "date" => SearchSort.Oldest,
                    "-date" => SearchSort.Newest,
                    _ => SearchSort.Relevance,
                },
                Limit = CheckRange(parse.GetValue(limit), "--limit", 0, 10_000),
                Offset = CheckRange(parse.GetValue(offset), "--offset", 0, 100_000),
                Explain = parse.GetValue(explain),
                Ranking = CommandOptions.ParseRanking(parse.GetValue(ranking)),
                CountAll = parse.GetValue(countAll),
            };
            if (parse.GetValue(elasticsearch))
            {
                // No index is needed: the query is parsed and analysed as the export's mapping analyses it.
                context.Out.Write(Export.ElasticsearchQuery.Create(request, parse.GetValue(counts)));
                return ExitCodes.Success;
            }
            var location = IndexLocation.Resolve(parse.GetValue(indexOption), context);
            using var index = location.OpenForReading(context);
            var results = index.Search(request);
            var matchCounts = parse.GetValue(counts) ? index.GetCounts(request) : null;
            if (parse.GetValue(json))
            {
                WriteJson(context, results, matchCounts);
            }
            else
            {
                WriteText(context, results, matchCounts);
            }
            return results.TotalHits > 0 ? ExitCodes.Success : ExitCodes.NothingFoundOrRejected;
        });
        return command;
    }

    internal static int CheckRange(int value, string option, int min, int max) =>
        value >= min && value <= max ? value : throw new NewsSearchException($"{option} must be between {min} and {max}, not {value}");

    private static void WriteJson(CliContext context, SearchResults results, SearchCounts? counts)
    {
        var feedback = results.Request.Explain ? results.FeedbackTerms.Select(t => new WeightedTermJson(t.Term, t.Weight)).ToList() : null;
        JsonOutput.Write(context.Out, new SearchJson(results.Request.Query, results.TotalHits, [.. results.Hits.Select(ToJson)])
        {
            TotalExact = results.TotalHitsExact,
            Counts = JsonOutput.Counts(counts),
            FeedbackTerms = feedback,
        });
    }

    internal static HitJson ToJson(SearchHit hit) => new(
        hit.Rank, hit.Id, hit.Score, JsonOutput.Day(hit.Date), hit.Dateline, hit.Title, hit.Speakers,
        hit.Snippet?.ToMarkedString(JsonOutput.MatchOpen, JsonOutput.MatchClose))
    {
        Explanation = hit.Explanation is { } why
            ? new ExplanationJson(why.Score, [.. why.Contributions.Select(c => new ContributionJson(
                KindName(c.Kind), c.Field, c.Text, c.Score, c.Frequency, c.ArticlesWithIt))])
            : null,
    };

    private static void WriteText(CliContext context, SearchResults results, SearchCounts? counts)
    {
        var console = context.CreateConsole();
        var what = results.Request.Query is { } q ? $" for {TerminalText.Sanitize(q)}" : string.Empty;
        var summary = results.TotalHits switch
        {
            0 => $"No matches{what}.",
            1 => $"1 match{what}",
            var n when !results.TotalHitsExact => string.Create(CultureInfo.InvariantCulture, $"At least {n:N0} matches{what}"),
            var n => string.Create(CultureInfo.InvariantCulture, $"{n:N0} matches{what}"),
        };
        if (context.Styled)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $" ({results.Elapsed.TotalMilliseconds:0} ms)");
        }
        console.WriteLine(summary);
        if (results.Hits.Count == 0 && results.TotalHits > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(no results past --offset {results.Request.Offset})"));
        }

        if (counts is not null && counts.Total > 0)
        {
            CountsText.WriteFull(console, counts, context.Styled);
        }

        if (results.Request.Explain && results.FeedbackTerms.Count > 0)
        {
            console.WriteLine("feedback words: " + TerminalText.Sanitize(string.Join(", ", results.FeedbackTerms.Select(t => t.Term))));
        }

        foreach (var hit in results.Hits)
        {
            WriteHit(console, hit, context.Styled);
        }
    }

    /// <summary>One hit as search prints it: rank, date, dateline and speakers, title, snippet, id, and the explanation if any.</summary>
    internal static void WriteHit(IAnsiConsole console, SearchHit hit, bool styled)
    {
        console.WriteLine();
        var header = new List<string> { JsonOutput.Day(hit.Date) ?? "undated" };
        if (hit.Dateline.Length > 0)
        {
            header.Add(hit.Dateline);
        }
        if (hit.Speakers.Count > 0)
        {
            header.Add(string.Join(", ", hit.Speakers));
        }
        var rank = string.Create(CultureInfo.InvariantCulture, $"{hit.Rank,2}.");
        console.MarkupLine($"{rank} [bold]{Markup.Escape(TerminalText.Sanitize(string.Join(" · ", header)))}[/]");
        // A wire brief's text is its headline: it is shown once, as the title, with the matches marked.
        var brief = hit.Snippet is { } headline && string.Equals(headline.Text, hit.Title, StringComparison.Ordinal);
        if (brief)
        {
            console.MarkupLine($"    [bold]{SnippetMarkup(hit.Snippet!, styled)}[/]");
        }
        else if (!string.IsNullOrWhiteSpace(hit.Title))
        {
            console.MarkupLine($"    [bold]{Markup.Escape(TerminalText.Sanitize(hit.Title))}[/]");
        }
        if (hit.Snippet is { } snippet && !brief)
        {
            // Padded rather than prefixed, so a snippet wrapped on a narrow terminal stays indented.
            console.Write(new Padder(new Markup(SnippetMarkup(snippet, styled)), new Padding(4, 0, 0, 0)));
        }
        console.MarkupLine($"    [dim]{Markup.Escape(TerminalText.Sanitize(hit.Id))}[/]");
        if (hit.Explanation is { } why)
        {
            foreach (var line in ExplanationText.Lines(why))
            {
                console.WriteLine("    " + TerminalText.Sanitize(line));
            }
        }
    }

    internal static string KindName(ContributionKind kind) => kind switch
    {
        ContributionKind.Term => "term",
        ContributionKind.Phrase => "phrase",
        ContributionKind.Proximity => "proximity",
        ContributionKind.Lead => "lead",
        ContributionKind.Feedback => "feedback",
        _ => "other",
    };

    /// <summary>Snippet as Spectre markup: matched words bold on a terminal, between ** marks otherwise.</summary>
    internal static string SnippetMarkup(Snippet snippet, bool styled) => MatchMarkup.Mark(snippet.Text, snippet.Highlights, styled);
}
