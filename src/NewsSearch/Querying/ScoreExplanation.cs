namespace NewsSearch;

/// <summary>What part of the ranking a <see cref="ScoreContribution"/> comes from.</summary>
public enum ContributionKind
{
    /// <summary>A word of the query found in the article (BM25).</summary>
    Term,

    /// <summary>A phrase of the query, or another clause the user wrote that is not a single word.</summary>
    Phrase,

    /// <summary>Words of the query found close together: the proximity boost of the default ranking.</summary>
    Proximity,

    /// <summary>A word of the query among the article's first words (its headline and lead): the lead boost of the default ranking.</summary>
    Lead,

    /// <summary>A word added by pseudo-relevance feedback: frequent in the best first-pass matches.</summary>
    Feedback,
}

/// <summary>Why a hit scored as it did: its score as the sum of the parts of the query it matched.</summary>
/// <param name="Score">The hit's score.</param>
/// <param name="Contributions">The parts that matched, largest first; their scores add up to <paramref name="Score"/>.</param>
public sealed record ScoreExplanation(float Score, IReadOnlyList<ScoreContribution> Contributions);

/// <summary>One matched part of the query and what it added to the score.</summary>
/// <param name="Kind">Where the part comes from.</param>
/// <param name="Field">The field it matched (<c>body</c>, <c>title</c>).</param>
/// <param name="Text">The word or words, as indexed (stemmed).</param>
/// <param name="Score">What it added to the score.</param>
/// <param name="Frequency">How often it occurs in the article (for phrases and proximity: a sloppy count), when known.</param>
/// <param name="ArticlesWithIt">In how many articles it occurs (the rarer, the more it weighs), when known.</param>
public sealed record ScoreContribution(ContributionKind Kind, string Field, string Text, float Score, float? Frequency, long? ArticlesWithIt);

/// <summary>A word and its weight in a query.</summary>
/// <param name="Term">The word as indexed (stemmed).</param>
/// <param name="Weight">Its weight (the boost of its clause).</param>
public readonly record struct WeightedTerm(string Term, float Weight);
