using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// Words all required (<c>+a +b</c>, <c>a AND b</c>), matched and scored as Lucene's conjunction of term queries does
/// (the sum of the words' BM25 scores; BM25 has no coordination), but from the searcher's kept word lookups and
/// weights, as <see cref="WordDisjunction"/> scores words ORed: Lucene's Boolean weight builds a term weight for
/// every word of every query.
/// </summary>
internal sealed class WordConjunction
{
    private readonly IndexSearcher searcher;
    private readonly KeptWord[] words;

    private WordConjunction(IndexSearcher searcher, KeptWord[] words)
    {
        this.searcher = searcher;
        this.words = words;
    }

    /// <summary>The query as words all required, or <c>null</c> when it is anything else.</summary>
    public static WordConjunction? TryCreate(Query query, IndexSearcher searcher)
    {
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || boolean.Clauses.Count is < 2 or > 64
            || !boolean.Clauses.All(c => c.Occur == Occur.MUST && c.Query is TermQuery))
        {
            return null;
        }
        var words = KeptWord.Of([.. boolean.Clauses.Select(c => (((TermQuery)c.Query).Term, c.Query.Boost * boolean.Boost))], searcher);
        return words is null ? null : new WordConjunction(searcher, words);
    }

    /// <summary>The documents of <paramref name="leaf"/> holding every word; <c>null</c> when a word is not in the segment.</summary>
    public Scorer? GetScorer(AtomicReaderContext leaf, IBits? accepted)
    {
        var scorers = new WordScorer[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            if (WordScorer.Of(searcher, leaf, words[i], accepted) is not { } scorer)
            {
                return null;
            }
            scorers[i] = scorer;
        }
        // Rarest first, as Lucene orders a conjunction's clauses: it leads, and the scores are summed in that order.
        return new AllWords([.. scorers.OrderBy(s => s.GetCost())]);
    }

    private sealed class AllWords(WordScorer[] words) : Scorer(null)
    {
        private int doc = -1;

        public override int DocID => doc;

        public override int Freq => words.Length;

        public override float GetScore()
        {
            var score = 0f;
            foreach (var word in words)
            {
                score += word.GetScore();
            }
            return score;
        }

        public override int NextDoc() => doc == NO_MORE_DOCS ? doc : doc = Align(words[0].NextDoc());

        public override int Advance(int target) => doc = Align(words[0].Advance(target));

        /// <summary>The first document from <paramref name="candidate"/> (the lead's) on that every word holds.</summary>
        private int Align(int candidate)
        {
            var i = 1;
            while (candidate != NO_MORE_DOCS && i < words.Length)
            {
                var at = words[i].DocID < candidate ? words[i].Advance(candidate) : words[i].DocID;
                if (at == candidate)
                {
                    i++;
                    continue;
                }
                candidate = at == NO_MORE_DOCS ? NO_MORE_DOCS : words[0].Advance(at);
                i = 1;
            }
            return candidate;
        }

        public override long GetCost() => words[0].GetCost();
    }
}
