namespace NewsSearch.Cli.Shell;

/// <summary>A date filter as the user typed it (<c>2023-03</c>) and the day it stands for.</summary>
internal sealed record DateFilter(string Text, DateOnly Day);

/// <summary>The filters and order a session keeps between queries; they show in the prompt.</summary>
internal sealed record ShellFilters
{
    public DateFilter? From { get; init; }

    public DateFilter? To { get; init; }

    public string? Speaker { get; init; }

    public string? Dateline { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public bool IsEmpty => this == new ShellFilters();

    /// <summary>The request with these filters and this order.</summary>
    public SearchRequest Apply(SearchRequest request) => request with
    {
        From = From?.Day,
        To = To?.Day,
        Speaker = Speaker,
        Dateline = Dateline,
        Sort = Sort,
    };

    /// <summary>"from 2023-03 · speaker Qin Gang · sort -date", or empty.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (From is not null)
        {
            parts.Add($"from {From.Text}");
        }
        if (To is not null)
        {
            parts.Add($"to {To.Text}");
        }
        if (Speaker is not null)
        {
            parts.Add($"speaker {Speaker}");
        }
        if (Dateline is not null)
        {
            parts.Add($"dateline {Dateline}");
        }
        if (Sort != SearchSort.Relevance)
        {
            parts.Add($"sort {SortName(Sort)}");
        }
        return string.Join(" · ", parts);
    }

    public static string SortName(SearchSort sort) => sort switch
    {
        SearchSort.Oldest => "date",
        SearchSort.Newest => "-date",
        _ => "relevance",
    };
}
