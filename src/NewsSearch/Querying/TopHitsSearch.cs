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
        // Filtered searches stay exhaustive: a filter (a speaker, a dateline, a narrow date range) mostly leaves few
        // matches, and Lucene's own search leapfrogs over them faster than this path, which scores in document order,
        // would (measured). A date range holding a large share of every segment is the exception: Lucene checks it
        // per candidate anyway, as this path does with its accepted documents, so the pruning comes on top.
        Func<AtomicReaderContext, IBits?>? accepted = filter switch
        {
            null => leaf => leaf.AtomicReader.LiveDocs,
            DateFilter dates when dates.IsWide(searcher) =>
                leaf => dates.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.Bits ?? new Bits.MatchNoBits(leaf.AtomicReader.MaxDoc),
            _ => null,
        };
        if (countAll || n == 0 || accepted is null || ScoreBound.Of(query, searcher) is not { } bound)
        {
            return (searcher.Search(BlockMaxima.For(searcher).WithStates(searcher, query), filter, Math.Max(n, 1)), true);
        }

        var queue = new HitQueue(n);
        var counting = new Counting(filter is null ? KnownMatchCount(query, searcher) : null);
        if (WordDisjunction.TryCreate(query, searcher) is { } words)
        {
            words.Search(bound, accepted, queue, counting);
        }
        else
        {
            var (required, extras) = SplitExtras(query, searcher);
            SearchBlocks(searcher, required, extras, bound, accepted, queue, counting);
        }
        return (queue.ToTopDocs(counting.Total), counting.Exact);
    }

    /// <summary>
    /// How many articles match, when the index says so without a search: a single word (alone, or as the required
    /// clause of the default ranking) matches the articles its postings list, as long as none is deleted. Such a
    /// search can prune from its first full page and still report an exact count.
    /// </summary>
    private static int? KnownMatchCount(Query query, IndexSearcher searcher)
    {
        if ((RequiredClause(query) ?? query) is not TermQuery term || searcher.IndexReader.Leaves.Any(leaf => leaf.AtomicReader.HasDeletions))
        {
            return null;
        }
        return BlockMaxima.For(searcher).States(searcher, term.Term).DocFreq;
    }

    /// <summary>
    /// A query that requires one clause and only adds score with the others (the default ranking's: the user's query,
    /// then lead, proximity and feedback), as the required query and those extras with their bounds; any other
    /// query as itself without extras.
    /// </summary>
    private static (Query Required, Extra[] Extras) SplitExtras(Query query, IndexSearcher searcher)
    {
        if (RequiredClause(query) is { } required)
        {
            var extras = ((BooleanQuery)query).Clauses.Where(c => c.Occur == Occur.SHOULD)
                .Select(c => (Query: c.Query, Bound: ScoreBound.Of(c.Query, searcher)))
                .ToArray();
            if (extras.All(e => e.Bound is not null))
            {
                return (required, [.. extras.Select(e => Extra.Of(e.Query, e.Bound!, searcher))]);
            }
        }
        return (query, []);
    }

    /// <summary>The one clause a Boolean query requires when its other clauses only add score; else <c>null</c>.</summary>
    private static Query? RequiredClause(Query query) =>
        query is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } boolean
        && boolean.Clauses.Count(c => c.Occur == Occur.MUST) == 1
        && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT)
            ? boolean.Clauses.Single(c => c.Occur == Occur.MUST).Query
            : null;

    /// <summary>
    /// A clause that only adds score, with its bound: the proximity clause scored per asked-for article
    /// (<see cref="PairProximity"/>), any other through Lucene's weight.
    /// </summary>
    private sealed class Extra(ScoreBound bound, Func<AtomicReaderContext, IBits?, Func<int, float>?> open)
    {
        public ScoreBound Bound { get; } = bound;

        public static Extra Of(Query query, ScoreBound bound, IndexSearcher searcher)
        {
            if (PairProximity.Of(query, searcher) is { } pairs)
            {
                return new Extra(bound, (leaf, accepted) => pairs.Open(leaf, accepted) is { } clause ? clause.ScoreAt : null);
            }
            if (LeadClause.Of(query, searcher) is { } lead)
            {
                return new Extra(bound, lead.Open);
            }
            var weight = searcher.CreateNormalizedWeight(BlockMaxima.For(searcher).WithStates(searcher, query));
            return new Extra(bound, (leaf, accepted) => weight.GetScorer(leaf, accepted) is { } scorer
                ? doc => scorer.DocID == doc || (scorer.DocID < doc && scorer.Advance(doc) == doc) ? scorer.GetScore() : 0f
                : null);
        }

        /// <summary>Its score for each asked-for article of <paramref name="leaf"/>, in increasing order.</summary>
        public Func<int, float>? Open(AtomicReaderContext leaf, IBits? accepted) => open(leaf, accepted);
    }

    /// <summary>
    /// Lucene's scorer for the required query, kept out of every block whose bound (for the whole query) cannot beat
    /// the n-th best hit. Once pruning starts, the scorer is made again over <see cref="CompetitiveBlocks"/>, so that
    /// its postings see the documents of those blocks as deleted and a phrase or a conjunction never verifies
    /// positions or scores there (before that, the plain live documents keep Lucene's fast paths); runs of such
    /// blocks are jumped over in one skip. Words ORed are scored by <see cref="WordDisjunction.GetScorer"/> and words all
    /// required by <see cref="WordConjunction.GetScorer"/>, with the searcher's kept word weights, and an exact phrase is matched by <see cref="BoundedPhraseScorer"/>,
    /// which once pruning starts also passes over single documents where the phrase cannot score enough, before
    /// reading their positions. The extras are scored only for documents that can still make the page with them
    /// (their positions, for lead and proximity, are the dear part of the default ranking).
    /// </summary>
    private static void SearchBlocks(IndexSearcher searcher, Query required, Extra[] extras, ScoreBound bound,
        Func<AtomicReaderContext, IBits?> accepted, HitQueue queue, Counting counting)
    {
        var open = RequiredScorer(required, searcher);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var live = accepted(leaf);
            float[][]? extraBounds = null;
            CompetitiveBlocks? gate = null;
            var scorer = open(leaf, live, null);
            var extraScorers = extras.Select(e => e.Open(leaf, live)).ToArray();
            var doc = scorer?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (gate is not null && gate.NextCompetitive(doc >> BlockMaxima.BlockShift) is var landed && landed != doc >> BlockMaxima.BlockShift)
                {
                    counting.Skipped = true;
                    doc = gate.Skip(scorer!, landed);
                    continue;
                }
                counting.Counted++;
                // Once the page is full, an extra is only scored for a document it could still lift onto the page. That
                // skips no match, so it needs no count limit: most matches of a broad query never pay for positions.
                if (extraBounds is null && extras.Length > 0 && queue.IsFull)
                {
                    extraBounds = [.. extras.Select(e => Bounds(e.Bound, leaf))];
                }
                if (AddExtras(scorer!.GetScore(), doc, extraScorers, extraBounds, queue) is { } score)
                {
                    queue.Offer(score, leaf.DocBase + doc);
                }
                if (gate is null && counting.MayPrune(queue))
                {
                    gate = new CompetitiveBlocks(live, leaf.AtomicReader.MaxDoc, Bounds(bound, leaf), queue, counting);
                    scorer = open(leaf, gate, MayCompete);
                    doc = scorer?.Advance(doc + 1) ?? DocIdSetIterator.NO_MORE_DOCS;
                    continue;
                }
                if (gate is not null && gate.NextCompetitive((doc + 1) >> BlockMaxima.BlockShift) is var next && next != (doc + 1) >> BlockMaxima.BlockShift)
                {
                    counting.Skipped = true;
                    doc = gate.Skip(scorer, next);
                    continue;
                }
                doc = scorer.NextDoc();
            }

            // Whether a document whose required query scores at most bound there could make the page with its extras.
            bool MayCompete(int doc, float bound)
            {
                if (extraBounds is not null)
                {
                    foreach (var extra in extraBounds)
                    {
                        bound += Math.Max(0, extra[doc >> BlockMaxima.BlockShift]);
                    }
                }
                if (CannotCompete(bound, queue.Threshold))
                {
                    counting.Skipped = true;
                    return false;
                }
                return true;
            }
        }
    }

    /// <summary>
    /// How the required query's scorer is opened over a segment's accepted documents: by this project's scorers for an
    /// exact phrase (which also passes over documents the given test says cannot compete) and for words ORed or all
    /// required, by Lucene's weight for anything else.
    /// </summary>
    private static Func<AtomicReaderContext, IBits?, Func<int, float, bool>?, Scorer?> RequiredScorer(Query required, IndexSearcher searcher)
    {
        if (BoundedPhraseScorer.Phrase.Of(required, searcher) is { } phrase)
        {
            return phrase.GetScorer;
        }
        if (WordDisjunction.TryCreate(required, searcher) is { } words)
        {
            return (leaf, accepted, _) => words.GetScorer(leaf, accepted);
        }
        if (WordConjunction.TryCreate(required, searcher) is { } allWords)
        {
            return (leaf, accepted, _) => allWords.GetScorer(leaf, accepted);
        }
        var weight = searcher.CreateNormalizedWeight(BlockMaxima.For(searcher).WithStates(searcher, required));
        return (leaf, accepted, _) => weight.GetScorer(leaf, accepted);
    }

    /// <summary>The bound of <paramref name="bound"/>'s query for each block of <paramref name="leaf"/>.</summary>
    internal static float[] Bounds(ScoreBound bound, AtomicReaderContext leaf)
    {
        var bounds = new float[BlockMaxima.Blocks(leaf.AtomicReader.MaxDoc)];
        bound.AddTo(bounds, leaf);
        return bounds;
    }

    /// <summary>
    /// The document's score with the extras it has; <c>null</c> when, with <paramref name="bounds"/> (once the page
    /// is full), the extras not yet added could not lift it onto the page.
    /// </summary>
    private static float? AddExtras(float score, int doc, Func<int, float>?[] scorers, float[][]? bounds, HitQueue queue)
    {
        var remaining = 0f;
        if (bounds is not null)
        {
            foreach (var extra in bounds)
            {
                remaining += Math.Max(0, extra[doc >> BlockMaxima.BlockShift]);
            }
        }
        for (var i = 0; i < scorers.Length; i++)
        {
            if (bounds is not null)
            {
                if (CannotCompete(score + remaining, queue.Threshold))
                {
                    return null;
                }
                remaining -= Math.Max(0, bounds[i][doc >> BlockMaxima.BlockShift]);
            }
            if (scorers[i] is { } scoreAt)
            {
                score += scoreAt(doc);
            }
        }
        return score;
    }

    /// <summary>
    /// A segment's live documents, less those in blocks that cannot compete once pruning is active: given to the
    /// scorer as its accepted documents. The threshold only rises, so a document refused once stays refused.
    /// </summary>
    private sealed class CompetitiveBlocks : IBits
    {
        private readonly IBits? live;
        private readonly float[] bounds;
        private readonly HitQueue queue;
        private readonly Counting counting;

        public CompetitiveBlocks(IBits? live, int maxDoc, float[] bounds, HitQueue queue, Counting counting)
        {
            this.live = live;
            Length = maxDoc;
            this.bounds = bounds;
            this.queue = queue;
            this.counting = counting;
        }

        public int Length { get; }

        public int NextCompetitive(int block) => TopHitsSearch.NextCompetitive(bounds, block, queue.Threshold);

        /// <summary>Moves the scorer to the first match in <paramref name="block"/> or after it.</summary>
        public int Skip(Scorer scorer, int block) =>
            block < bounds.Length ? scorer.Advance(block << BlockMaxima.BlockShift) : DocIdSetIterator.NO_MORE_DOCS;

        public bool Get(int index)
        {
            if (live is not null && !live.Get(index))
            {
                return false;
            }
            if (!CannotCompete(bounds[index >> BlockMaxima.BlockShift], queue.Threshold))
            {
                return true;
            }
            counting.Skipped = true;
            return false;
        }
    }

    /// <summary>
    /// How many matches were seen, and whether any were passed over unseen; given the number of matches when it is
    /// known beforehand (<see cref="KnownMatchCount"/>), pruning needs no count first.
    /// </summary>
    internal sealed class Counting(int? known = null)
    {
        public int Counted { get; set; }

        public bool Skipped { get; set; }

        public int Total => known ?? Counted;

        public bool Exact => known is not null || !Skipped;

        public bool MayPrune(HitQueue queue) => queue.IsFull && (known is not null || Counted >= ExactCountLimit);
    }

    /// <summary>The first block from <paramref name="block"/> on that can compete (past the last when none).</summary>
    internal static int NextCompetitive(float[] bounds, int block, float threshold)
    {
        while (block < bounds.Length && CannotCompete(bounds[block], threshold))
        {
            block++;
        }
        return block;
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
