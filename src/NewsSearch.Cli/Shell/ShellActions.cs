namespace NewsSearch.Cli.Shell;

/// <summary>A shell command: its name (with the colon), what it takes, what it does, examples, and what runs it.</summary>
/// <param name="Name">The name as typed, with the colon: <c>:open</c>.</param>
/// <param name="Argument">What follows the name in the help (<c>N</c>, <c>DATE</c>), or <c>null</c> for none.</param>
/// <param name="Summary">One line for <c>:help</c>.</param>
/// <param name="Examples">Whole lines as a user would type them.</param>
/// <param name="Run">Runs the command with the rest of the line (trimmed; empty when nothing follows).</param>
internal sealed record ShellAction(string Name, string? Argument, string Summary, IReadOnlyList<string> Examples, Action<ShellSession, string> Run)
{
    public string Usage => Argument is null ? Name : $"{Name} {Argument}";
}

/// <summary>
/// Every shell command, in the order <c>:help</c> lists them. A new command is one entry here and one method on
/// <see cref="ShellSession"/>.
/// </summary>
internal static class ShellActions
{
    public static IReadOnlyList<ShellAction> All { get; } =
    [
        new(":next", null, "the next page of results", [], (s, _) => s.TurnPage(+1)),
        new(":prev", null, "the previous page of results", [], (s, _) => s.TurnPage(-1)),
        new(":open", "N", "read result N in full, the matches highlighted (paged when longer than the screen)", [":open 3"], (s, arg) => s.Open(arg)),
        new(":related", "N", "articles like result N (more like this), best first", [":related 2"], (s, arg) => s.Related(arg)),
        new(":all", null, "list every article the filters match, newest first (no query needed)", [], (s, _) => s.Search(null)),
        new(":from", "DATE", "only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); no DATE drops the filter", [":from 2023-03", ":from"], (s, arg) => s.SetFrom(arg)),
        new(":to", "DATE", "only articles published on or before DATE, inclusive; no DATE drops the filter", [":to 2023-03-31"], (s, arg) => s.SetTo(arg)),
        new(":speaker", "NAME", "only articles quoting NAME (full name or surname); no NAME drops the filter", [":speaker Qin Gang", ":speaker zelenskiy"], (s, arg) => s.SetSpeaker(arg)),
        new(":dateline", "PLACE", "only articles filed from PLACE (case and spacing ignored); no PLACE drops the filter", [":dateline new delhi"], (s, arg) => s.SetDateline(arg)),
        new(":sort", "ORDER", "order results by relevance (best first), date (oldest first) or -date (newest first)", [":sort -date", ":sort relevance"], (s, arg) => s.SetSort(arg)),
        new(":clear", null, "drop every filter and sort by relevance again", [], (s, _) => s.ClearFilters()),
        new(":elasticsearch", null, "the current search as the request body for an Elasticsearch or OpenSearch index made by 'newssearch export'", [], (s, _) => s.ShowElasticsearch()),
        new(":stats", null, "what the index holds: articles, dates, top speakers and datelines, timeline", [], (s, _) => s.ShowStatistics()),

        new(":quotes", "QUERY", "search what people said, under the same filters (speaker, dateline, dates); no QUERY lists the newest quotations", [":quotes \"invisible hand\"", ":quotes tragedy"], (s, arg) => s.SearchQuotes(arg)),
        new(":help", null, "this list", [], (s, _) => s.ShowHelp()),
        new(":quit", null, "leave the shell (so does Ctrl-D)", [], (s, _) => s.Quit()),
    ];

    public static ShellAction? Find(string name) => All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
