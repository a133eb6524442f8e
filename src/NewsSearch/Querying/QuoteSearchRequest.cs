namespace NewsSearch;

/// <summary>A search for quotations: query text, filters and page size. Immutable; every property has a default.</summary>
public sealed record QuoteSearchRequest
{
    /// <summary>
    /// Query in the Lucene classic syntax over the quotations' text (<c>"invisible hand"</c>, <c>tragedy AND ukraine</c>);
    /// <c>speaker:</c>, <c>date:</c> and <c>dateline:</c> work as in article searches. <c>null</c> or blank: every
    /// quotation that passes the filters, newest first. Default: <c>null</c>.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>Only quotations by this speaker: a canonical name, the surname alone or a variant spelling. Default: any.</summary>
    public string? Speaker { get; init; }

    /// <summary>Only quotations from articles filed from this place (case and spacing ignored). Default: any.</summary>
    public string? Dateline { get; init; }

    /// <summary>Only quotations from articles published on or after this day. Default: no limit.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only quotations from articles published on or before this day (inclusive). Default: no limit.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Number of quotations to return, 0 to 10,000 (0 counts matches only). Default: 10.</summary>
    public int Limit { get; init; } = 10;
}

/// <summary>The answer to a <see cref="QuoteSearchRequest"/>.</summary>
/// <param name="Request">The request answered.</param>
/// <param name="TotalHits">Number of quotations that match.</param>
/// <param name="Hits">The best matches (or the newest, without a query), at most <see cref="QuoteSearchRequest.Limit"/>.</param>
/// <param name="Elapsed">Time spent searching.</param>
public sealed record QuoteResults(QuoteSearchRequest Request, int TotalHits, IReadOnlyList<QuoteHit> Hits, TimeSpan Elapsed);

/// <summary>One matching quotation.</summary>
/// <param name="Rank">One-based position in the results.</param>
/// <param name="ArticleId">The article it is quoted in.</param>
/// <param name="Date">The article's publication day, when known.</param>
/// <param name="Dateline">The article's dateline.</param>
/// <param name="Quotation">The quotation: exact text, offsets in the article body, speaker and source mention.</param>
/// <param name="Text">The quotation's text (white space collapsed) with the matched words located.</param>
/// <param name="Score">Relevance score (BM25), or <c>null</c> when the request had no query text.</param>
public sealed record QuoteHit(int Rank, string ArticleId, DateOnly? Date, string Dateline, Quotation Quotation, Snippet Text, float? Score);
