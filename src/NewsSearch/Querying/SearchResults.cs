namespace NewsSearch;

/// <summary>The answer to a <see cref="SearchRequest"/>: how many articles matched and the requested page of them.</summary>
/// <param name="Request">The request answered.</param>
/// <param name="TotalHits">Number of articles that match, over all pages; a lower bound when <see cref="TotalHitsExact"/> is <c>false</c>.</param>
/// <param name="Hits">The requested page, best (or first in date order) first.</param>
/// <param name="Elapsed">Time spent searching, snippets included.</param>
public sealed record SearchResults(SearchRequest Request, int TotalHits, IReadOnlyList<SearchHit> Hits, TimeSpan Elapsed)
{
    /// <summary>
    /// Words the default ranking added to the query from the best first-pass matches (pseudo-relevance feedback),
    /// with their weights; empty when it added none.
    /// </summary>
    public IReadOnlyList<WeightedTerm> FeedbackTerms { get; init; } = [];

    /// <summary>
    /// Whether <see cref="TotalHits"/> counts every match. <c>false</c> when a relevance search of more than 1,000
    /// matches skipped documents that could not make the page: then at least that many match (see
    /// <see cref="SearchRequest.CountAll"/>).
    /// </summary>
    public bool TotalHitsExact { get; init; } = true;
}

/// <summary>One matching article.</summary>
/// <param name="Rank">One-based position in the whole result list (offset included).</param>
/// <param name="Id">The article's id.</param>
/// <param name="Score">Relevance score (BM25), or <c>null</c> when the request had no query text.</param>
/// <param name="Date">Publication day, when known.</param>
/// <param name="Dateline">The dateline in its one readable form (<see cref="Analysis.Dateline.Display"/>): "NEW YORK" and "New york" both show as "New York".</param>
/// <param name="Title">The headline, when the article has one.</param>
/// <param name="Speakers">Canonical names of the people quoted.</param>
/// <param name="Snippet">The best passage with the matched words marked, or <c>null</c> when snippets were not asked for.</param>
public sealed record SearchHit(
    int Rank, string Id, float? Score, DateOnly? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, Snippet? Snippet)
{
    /// <summary>Why the hit scored as it did, when <see cref="SearchRequest.Explain"/> asked for it; else <c>null</c>.</summary>
    public ScoreExplanation? Explanation { get; init; }
}

/// <summary>A passage of text with the matched words located.</summary>
/// <param name="Text">The passage, white space collapsed; starts or ends with "…" where it was cut from a longer text.</param>
/// <param name="Highlights">Where the matched words are in <see cref="Text"/>, in order and not overlapping.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights)
{
    /// <summary>The passage with each highlight wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string ToMarkedString(string open, string close)
    {
        var builder = new System.Text.StringBuilder(Text.Length + (Highlights.Count * (open.Length + close.Length)));
        var position = 0;
        foreach (var span in Highlights)
        {
            builder.Append(Text, position, span.Start - position).Append(open).Append(Text, span.Start, span.Length).Append(close);
            position = span.Start + span.Length;
        }
        return builder.Append(Text, position, Text.Length - position).ToString();
    }
}

/// <summary>A range of characters in a text.</summary>
/// <param name="Start">Zero-based index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A value and how many articles (or quotations) have it: a dateline, a speaker.</summary>
/// <param name="Value">The value in its display form.</param>
/// <param name="Count">Number of articles (or quotations).</param>
public readonly record struct ValueCount(string Value, int Count);

/// <summary>An overview of an index.</summary>
/// <param name="Articles">Number of articles.</param>
/// <param name="FirstDate">Earliest publication day, or <c>null</c> when no article is dated.</param>
/// <param name="LastDate">Latest publication day, or <c>null</c> when no article is dated.</param>
/// <param name="Datelines">The most frequent datelines, most frequent first.</param>
/// <param name="Speakers">The most quoted speakers (by articles), most frequent first.</param>
public sealed record IndexStatistics(
    int Articles, DateOnly? FirstDate, DateOnly? LastDate, IReadOnlyList<ValueCount> Datelines, IReadOnlyList<ValueCount> Speakers)
{
    /// <summary>Number of quotations in the index, attributed or not. Default: 0.</summary>
    public int Quotations { get; init; }

    /// <summary>The most quoted speakers by number of quotations, most quoted first. Default: empty.</summary>
    public IReadOnlyList<ValueCount> QuotationsBySpeaker { get; init; } = [];
}
