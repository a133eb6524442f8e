namespace NewsSearch.Querying;

/// <summary>
/// The values of a ranking. Users choose a <see cref="SearchRanking"/>; the values of the default one were chosen by
/// measurement on the odd-numbered TIME queries (README, "Ranking quality"), so they are not options.
/// </summary>
internal sealed record RankingSettings
{
    /// <summary>Plain BM25 over the user's query.</summary>
    public static RankingSettings Plain { get; } = new();

    /// <summary>The default ranking.</summary>
    public static RankingSettings Tuned { get; } = new()
    {
        LeadBoost = 0.5f,
        ProximityBoost = 0.1f,
        FeedbackDocuments = 4,
        FeedbackWeight = 0.1f,
    };

    /// <summary>Boost of the query words matched among the body's first <see cref="Analysis.NewsAnalyzer.LeadPositions"/> positions; 0: none.</summary>
    public float LeadBoost { get; init; }

    /// <summary>Boost of the clauses that reward adjacent query words found close together; 0: none.</summary>
    public float ProximityBoost { get; init; }

    /// <summary>How many positions apart two adjacent query words may be and still count as close.</summary>
    public int ProximitySlop { get; init; } = 8;

    /// <summary>First-pass matches that pseudo-relevance feedback reads; 0: no feedback.</summary>
    public int FeedbackDocuments { get; init; }

    /// <summary>Words feedback adds.</summary>
    public int FeedbackTerms { get; init; } = 10;

    /// <summary>Weight of the feedback words, relative to one query word; (1 - α) / α in RM3's terms.</summary>
    public float FeedbackWeight { get; init; }

    /// <summary>
    /// Feedback runs only for queries with at least this many distinct words: it costs a second search, and the
    /// long, descriptive queries are those it helps (short keyword queries say precisely what they want).
    /// </summary>
    public int FeedbackMinWords { get; init; } = 4;

    /// <summary>Feedback skips words found in more than this share of the articles: they say nothing about the topic.</summary>
    public float FeedbackMaxDocShare { get; init; } = 0.1f;

    /// <summary>Whether the ranking adds anything to the user's query.</summary>
    public bool RewritesQuery => LeadBoost > 0 || ProximityBoost > 0 || FeedbackDocuments > 0;
}
