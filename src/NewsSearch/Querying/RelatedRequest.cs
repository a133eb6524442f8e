namespace NewsSearch;

/// <summary>A "more like this" request: which related articles to return. Immutable; every property has a default.</summary>
public sealed record RelatedRequest
{
    /// <summary>Number of related articles to return, 0 to 10,000. Default: 10.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Only articles published before this day (exclusive); undated articles are then left out. Default: no limit.</summary>
    public DateOnly? Before { get; init; }

    /// <summary>
    /// Only articles published before the given article's day, as a reader of it could have known them (TREC's
    /// background linking). The article must have a date. Default: <c>false</c>.
    /// </summary>
    public bool AsOf { get; init; }

    /// <summary>Approximate length in characters of each hit's snippet; 0 leaves snippets out. Default: 200.</summary>
    public int SnippetLength { get; init; } = 200;
}

/// <summary>Articles like a given one, best first.</summary>
/// <param name="ArticleId">The article they are like.</param>
/// <param name="Request">The request answered.</param>
/// <param name="TotalHits">Number of articles that share any of <paramref name="Terms"/> (within the date limit).</param>
/// <param name="Hits">The most similar articles; the article itself is never among them.</param>
/// <param name="Terms">The article's most distinctive words, which the similarity is computed over, heaviest first.</param>
/// <param name="Elapsed">Time spent.</param>
public sealed record RelatedResults(
    string ArticleId, RelatedRequest Request, int TotalHits, IReadOnlyList<SearchHit> Hits, IReadOnlyList<WeightedTerm> Terms, TimeSpan Elapsed);
