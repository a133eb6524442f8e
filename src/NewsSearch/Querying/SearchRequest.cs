namespace NewsSearch;

/// <summary>How search results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25). A request without a query text falls back to <see cref="Newest"/>.</summary>
    Relevance,

    /// <summary>Oldest first; undated articles last.</summary>
    Oldest,

    /// <summary>Newest first; undated articles last.</summary>
    Newest,
}

/// <summary>A search: query text, filters, order and page. Immutable; every property has a default.</summary>
public sealed record SearchRequest
{
    /// <summary>
    /// Query in the Lucene classic syntax (terms, "phrases", AND/OR/NOT, field:value, date:2023-03). Words without
    /// an operator are ORed. <c>null</c> or blank: every article that passes the filters. Default: <c>null</c>.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>Only articles published on or after this day. Default: no limit.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only articles published on or before this day (inclusive). Default: no limit.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only articles quoting this person: a canonical name or the surname alone. Default: any.</summary>
    public string? Speaker { get; init; }

    /// <summary>Only articles with this dateline, compared without regard to case or spacing. Default: any.</summary>
    public string? Dateline { get; init; }

    /// <summary>Result order. Default: <see cref="SearchSort.Relevance"/>.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Number of hits to return, 0 to 10,000 (0 counts matches only). Default: 10.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Number of hits to skip, for paging. Default: 0.</summary>
    public int Offset { get; init; }

    /// <summary>Approximate length in characters of each hit's snippet; 0 leaves snippets out. Default: 200.</summary>
    public int SnippetLength { get; init; } = 200;

    /// <summary>How matches are scored when ordered by relevance. Default: <see cref="SearchRanking.Default"/>.</summary>
    public SearchRanking Ranking { get; init; }

    /// <summary>Whether each hit carries a <see cref="SearchHit.Explanation"/> of its score. Default: <c>false</c>.</summary>
    public bool Explain { get; init; }

    /// <summary>
    /// Whether <see cref="SearchResults.TotalHits"/> must count every match when ordering by relevance. By default
    /// matches are counted exactly up to 1,000; beyond that a search may skip documents that cannot make the page
    /// (much faster on large archives) and then reports at least that many (<see cref="SearchResults.TotalHitsExact"/>).
    /// Counting with <see cref="Limit"/> 0, and date order, always count exactly. Default: <c>false</c>.
    /// </summary>
    public bool CountAll { get; init; }
}
