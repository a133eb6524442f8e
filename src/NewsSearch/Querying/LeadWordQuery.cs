using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// Matches the documents where a word occurs among a field's first <see cref="Positions"/> positions, each scoring
/// the query's boost: the default ranking's lead clause. It does what a constant-score <c>SpanFirstQuery</c> over a
/// <c>SpanTermQuery</c> does, reading only each document's first position of the word (positions come in order)
/// instead of running the span machinery, which made up a fifth of a default-ranking search.
/// </summary>
internal sealed class LeadWordQuery(Term term, int positions) : Query
{
    public Term Term { get; } = term;

    /// <summary>How many of the field's first positions count as the lead.</summary>
    public int Positions { get; } = positions;

    public override Weight CreateWeight(IndexSearcher searcher) => new LeadWeight(this, BlockMaxima.For(searcher).States(searcher, Term));

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(Term);

    public override string ToString(string field) =>
        $"lead({(Term.Field == field ? string.Empty : Term.Field + ":")}{Term.Text}, {Positions}){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is LeadWordQuery other && other.Term.Equals(Term) && other.Positions == Positions && other.Boost.Equals(Boost);

    public override int GetHashCode() => HashCode.Combine(Term, Positions, Boost);

    private sealed class LeadWeight(LeadWordQuery query, TermContext states) : Weight
    {
        // As ConstantScoreQuery's weight: the boost, times whatever normalization the searcher applies (none for BM25).
        private float weight = query.Boost;

        public override Query Query => query;

        public override float GetValueForNormalization() => weight * weight;

        public override void Normalize(float norm, float topLevelBoost) => weight *= norm * topLevelBoost;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // Where the word's postings start was looked up once for the searcher (BlockMaxima.States).
            if (states.Get(context.Ord) is not { } state || context.AtomicReader.GetTerms(query.Term.Field)?.GetEnumerator() is not { } terms)
            {
                return null;
            }
            terms.SeekExact(query.Term.Bytes, state);
            return terms.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE) is { } postings
                ? new LeadScorer(this, postings, query.Positions, weight)
                : null;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            return scorer is not null && scorer.Advance(doc) == doc
                ? new Explanation(weight, $"{query.Term.Text} among the first {query.Positions} positions of {query.Term.Field}")
                : new Explanation(0f, $"{query.Term.Text} not among the first {query.Positions} positions of {query.Term.Field}");
        }
    }

    private sealed class LeadScorer(Weight weight, DocsAndPositionsEnum postings, int positions, float score) : Scorer(weight)
    {
        public override int DocID => postings.DocID;

        public override int Freq => 1;

        public override float GetScore() => score;

        public override int NextDoc() => FirstInLead(postings.NextDoc());

        public override int Advance(int target) => FirstInLead(postings.Advance(target));

        public override long GetCost() => postings.GetCost();

        private int FirstInLead(int doc)
        {
            while (doc != NO_MORE_DOCS && postings.NextPosition() >= positions)
            {
                doc = postings.NextDoc();
            }
            return doc;
        }
    }
}
