using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// Words ORed, searched for the best hits with MaxScore over block maxima: in each block of documents the words are
/// ordered by their bound there, and the weakest words whose bounds together cannot beat the n-th best hit are not
/// iterated, only looked up for documents one of the others matched, and not even then once the document's
/// remaining bound falls short. A query of a rare and a common word reads only the rare word's postings once the
/// page is full, as Lucene 8's block-max WAND does; Lucene 4 has to score every document of both.
/// </summary>
internal sealed class WordDisjunction
{
    private readonly IndexSearcher searcher;
    private readonly KeptWord[] words;

    private WordDisjunction(IndexSearcher searcher, KeptWord[] words)
    {
        this.searcher = searcher;
        this.words = words;
    }

    /// <summary>
    /// The query as ORed words, or <c>null</c> when it is anything else. Filters are the caller's: most are left to
    /// Lucene's filtered scorer, which leapfrogs over the filter's documents (faster than checking the filter at each
    /// posting), and a wide date range comes in as accepted documents.
    /// </summary>
    public static WordDisjunction? TryCreate(Query query, IndexSearcher searcher)
    {
        (Term, float)[]? clauses = query switch
        {
            TermQuery term => [(term.Term, term.Boost)],
            BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0 && boolean.Clauses.Count is > 1 and <= 64
                                      && boolean.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is TermQuery) =>
                [.. boolean.Clauses.Select(c => (((TermQuery)c.Query).Term, c.Query.Boost * boolean.Boost))],
            _ => null,
        };
        // Each word scored alone, as the Boolean query would score it: BM25 has no query normalisation or coordination.
        return clauses is not null && KeptWord.Of(clauses, searcher) is { } words ? new WordDisjunction(searcher, words) : null;
    }

    /// <param name="bound">The bound of the whole query (all the words), for jumping over blocks where none can compete.</param>
    /// <param name="acceptedIn">The documents of a segment that may match (its live documents, or those of a filter too).</param>
    /// <param name="queue">The best hits so far.</param>
    /// <param name="counting">Matches seen and passed over.</param>
    public void Search(ScoreBound bound, Func<AtomicReaderContext, IBits?> acceptedIn, TopHitsSearch.HitQueue queue, TopHitsSearch.Counting counting)
    {
        var maxima = BlockMaxima.For(searcher);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var accepted = acceptedIn(leaf);
            var scorers = new List<Scorer>();
            var bounds = new List<float[]>();
            var boosts = new List<float>();
            foreach (var word in words)
            {
                if (WordScorer.Of(searcher, leaf, word, accepted) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    scorers.Add(scorer);
                    bounds.Add(maxima.Of(searcher, leaf, word.Term));
                    boosts.Add(word.Boost);
                }
            }
            if (scorers.Count > 0)
            {
                new LeafSearch([.. scorers], [.. bounds], [.. boosts], TopHitsSearch.Bounds(bound, leaf), leaf.DocBase, queue, counting).Run();
            }
        }
    }

    /// <summary>
    /// The words' matches in <paramref name="leaf"/> in document order, each scored with the sum of its words' scores,
    /// as Lucene's disjunction scorer for the Boolean query gives them; <c>null</c> when no word is in the segment. For a
    /// search that ranks by more than these words (the default ranking's extra clauses).
    /// </summary>
    public Scorer? GetScorer(AtomicReaderContext leaf, IBits? accepted)
    {
        var scorers = words.Select(w => WordScorer.Of(searcher, leaf, w, accepted)).OfType<WordScorer>().ToArray();
        return scorers.Length switch
        {
            0 => null,
            1 => scorers[0],
            _ => new WordSum(scorers),
        };
    }

    private sealed class WordSum(WordScorer[] words) : Scorer(null)
    {
        private int doc = -1;

        public override int DocID => doc;

        public override int Freq => words.Count(w => w.DocID == doc);

        public override float GetScore()
        {
            var score = 0f;
            foreach (var word in words)
            {
                if (word.DocID == doc)
                {
                    score += word.GetScore();
                }
            }
            return score;
        }

        // The words on the current document step to their next one: a word's Advance consults its skip list at every
        // block boundary, where NextDoc only decodes the next block.
        public override int NextDoc()
        {
            if (doc == NO_MORE_DOCS)
            {
                return doc;
            }
            var next = NO_MORE_DOCS;
            foreach (var word in words)
            {
                next = Math.Min(next, word.DocID == doc ? word.NextDoc() : word.DocID);
            }
            return doc = next;
        }

        public override int Advance(int target)
        {
            var next = NO_MORE_DOCS;
            foreach (var word in words)
            {
                next = Math.Min(next, word.DocID < target ? word.Advance(target) : word.DocID);
            }
            return doc = next;
        }

        public override long GetCost() => words.Sum(w => w.GetCost());
    }

    private sealed class LeafSearch(Scorer[] scorers, float[][] maxima, float[] boosts, float[] allWords, int docBase, TopHitsSearch.HitQueue queue, TopHitsSearch.Counting counting)
    {
        // Per block: the words ordered by their bound there, weakest first, and how many of them are skipped.
        private readonly int[] order = [.. Enumerable.Range(0, scorers.Length)];
        private readonly float[] bound = new float[scorers.Length];
        private int passive;

        public void Run()
        {
            var doc = Smallest();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                var block = doc >> BlockMaxima.BlockShift;
                var end = (block + 1) << BlockMaxima.BlockShift;
                var pruning = counting.MayPrune(queue);
                if (!pruning)
                {
                    passive = 0;
                    if (!ScoreBlock(end, untilPruningStarts: true))
                    {
                        // The page just filled: plan the rest of this block with the threshold it now has.
                        doc = Smallest();
                        continue;
                    }
                }
                else if (Plan(block))
                {
                    ScoreBlock(end, untilPruningStarts: false);
                }
                else
                {
                    // Nothing here can compete: jump over every block that cannot either, in one skip per word.
                    end = TopHitsSearch.NextCompetitive(allWords, block + 1, queue.Threshold) << BlockMaxima.BlockShift;
                }
                if (pruning)
                {
                    // Documents only the skipped words match in this block went uncounted.
                    counting.Skipped |= passive > 0;
                    foreach (var scorer in scorers)
                    {
                        if (scorer.DocID < end)
                        {
                            scorer.Advance(end);
                        }
                    }
                }
                doc = Smallest();
            }
        }

        /// <summary>Orders the words for this block; <c>false</c> when even all of them together cannot compete.</summary>
        private bool Plan(int block)
        {
            passive = 0;
            for (var i = 0; i < scorers.Length; i++)
            {
                var best = maxima[i][block];
                bound[i] = float.IsNegativeInfinity(best) ? 0 : best * boosts[i];
            }
            Array.Sort(order, (a, b) => bound[a].CompareTo(bound[b]));
            var sum = 0f;
            while (passive < order.Length && TopHitsSearch.CannotCompete(sum + bound[order[passive]], queue.Threshold))
            {
                sum += bound[order[passive]];
                passive++;
            }
            return passive < order.Length;
        }

        /// <summary>
        /// Scores, up to <paramref name="end"/>, the documents the iterated words match; <c>false</c> when it stopped
        /// early because <paramref name="untilPruningStarts"/> and the page filled up.
        /// </summary>
        private bool ScoreBlock(int end, bool untilPruningStarts)
        {
            while (true)
            {
                var doc = int.MaxValue;
                for (var k = passive; k < order.Length; k++)
                {
                    doc = Math.Min(doc, scorers[order[k]].DocID);
                }
                if (doc >= end)
                {
                    return true;
                }
                var score = 0f;
                for (var k = passive; k < order.Length; k++)
                {
                    var scorer = scorers[order[k]];
                    if (scorer.DocID == doc)
                    {
                        score += scorer.GetScore();
                        scorer.NextDoc();
                    }
                }
                counting.Counted++;
                // The skipped words, strongest first, while the document can still make the page.
                var remaining = 0f;
                for (var k = 0; k < passive; k++)
                {
                    remaining += bound[order[k]];
                }
                var complete = true;
                for (var k = passive - 1; k >= 0; k--)
                {
                    if (TopHitsSearch.CannotCompete(score + remaining, queue.Threshold))
                    {
                        complete = false;
                        break;
                    }
                    var scorer = scorers[order[k]];
                    if (scorer.DocID < doc)
                    {
                        scorer.Advance(doc);
                    }
                    if (scorer.DocID == doc)
                    {
                        score += scorer.GetScore();
                    }
                    remaining -= bound[order[k]];
                }
                if (complete)
                {
                    queue.Offer(score, docBase + doc);
                }
                if (untilPruningStarts && counting.MayPrune(queue))
                {
                    return false;
                }
            }
        }

        private int Smallest()
        {
            var doc = DocIdSetIterator.NO_MORE_DOCS;
            foreach (var scorer in scorers)
            {
                doc = Math.Min(doc, scorer.DocID);
            }
            return doc;
        }
    }
}
