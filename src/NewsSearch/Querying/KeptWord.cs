using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// A word of a query with what the searcher keeps for it (<see cref="BlockMaxima"/>): its terms-dictionary lookup
/// and its BM25 weight at the query's boost. Building Lucene's term weight for every word of every query (its IDF
/// explanation, BM25's table of length factors) took 40 % of a word query on Reuters (in-process A/B, 86 → 49 µs).
/// </summary>
internal sealed record KeptWord(Term Term, TermContext States, Similarity.SimWeight Weight, float Boost)
{
    /// <summary>The words with the searcher's kept lookups and weights; <c>null</c> when a boost is not a positive number.</summary>
    public static KeptWord[]? Of(IReadOnlyCollection<(Term Term, float Boost)> words, IndexSearcher searcher)
    {
        if (words.Any(w => !(w.Boost > 0 && float.IsFinite(w.Boost))))
        {
            return null;
        }
        var maxima = BlockMaxima.For(searcher);
        return [.. words.Select(w => new KeptWord(w.Term, maxima.States(searcher, w.Term), maxima.WordWeight(searcher, w.Term, w.Boost), w.Boost))];
    }
}

/// <summary>A word's postings scored as Lucene's term scorer scores them, opened from the searcher's kept lookup.</summary>
internal sealed class WordScorer(DocsEnum docs, Similarity.SimScorer similarity) : Scorer(null)
{
    /// <summary>The word's scorer over <paramref name="leaf"/>; <c>null</c> when the word is not in the segment.</summary>
    public static WordScorer? Of(IndexSearcher searcher, AtomicReaderContext leaf, KeptWord word, IBits? accepted)
    {
        if (word.States.Get(leaf.Ord) is not { } state
            || leaf.AtomicReader.GetTerms(word.Term.Field)?.GetEnumerator() is not { } termsEnum)
        {
            return null;
        }
        termsEnum.SeekExact(word.Term.Bytes, state);
        return termsEnum.Docs(accepted, null, DocsFlags.FREQS) is { } docs
            ? new WordScorer(docs, searcher.Similarity.GetSimScorer(word.Weight, leaf))
            : null;
    }

    public override int DocID => docs.DocID;

    public override int Freq => docs.Freq;

    public override float GetScore() => similarity.Score(docs.DocID, docs.Freq);

    public override int NextDoc() => docs.NextDoc();

    public override int Advance(int target) => docs.Advance(target);

    public override long GetCost() => docs.GetCost();
}
