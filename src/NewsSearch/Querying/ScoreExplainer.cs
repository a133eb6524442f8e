using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace NewsSearch.Querying;

/// <summary>
/// Breaks a hit's score into the parts of the query it matched: each word and phrase the user wrote, and each
/// clause the default ranking added. BM25 adds the scores of a boolean query's matching clauses (no coordination
/// factor, no query normalisation), so explaining each leaf with the boosts above it gives parts that sum to the
/// hit's score.
/// </summary>
internal sealed class ScoreExplainer
{
    private readonly IndexSearcher searcher;
    private readonly List<(Query Leaf, ContributionKind Kind)> leaves = [];

    public ScoreExplainer(IndexSearcher searcher, RankedQuery ranked)
    {
        this.searcher = searcher;
        Collect(ranked.UserQuery, 1f, null);
        foreach (var (part, kind) in ranked.Additions)
        {
            Collect(part, 1f, kind);
        }
    }

    public ScoreExplanation Explain(int doc, float score)
    {
        var parts = new List<ScoreContribution>();
        foreach (var (leaf, kind) in leaves)
        {
            var explanation = searcher.Explain(leaf, doc);
            if (!explanation.IsMatch || explanation.Value <= 0)
            {
                continue;
            }
            var (field, text, documentFrequency) = Describe(leaf);
            parts.Add(new ScoreContribution(kind, field, text, explanation.Value, Frequency(explanation), documentFrequency));
        }
        parts.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new ScoreExplanation(score, parts);
    }

    private void Collect(Query query, float boost, ContributionKind? kind)
    {
        var total = boost * query.Boost;
        if (query is BooleanQuery boolean)
        {
            foreach (var clause in boolean.Clauses)
            {
                if (clause.Occur != Occur.MUST_NOT)
                {
                    Collect(clause.Query, total, kind);
                }
            }
            return;
        }
        var leaf = (Query)query.Clone();
        leaf.Boost = total;
        leaves.Add((leaf, kind ?? (query is TermQuery ? ContributionKind.Term : ContributionKind.Phrase)));
    }

    private (string Field, string Text, long? DocumentFrequency) Describe(Query leaf) => leaf switch
    {
        TermQuery term => (term.Term.Field, term.Term.Text, searcher.IndexReader.DocFreq(term.Term)),
        LeadWordQuery lead => (lead.Term.Field, lead.Term.Text, searcher.IndexReader.DocFreq(lead.Term)),
        PhraseQuery phrase when phrase.GetTerms().Length > 0 =>
            (phrase.GetTerms()[0].Field, string.Join(' ', phrase.GetTerms().Select(t => t.Text)), null),
        _ => (string.Empty, WithoutBoost(leaf), null),
    };

    private static string WithoutBoost(Query leaf)
    {
        var copy = (Query)leaf.Clone();
        copy.Boost = 1;
        return copy.ToString();
    }

    /// <summary>How often the part occurs in the article, from the similarity's explanation ("termFreq=3.0", "phraseFreq=0.5").</summary>
    private static float? Frequency(Explanation explanation)
    {
        if (explanation.Description is { } description
            && (description.StartsWith("termFreq=", StringComparison.Ordinal) || description.StartsWith("phraseFreq=", StringComparison.Ordinal)))
        {
            return explanation.Value;
        }
        foreach (var detail in explanation.GetDetails() ?? [])
        {
            if (Frequency(detail) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
