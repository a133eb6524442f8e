using System.Diagnostics;
using System.Globalization;
using NewsSearch.Cli.Commands;
using NewsSearch.Cli.Output;
using NewsSearch.Querying;
using Spectre.Console;

namespace NewsSearch.Cli.Shell;

/// <summary>
/// An interactive session on one index: a line is a query (a new search) or a command starting with ':' (see
/// <see cref="ShellActions"/>). Filters and order persist between queries and show in the prompt. A bad query or
/// filter is reported and the session goes on.
/// </summary>
internal sealed class ShellSession
{
    /// <summary>Results per page.</summary>
    public const int PageSize = 10;

    private readonly CliContext context;
    private readonly NewsIndex index;
    private readonly IndexLocation location;
    private readonly ILineInput input;

    private ShellFilters filters = new();

    // The current search: its query (null for :all) and the page shown; page is null until the first search.
    private string? query;
    private SearchResults? page;
    private bool quitting;

    public ShellSession(CliContext context, NewsIndex index, IndexLocation location, ILineInput input)
    {
        this.context = context;
        this.index = index;
        this.location = location;
        this.input = input;
    }

    private bool Styled => context.Styled;

    /// <summary>Reads and runs lines until <c>:quit</c>, the end of input, or Ctrl-C outside the line editor.</summary>
    public void Run()
    {
        var stats = index.GetStatistics(0);
        var console = Console();
        var span = stats.FirstDate is null ? string.Empty : $", {JsonOutput.Day(stats.FirstDate)} to {JsonOutput.Day(stats.LastDate)}";
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"NewsSearch shell on {TerminalText.Sanitize(location.DisplayPath)}: {stats.Articles:N0} article{(stats.Articles == 1 ? "" : "s")}{span}.")));
        console.MarkupLine("[dim]Type a query to search, :help for the commands, :quit or Ctrl-D to leave.[/]");

        while (!quitting && !context.Cancellation.IsCancellationRequested)
        {
            var line = input.ReadLine(PromptMarkup());
            if (line is null)
            {
                break;
            }
            Execute(line);
        }
    }

    /// <summary>Runs one line: a command when it starts with ':', else a query.</summary>
    public void Execute(string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return;
        }
        if (!text.StartsWith(':'))
        {
            Search(text);
            return;
        }
        var split = text.IndexOfAny([' ', '\t']);
        var name = split < 0 ? text : text[..split];
        var argument = split < 0 ? string.Empty : text[(split + 1)..].Trim();
        if (ShellActions.Find(name) is { } action)
        {
            action.Run(this, argument);
            return;
        }
        var suggestion = Suggestions.Closest(name, ShellActions.All.Select(a => a.Name));
        var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
        Error($"unknown command '{TerminalText.Sanitize(name)}'{hint}; :help lists the commands");
    }

    /// <summary>A new search for <paramref name="text"/> (every article the filters match when <c>null</c>), first page, with counts.</summary>
    public void Search(string? text)
    {
        var request = filters.Apply(new SearchRequest { Query = text, Limit = PageSize });
        var clock = Stopwatch.StartNew();
        if (Reported<(SearchResults, SearchCounts)?>(() => (index.Search(request), index.GetCounts(request, CountsText.SummaryTop))) is not var (results, counts))
        {
            return;
        }
        clock.Stop();
        query = text;
        page = results;

        var console = Console();
        var took = string.Create(CultureInfo.InvariantCulture, $"({clock.Elapsed.TotalMilliseconds:0} ms)");
        if (results.TotalHits == 0)
        {
            var why = filters.IsEmpty || query is null ? string.Empty : " under the filters (:clear drops them)";
            console.MarkupLine($"{Markup.Escape(Matches(0) + why)} {took}");
            return;
        }
        console.MarkupLine($"[bold]{Markup.Escape(Matches(results.TotalHits, results.TotalHitsExact))}[/] {took}");
        CountsText.WriteSummary(console, counts, Styled);
        WriteHits(console, results);
    }

    /// <summary>The next (+1) or previous (-1) page of the current search.</summary>
    public void TurnPage(int direction)
    {
        if (page is null)
        {
            Error("no results to page through: type a query first");
            return;
        }
        var offset = page.Request.Offset + (direction * PageSize);
        if (offset < 0)
        {
            Error("already on the first page");
            return;
        }
        if (offset >= page.TotalHits)
        {
            Error("no more results: this is the last page");
            return;
        }
        SearchResults results;
        try
        {
            results = index.Search(page.Request with { Offset = offset });
        }
        catch (NewsSearchException e)
        {
            Error(e.Message);
            return;
        }
        page = results;
        var console = Console();
        var last = offset + results.Hits.Count;
        console.MarkupLine($"[bold]{Markup.Escape(Matches(results.TotalHits, results.TotalHitsExact))}[/] · results {offset + 1}–{last}");
        WriteHits(console, results);
    }

    /// <summary>Result N of the current search in full, its matches highlighted, paged when longer than a person's screen.</summary>
    public void Open(string argument)
    {
        if (ResultAt(argument, ":open", "nothing to open") is not { } hit)
        {
            return;
        }
        var found = index.Get(hit.Id);
        if (found is null)
        {
            Error($"result {hit.Rank} is no longer in the index");
            return;
        }

        // Rendered first, then paged: only the rendered text knows how many lines the terminal will show.
        var size = input.WindowSize;
        using var rendered = new StringWriter();
        var console = context.CreateConsole(rendered, size?.Width ?? context.TerminalWidth);
        ArticleText.Write(console, found, Styled,
            index.FindMatches(query, found.Article.Title ?? string.Empty), index.FindMatches(query, found.Article.Body));
        Page(rendered.ToString(), context.OutputIsTerminal && input.Interactive ? size?.Height ?? context.TerminalHeight : null);
    }

    /// <summary>
    /// The current search, with its filters, order and page, as the request body for an Elasticsearch or OpenSearch
    /// index made by <c>export</c> (with the counts the shell shows).
    /// </summary>
    public void ShowElasticsearch()
    {
        if (page is null)
        {
            Error("no search to write: type a query (or :all) first");
            return;
        }
        if (Reported(() => Export.ElasticsearchQuery.Create(page.Request, counts: true)) is { } body)
        {
            Console().Write(new Spectre.Console.Text(body));
        }
    }

    /// <summary>Articles like result N of the current search ("more like this"), best first.</summary>
    public void Related(string argument)
    {
        if (ResultAt(argument, ":related", "nothing to compare") is not { } hit)
        {
            return;
        }
        if (index.Related(hit.Id, new RelatedRequest { Limit = PageSize }) is not { } results)
        {
            Error($"result {hit.Rank} is no longer in the index");
            return;
        }
        RelatedCommand.WriteText(Console(), results, Styled);
    }

    /// <summary>
    /// The hit a command's N names in the current search, or <c>null</c> after saying what is wrong: no search yet,
    /// N not a result's number, or the result gone from the index.
    /// </summary>
    private SearchHit? ResultAt(string argument, string command, string nothing)
    {
        if (page is null)
        {
            Error($"{nothing}: type a query first, then {command} N with N a result's number");
            return null;
        }
        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > page.TotalHits)
        {
            Error(string.Create(CultureInfo.InvariantCulture, $"usage: {command} N, with N a result's number from 1 to {page.TotalHits}"));
            return null;
        }
        var hit = page.Hits.FirstOrDefault(h => h.Rank == rank) ?? FetchHit(rank);
        if (hit is null)
        {
            Error($"result {rank} is no longer in the index");
        }
        return hit;
    }

    /// <summary>Result <paramref name="rank"/> of the current search when it is not on the page shown.</summary>
    private SearchHit? FetchHit(int rank) =>
        index.Search(page!.Request with { Offset = rank - 1, Limit = 1, SnippetLength = 0 }).Hits is [var hit] ? hit : null;

    public void SetFrom(string argument) => SetDate(argument, "from", day => filters with { From = day });

    public void SetTo(string argument) => SetDate(argument, "to", day => filters with { To = day });

    public void SetSpeaker(string argument) => ChangeFilters(filters with { Speaker = argument.Length == 0 ? null : argument });

    public void SetDateline(string argument) => ChangeFilters(filters with { Dateline = argument.Length == 0 ? null : argument });

    public void SetSort(string argument)
    {
        SearchSort? sort = argument.ToLowerInvariant() switch
        {
            "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Oldest,
            "-date" => SearchSort.Newest,
            _ => null,
        };
        if (argument.Length == 0)
        {
            Console().MarkupLine($"[dim]sorted by {ShellFilters.SortName(filters.Sort)}; :sort relevance, :sort date or :sort -date changes it[/]");
            return;
        }
        if (sort is null)
        {
            var suggestion = Suggestions.Closest(argument, ["relevance", "date", "-date"]);
            var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
            Error($"unknown order '{TerminalText.Sanitize(argument)}'{hint}: use relevance, date or -date");
            return;
        }
        ChangeFilters(filters with { Sort = sort.Value });
    }

    public void ClearFilters() => ChangeFilters(new ShellFilters());

    /// <summary>The whole index: how many articles, their span, the top speakers and datelines, the timeline.</summary>
    public void ShowStatistics()
    {
        var clock = Stopwatch.StartNew();
        var counts = index.GetCounts(new SearchRequest(), CountsText.SummaryTop);
        var console = Console();
        var span = counts.FirstDate is null ? "no dated articles" : $"{JsonOutput.Day(counts.FirstDate)} to {JsonOutput.Day(counts.LastDate)}";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{"index",-10}[/] {Markup.Escape(TerminalText.Sanitize(location.DisplayPath))}: {counts.Total:N0} articles, {span} ({clock.Elapsed.TotalMilliseconds:0} ms)"));
        CountsText.WriteSummary(console, counts, Styled);
    }

    /// <summary>Quotations matching <paramref name="text"/> (the newest when empty) under the session's filters.</summary>
    public void SearchQuotes(string text)
    {
        var request = new QuoteSearchRequest
        {
            Query = text.Length == 0 ? null : text,
            Speaker = filters.Speaker,
            Dateline = filters.Dateline,
            From = filters.From?.Day,
            To = filters.To?.Day,
            Limit = PageSize,
        };
        if (Reported(() => index.SearchQuotes(request)) is { } results)
        {
            QuotesCommand.WriteText(Console(), results, Styled);
        }
    }

    /// <summary>
    /// The answer of <paramref name="ask"/>, or <c>null</c> after reporting a bad query (with its caret) or another
    /// user error: the session goes on either way.
    /// </summary>
    private T? Reported<T>(Func<T> ask)
    {
        try
        {
            return ask();
        }
        catch (QuerySyntaxException e)
        {
            QueryError(e);
        }
        catch (NewsSearchException e)
        {
            Error(e.Message);
        }
        return default;
    }

    public void ShowHelp()
    {
        var console = Console();
        console.MarkupLine("[bold]Type a query[/] to search: words (any of them), \"phrases\", AND, OR, NOT, -word, and fields such as");
        console.MarkupLine("speaker:, dateline:, title:, date:2023-03 or date:[[2023-03-01 TO 2023-03-15]]. For example:");
        foreach (var example in new[] { "\"invisible hand\"", "ukraine AND NOT russia", "speaker:zelenskiy date:2023-03" })
        {
            console.MarkupLine($"  [dim]{Markup.Escape(example)}[/]");
        }
        console.WriteLine();
        console.MarkupLine("[bold]Commands[/] (filters and order stay until changed, and show in the prompt):");
        var width = ShellActions.All.Max(a => a.Usage.Length) + 2;
        foreach (var action in ShellActions.All)
        {
            console.MarkupLine($"  [bold]{Markup.Escape(action.Usage.PadRight(width))}[/]{Markup.Escape(action.Summary)}");
            if (action.Examples.Count > 0)
            {
                console.MarkupLine($"  {new string(' ', width)}[dim]{Markup.Escape(string.Join("   ", action.Examples))}[/]");
            }
        }
        console.WriteLine();
        console.MarkupLine("[dim]Keys: Up and Down recall earlier lines (kept between sessions), Ctrl-C clears the line, Ctrl-D leaves.[/]");
    }

    public void Quit() => quitting = true;

    private void SetDate(string argument, string name, Func<DateFilter?, ShellFilters> change)
    {
        if (argument.Length == 0)
        {
            ChangeFilters(change(null));
            return;
        }
        if (!DateRange.TryParse(argument, out var range, out var error))
        {
            Error($":{name}: {error}");
            return;
        }
        ChangeFilters(change(new DateFilter(argument, name == "from" ? range.First : range.Last)));
    }

    /// <summary>Takes the new filters (unless they contradict each other) and runs the current search again under them.</summary>
    private void ChangeFilters(ShellFilters changed)
    {
        if (changed.From is { } from && changed.To is { } to && from.Day > to.Day)
        {
            Error($"empty date range: from {from.Text} is after to {to.Text}; change one of them");
            return;
        }
        try
        {
            // A filter the index refuses (a speaker with no letters) would fail every search after it: refuse it now.
            index.Search(changed.Apply(new SearchRequest { Limit = 0 }));
        }
        catch (NewsSearchException e)
        {
            Error(e.Message);
            return;
        }
        filters = changed;
        var described = filters.Describe();
        Console().MarkupLine($"[dim]filters: {Markup.Escape(TerminalText.Sanitize(described.Length == 0 ? "none" : described))}[/]");
        if (page is not null)
        {
            Search(query);
        }
    }

    private void WriteHits(IAnsiConsole console, SearchResults results)
    {
        foreach (var hit in results.Hits)
        {
            SearchCommand.WriteHit(console, hit, Styled);
        }
        console.WriteLine();
        var last = results.Request.Offset + results.Hits.Count;
        var more = last < results.TotalHits ? " · :next for more" : string.Empty;
        var back = results.Request.Offset > 0 ? " · :prev goes back" : string.Empty;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[dim]results {results.Request.Offset + 1}–{last} of {(results.TotalHitsExact ? string.Empty : "at least ")}{results.TotalHits:N0}{more}{back} · :open N reads result N[/]"));
    }

    /// <summary>"5 matches for grain", or for <c>:all</c> "12 articles match the filters".</summary>
    private string Matches(int total, bool exact = true)
    {
        var count = (exact ? string.Empty : "at least ") + total.ToString("N0", CultureInfo.InvariantCulture);
        if (query is not null)
        {
            var what = TerminalText.Sanitize(query);
            return total switch { 0 => $"No matches for {what}", 1 => $"1 match for {what}", _ => $"{count} matches for {what}" };
        }
        if (filters.IsEmpty)
        {
            return total == 1 ? "1 article in the index" : $"{count} articles in the index";
        }
        return total switch { 0 => "No article matches the filters", 1 => "1 article matches the filters", _ => $"{count} articles match the filters" };
    }

    /// <summary>Prints a rendered text, a screenful at a time when it is longer than <paramref name="height"/>.</summary>
    private void Page(string text, int? height)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var pageLines = height is > 2 ? height.Value - 1 : int.MaxValue;
        for (var start = 0; start < lines.Length; start += pageLines)
        {
            if (start > 0 && !input.ContinuePaging(string.Create(CultureInfo.InvariantCulture,
                    $"[dim]-- more ({start} of {lines.Length} lines): Enter for the next page, q to stop --[/]")))
            {
                return;
            }
            foreach (var line in lines.Skip(start).Take(pageLines))
            {
                context.Out.WriteLine(line);
            }
        }
    }

    private void QueryError(QuerySyntaxException e)
    {
        var console = Console();
        console.MarkupLine($"{ErrorLabel("query error")} {Markup.Escape(TerminalText.Sanitize(e.Message))}");
        if (e.Position is { } position && position <= e.Query.Length)
        {
            // Sanitizing keeps every character in place, so the caret stands under the character the message names.
            console.WriteLine("  " + TerminalText.Sanitize(e.Query));
            console.MarkupLine($"  {new string(' ', position)}{(Styled ? "[red]^[/]" : "^")}");
        }
    }

    private void Error(string message) => Console().MarkupLine($"{ErrorLabel("error")} {Markup.Escape(TerminalText.Sanitize(message))}");

    private string ErrorLabel(string label) => Styled ? $"[red]{label}:[/]" : $"{label}:";

    private string PromptMarkup()
    {
        var described = filters.Describe();
        var text = described.Length == 0 ? "newssearch>" : $"newssearch [[{Markup.Escape(TerminalText.Sanitize(described))}]]>";
        return Styled ? $"[bold blue]{text}[/]" : text;
    }

    /// <summary>A console as wide as the terminal is now (it may have been resized since the last command).</summary>
    private IAnsiConsole Console() => context.CreateConsole(context.Out, input.WindowSize?.Width ?? context.TerminalWidth);
}
