using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// An exact phrase's matches and scores as Lucene's <see cref="PhraseQuery"/> gives them, for the pruned search
/// (<see cref="TopHitsSearch"/>). Once that search prunes, a document is passed over without reading its positions
/// where the phrase cannot score enough: a phrase occurs in a document no more often than its least frequent word,
/// so the score of that frequency bounds the phrase's (BM25 grows with the frequency), and the rarest word's own
/// frequency is checked before the other words' postings are even moved there. Block maxima (<see cref="ScoreBound"/>)
/// seldom rule out a block for a phrase of common words: almost every block holds some article that repeats each
/// word, though seldom the same article.
/// </summary>
internal sealed class BoundedPhraseScorer : Scorer
{
    private readonly DocsAndPositionsEnum[] postings;
    private readonly int[] offsets;
    private readonly int lead;
    private readonly Similarity.SimScorer similarity;
    private readonly Func<int, float, bool>? mayCompete;
    private int[] starts = new int[8];
    private int doc = -1;
    private int freq;

    private BoundedPhraseScorer(DocsAndPositionsEnum[] postings, int[] offsets, Similarity.SimScorer similarity, Func<int, float, bool>? mayCompete)
        : base(null)
    {
        this.postings = postings;
        this.offsets = offsets;
        this.similarity = similarity;
        this.mayCompete = mayCompete;
        for (var i = 1; i < postings.Length; i++)
        {
            if (postings[i].GetCost() < postings[lead].GetCost())
            {
                lead = i;
            }
        }
    }

    /// <summary>The parts of an exact phrase of two or more words that do not change from one segment to the next.</summary>
    internal sealed class Phrase
    {
        private readonly Term[] terms;
        private readonly int[] offsets;
        private readonly TermContext[] contexts;
        private readonly Similarity similarity;
        private readonly Similarity.SimWeight weight;

        private Phrase(IndexSearcher searcher, PhraseQuery query, Term[] terms)
        {
            this.terms = terms;
            offsets = query.GetPositions();
            similarity = searcher.Similarity;
            var maxima = BlockMaxima.For(searcher);
            contexts = [.. terms.Select(t => maxima.States(searcher, t))];
            // As Lucene's phrase weight computes and IndexSearcher.CreateNormalizedWeight normalizes it, so that scores
            // are the same to the bit.
            weight = similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(terms[0].Field),
                [.. terms.Select((t, i) => searcher.TermStatistics(t, contexts[i]))]);
            weight.Normalize(ArticleSimilarity.QueryNorm(similarity, weight.GetValueForNormalization()), 1f);
        }

        /// <summary>The phrase of <paramref name="query"/> when it is an exact phrase of two or more words, else <c>null</c>.</summary>
        public static Phrase? Of(Query query, IndexSearcher searcher) =>
            query is PhraseQuery { Slop: 0 } phrase && phrase.GetTerms() is { Length: >= 2 } terms
                ? new Phrase(searcher, phrase, terms)
                : null;

        /// <summary>
        /// A scorer over <paramref name="leaf"/>'s <paramref name="accepted"/> documents that passes over a document
        /// where <paramref name="mayCompete"/>(document, bound) says a phrase scoring at most that bound there cannot
        /// make the page (none when it is <c>null</c>); <c>null</c> when a word is missing from the segment.
        /// </summary>
        public Scorer? GetScorer(AtomicReaderContext leaf, IBits? accepted, Func<int, float, bool>? mayCompete)
        {
            var reader = leaf.AtomicReader;
            var fieldTerms = reader.GetTerms(terms[0].Field);
            if (fieldTerms is null)
            {
                return null;
            }
            var enums = new DocsAndPositionsEnum[terms.Length];
            var termsEnum = fieldTerms.GetEnumerator();
            for (var i = 0; i < terms.Length; i++)
            {
                if (contexts[i].Get(leaf.Ord) is not { } state)
                {
                    return null;
                }
                termsEnum.SeekExact(terms[i].Bytes, state);
                if (termsEnum.DocsAndPositions(accepted, null, DocsAndPositionsFlags.NONE) is not { } positions)
                {
                    throw new InvalidOperationException($"field \"{terms[i].Field}\" was indexed without positions: cannot search a phrase in it");
                }
                enums[i] = positions;
            }
            return new BoundedPhraseScorer(enums, offsets, similarity.GetSimScorer(weight, leaf), mayCompete);
        }
    }

    public override int DocID => doc;

    public override int Freq => freq;

    public override float GetScore() => similarity.Score(doc, freq);

    public override long GetCost() => postings[lead].GetCost();

    public override int NextDoc() => doc == NO_MORE_DOCS ? NO_MORE_DOCS : Advance(doc + 1);

    public override int Advance(int target)
    {
        var candidate = postings[lead].Advance(target);
        while (candidate != NO_MORE_DOCS)
        {
            // The rarest word's own frequency bounds the phrase too: where even that cannot compete, the other
            // words' postings are not moved there at all.
            if (mayCompete is not null && !mayCompete(candidate, similarity.Score(candidate, postings[lead].Freq)))
            {
                candidate = postings[lead].NextDoc();
                continue;
            }
            var aligned = Align(candidate);
            if (aligned != candidate)
            {
                candidate = aligned;
                continue;
            }
            if ((mayCompete is null || mayCompete(candidate, similarity.Score(candidate, LeastFrequency()))) && CountPhrase() is > 0 and var count)
            {
                freq = count;
                return doc = candidate;
            }
            candidate = postings[lead].NextDoc();
        }
        return doc = NO_MORE_DOCS;
    }

    /// <summary>
    /// Moves every word's postings to <paramref name="candidate"/> or past it: <paramref name="candidate"/> when all
    /// hold it, else the lead's next document from the furthest any word reached.
    /// </summary>
    private int Align(int candidate)
    {
        for (var i = 0; i < postings.Length; i++)
        {
            if (i == lead)
            {
                continue;
            }
            var at = postings[i].DocID < candidate ? postings[i].Advance(candidate) : postings[i].DocID;
            if (at != candidate)
            {
                return at == NO_MORE_DOCS ? NO_MORE_DOCS : postings[lead].Advance(at);
            }
        }
        return candidate;
    }

    private int LeastFrequency()
    {
        var least = int.MaxValue;
        foreach (var enumerator in postings)
        {
            least = Math.Min(least, enumerator.Freq);
        }
        return least;
    }

    /// <summary>
    /// How many times the words stand at the phrase's positions relative to each other in the current document: the
    /// starts the least frequent word allows, narrowed by each other word in turn, reading a word's positions only
    /// as far as a start is left to check, and none once no start is left.
    /// </summary>
    private int CountPhrase()
    {
        var first = 0;
        for (var i = 1; i < postings.Length; i++)
        {
            if (postings[i].Freq < postings[first].Freq)
            {
                first = i;
            }
        }
        var count = postings[first].Freq;
        if (starts.Length < count)
        {
            starts = new int[Math.Max(count, starts.Length * 2)];
        }
        for (var p = 0; p < count; p++)
        {
            starts[p] = postings[first].NextPosition() - offsets[first];
        }

        for (var i = 0; i < postings.Length && count > 0; i++)
        {
            if (i == first)
            {
                continue;
            }
            var word = postings[i];
            var remaining = word.Freq;
            var position = remaining-- > 0 ? word.NextPosition() - offsets[i] : int.MaxValue;
            var kept = 0;
            for (var s = 0; s < count; s++)
            {
                var start = starts[s];
                while (position < start)
                {
                    position = remaining-- > 0 ? word.NextPosition() - offsets[i] : int.MaxValue;
                }
                if (position == start)
                {
                    starts[kept++] = start;
                }
                else if (position == int.MaxValue)
                {
                    break;
                }
            }
            count = kept;
        }
        return count;
    }
}
