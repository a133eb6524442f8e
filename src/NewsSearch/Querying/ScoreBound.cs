using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Search.Spans;

namespace NewsSearch.Querying;

/// <summary>
/// An upper bound on the score a query can give any document of a block of a segment (see <see cref="BlockMaxima"/>),
/// built from the query's structure: a word's block maximum, a sum over a Boolean query's clauses, the smallest of a
/// phrase's words. <see cref="float.NegativeInfinity"/> for a block where the query cannot match at all.
/// </summary>
internal abstract class ScoreBound
{
    /// <summary>Bounds this query, or <c>null</c> when its kind of query is not understood (no block is then skipped).</summary>
    public static ScoreBound? Of(Query query, IndexSearcher searcher)
    {
        if (searcher.Similarity is not BM25Similarity bm25)
        {
            return null;
        }
        return Of(query, 1f, new Context(searcher, BlockMaxima.For(searcher), bm25.K1 + 1));
    }

    /// <summary>Adds this query's bound for each block of <paramref name="leaf"/> to <paramref name="sums"/>.</summary>
    public abstract void AddTo(float[] sums, AtomicReaderContext leaf);

    private sealed record Context(IndexSearcher Searcher, BlockMaxima Maxima, float MaxTfNorm);

    private static ScoreBound? Of(Query query, float boost, Context context)
    {
        if (!(query.Boost > 0 && float.IsFinite(query.Boost)))
        {
            // Zero, negative or infinite boosts turn the bounds' arithmetic over; such a query is searched whole.
            return null;
        }
        switch (query)
        {
            case TermQuery term:
                return new WordBound(term.Term, boost * term.Boost, context);
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
                return new PhraseBound(phrase.GetTerms(), boost * phrase.Boost, phrase.Slop == 0, context);
            case BooleanQuery boolean:
                var required = new List<ScoreBound>();
                var optional = new List<ScoreBound>();
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur == Occur.MUST_NOT)
                    {
                        continue;
                    }
                    if (Of(clause.Query, boost * boolean.Boost, context) is not { } child)
                    {
                        return null;
                    }
                    (clause.Occur == Occur.MUST ? required : optional).Add(child);
                }
                return required.Count + optional.Count == 0 ? null : new BooleanBound(required, optional);
            case LeadWordQuery lead:
                // The default ranking's lead clause: a constant where the word is in some document's lead.
                return new LeadBound(lead.Term, lead.Positions, boost * lead.Boost, context);
            default:
                return null;
        }
    }

    /// <summary>A word: its block maxima times the boost.</summary>
    private sealed class WordBound(Term term, float boost, Context context) : ScoreBound
    {
        public override void AddTo(float[] sums, AtomicReaderContext leaf)
        {
            var maxima = context.Maxima.Of(context.Searcher, leaf, term);
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += maxima[i] * boost;
            }
        }
    }

    /// <summary>
    /// A phrase scores its IDF (the sum of its words') times the same length-normalised frequency a word does, and
    /// an exact phrase occurs no more often in a document than any of its words: so no more than its IDF times the
    /// smallest of its words' block maxima over their IDF. A sloppy phrase only gets the largest value that
    /// normalisation can take, where all its words are present.
    /// </summary>
    private sealed class PhraseBound(Term[] terms, float boost, bool exact, Context context) : ScoreBound
    {
        public override void AddTo(float[] sums, AtomicReaderContext leaf)
        {
            var idfs = terms.Select(t => context.Maxima.Idf(context.Searcher, t)).ToArray();
            var weight = idfs.Sum() * boost;
            var maxima = terms.Select(t => context.Maxima.Of(context.Searcher, leaf, t)).ToArray();
            for (var i = 0; i < sums.Length; i++)
            {
                var smallest = float.PositiveInfinity;
                for (var t = 0; t < terms.Length; t++)
                {
                    var normalised = float.IsNegativeInfinity(maxima[t][i]) ? float.NegativeInfinity
                        : exact ? maxima[t][i] / idfs[t]
                        : context.MaxTfNorm;
                    smallest = Math.Min(smallest, normalised);
                }
                sums[i] += smallest * weight;
            }
        }
    }

    /// <summary>A constant score wherever the word is among some document's first positions.</summary>
    private sealed class LeadBound(Term term, int positions, float score, Context context) : ScoreBound
    {
        public override void AddTo(float[] sums, AtomicReaderContext leaf)
        {
            var maxima = context.Maxima.Lead(leaf, term, positions).Blocks;
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += float.IsNegativeInfinity(maxima[i]) ? float.NegativeInfinity : score;
            }
        }
    }

    /// <summary>
    /// The sum of the clauses' bounds; a block where a required clause cannot match, or (without required
    /// clauses) where no optional one can, cannot match.
    /// </summary>
    private sealed class BooleanBound(List<ScoreBound> required, List<ScoreBound> optional) : ScoreBound
    {
        public override void AddTo(float[] sums, AtomicReaderContext leaf)
        {
            var part = new float[sums.Length];
            foreach (var clause in required)
            {
                clause.AddTo(sums, leaf);
            }
            var anyOptional = new bool[sums.Length];
            foreach (var clause in optional)
            {
                Array.Clear(part);
                clause.AddTo(part, leaf);
                for (var i = 0; i < sums.Length; i++)
                {
                    if (!float.IsNegativeInfinity(part[i]))
                    {
                        sums[i] += part[i];
                        anyOptional[i] = true;
                    }
                }
            }
            if (required.Count == 0)
            {
                for (var i = 0; i < sums.Length; i++)
                {
                    if (!anyOptional[i])
                    {
                        sums[i] = float.NegativeInfinity;
                    }
                }
            }
        }
    }
}
