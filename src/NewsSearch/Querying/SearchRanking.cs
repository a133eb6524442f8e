namespace NewsSearch;

/// <summary>How a query's matches are scored when results are ordered by relevance.</summary>
public enum SearchRanking
{
    /// <summary>
    /// NewsSearch's ranking, tuned against human relevance judgments (see the README): BM25 plus the boosts that
    /// measured better. The default.
    /// </summary>
    Default,

    /// <summary>Plain BM25 (k1 = 1.2, b = 0.75) over the query as written: the reference the default is measured against.</summary>
    Bm25,
}
