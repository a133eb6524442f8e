using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// The best <c>n</c> matches by score, skipping blocks of documents that cannot beat the n-th best found so far
/// (block-max pruning over <see cref="ScoreBound"/>; the hits and scores are those of an exhaustive search). Once
/// pruning starts the count of matches is no longer exact: matches are counted exactly up to
/// <see cref="ExactCountLimit"/>, as Lucene 8 and Elasticsearch do, and beyond it only when asked to.
/// </summary>
internal static class TopHitsSearch
{
    /// <summary>Matches counted exactly before blocks may be skipped.</summary>
    public const int ExactCountLimit = 1_000;

    /// <summary>
    /// Scores computed by Lucene may round differently from the bound's sum of the same parts: a bound is raised by
    /// this share before it is compared, so a block is only skipped when it clearly cannot compete.
    /// </summary>
    private const float RoundingSlack = 1e-4f;

    /// <param name="searcher">The searcher.</param>
    /// <param name="query">The query to rank by.</param>
    /// <param name="filter">What may match, or <c>null</c>.</param>
    /// <param name="n">How many hits to return.</param>
    /// <param name="countAll">Count every match exactly (no skipping).</param>
    /// <returns>The hits, and whether <see cref="TopDocs.TotalHits"/> is exact (else a lower bound).</returns>
    public static (TopDocs Top, bool ExactCount) Search(IndexSearcher searcher, Query query, Filter? filter, int n, bool countAll)
    {
        var bound = countAll || n == 0 ? null : ScoreBound.Of(query, searcher);
        if (bound is null)
        {
            return (searcher.Search(query, filter, Math.Max(n, 1)), true);
        }

        var queue = new HitQueue(n);
        var counting = new Counting();
        if (filter is null && WordDisjunction.TryCreate(query, searcher) is { } words)
        {
            words.Search(queue, counting);
        }
        else
        {
            SearchBlocks(searcher, query, filter, bound, queue, counting);
        }
        return (queue.ToTopDocs(counting.Counted), !counting.Skipped);
    }

    /// <summary>
    /// Lucene's scorer for the whole query, kept out of every block whose bound cannot beat the n-th best hit: the
    /// postings see those documents as deleted (<see cref="CompetitiveBlocks"/>), so a phrase or a conjunction never
    /// verifies positions or scores there, and long runs of such blocks are jumped over.
    /// </summary>
    private static void SearchBlocks(IndexSearcher searcher, Query query, Filter? filter, ScoreBound bound, HitQueue queue, Counting counting)
    {
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var gate = new CompetitiveBlocks(leaf.AtomicReader.LiveDocs, leaf.AtomicReader.MaxDoc, queue, counting);
            var scorer = weight.GetScorer(leaf, gate);
            if (scorer is null)
            {
                continue;
            }
            var doc = scorer.NextDoc();
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                counting.Counted++;
                queue.Offer(scorer.GetScore(), leaf.DocBase + doc);
                if (!gate.Active && counting.MayPrune(queue))
                {
                    gate.Activate(bound, leaf);
                }
                if (gate.Active)
                {
                    var block = (doc + 1) >> BlockMaxima.BlockShift;
                    var competing = gate.NextCompetitive(block);
                    if (competing != block)
                    {
                        counting.Skipped = true;
                        doc = competing < gate.Blocks ? scorer.Advance(competing << BlockMaxima.BlockShift) : DocIdSetIterator.NO_MORE_DOCS;
                        continue;
                    }
                }
                doc = scorer.NextDoc();
            }
        }
    }

    /// <summary>
    /// A segment's live documents, less those in blocks that cannot compete once pruning is active: given to the
    /// scorer as its accepted documents. The threshold only rises, so a document refused once stays refused.
    /// </summary>
    private sealed class CompetitiveBlocks(IBits? live, int maxDoc, HitQueue queue, Counting counting) : IBits
    {
        private float[]? bounds;

        public bool Active => bounds is not null;

        public int Blocks => bounds?.Length ?? 0;

        public int Length => maxDoc;

        public void Activate(ScoreBound bound, AtomicReaderContext leaf)
        {
            var sums = new float[BlockMaxima.Blocks(maxDoc)];
            bound.AddTo(sums, leaf);
            bounds = sums;
        }

        public int NextCompetitive(int block)
        {
            var sums = bounds!;
            while (block < sums.Length && CannotCompete(sums[block], queue.Threshold))
            {
                block++;
            }
            return block;
        }

        public bool Get(int index)
        {
            if (live is not null && !live.Get(index))
            {
                return false;
            }
            if (bounds is null || !CannotCompete(bounds[index >> BlockMaxima.BlockShift], queue.Threshold))
            {
                return true;
            }
            counting.Skipped = true;
            return false;
        }
    }

    /// <summary>How many matches were seen, and whether any were passed over unseen.</summary>
    internal sealed class Counting
    {
        public int Counted { get; set; }

        public bool Skipped { get; set; }

        public bool MayPrune(HitQueue queue) => queue.IsFull && Counted >= ExactCountLimit;
    }

    internal static bool CannotCompete(float bound, float threshold) =>
        float.IsNegativeInfinity(bound) || bound + (Math.Abs(bound) * RoundingSlack) <= threshold;

    /// <summary>
    /// The n best (score, document) pairs as Lucene's collector keeps them: documents arrive in increasing order and
    /// a later one with the same score as the worst kept does not replace it.
    /// </summary>
    internal sealed class HitQueue(int capacity)
    {
        private readonly PriorityQueue<ScoreDoc, (float Score, int NegatedDoc)> heap = new(capacity);

        public bool IsFull => heap.Count == capacity;

        /// <summary>The score a match must beat to be kept.</summary>
        public float Threshold { get; private set; } = float.NegativeInfinity;

        public void Offer(float score, int doc)
        {
            if (!IsFull)
            {
                heap.Enqueue(new ScoreDoc(doc, score), (score, -doc));
            }
            else if (score > Threshold)
            {
                heap.EnqueueDequeue(new ScoreDoc(doc, score), (score, -doc));
            }
            else
            {
                return;
            }
            if (IsFull)
            {
                heap.TryPeek(out _, out var worst);
                Threshold = worst.Score;
            }
        }

        public TopDocs ToTopDocs(int totalHits)
        {
            var hits = new ScoreDoc[heap.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                hits[i] = heap.Dequeue();
            }
            return new TopDocs(totalHits, hits, hits.Length > 0 ? hits[0].Score : float.NaN);
        }
    }
}
