using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsSearch.Querying;

/// <summary>
/// For one word of one field, the highest score it gives any document in each block of
/// <see cref="BlockSize"/> consecutive documents of a segment, as a <see cref="TermQuery"/> of boost 1 scores it;
/// <see cref="float.NegativeInfinity"/> where the word is in none of the block's documents. Lucene 4 stores no such
/// "impacts" (Lucene 8 does, and skips with them), so they are read from the postings the first time a query
/// needs them and kept for the life of the searcher: the global statistics a score depends on (the word's IDF, the
/// field's average length) belong to that searcher's reader. Beside them it keeps each word's terms-dictionary lookup
/// (<see cref="States"/>), which every query with the word would otherwise repeat.
/// </summary>
internal sealed class BlockMaxima
{
    /// <summary>
    /// Documents per block, as a shift: 128, the size of Lucene 4.1's postings blocks. On a million Reuters articles
    /// 128 answered phrases and conjunctions a third faster than 512 or 2,048 (64: no better); smaller blocks bound
    /// more tightly and cost more memory and checks.
    /// </summary>
    public const int BlockShift = 7;

    /// <summary>Beyond this many floats kept for one searcher, the cache starts again (64 MB).</summary>
    private const long MaxCachedFloats = 16L << 20;

    /// <summary>Beyond this many words' statistics kept for one searcher, that cache starts again.</summary>
    private const int MaxCachedWords = 200_000;

    private static readonly ConditionalWeakTable<IndexReader, BlockMaxima> PerReader = [];

    private readonly ConcurrentDictionary<(int Leaf, string Field, string Text), float[]> maxima = new();
    private readonly ConcurrentDictionary<(int Leaf, string Field, string Text, int Positions), LeadDocs> leads = new();
    private readonly ConcurrentDictionary<(string Field, string Text), (Similarity.SimWeight Weight, float Idf, TermContext States)> weights = new();
    private long cachedFloats;
    private int cachedWords;

    private BlockMaxima()
    {
    }

    public static int BlockSize => 1 << BlockShift;

    public static int Blocks(int maxDoc) => (maxDoc >> BlockShift) + 1;

    public static BlockMaxima For(IndexSearcher searcher) => PerReader.GetValue(searcher.IndexReader, _ => new BlockMaxima());

    /// <summary>The word's IDF as the searcher's similarity computes it (a phrase's IDF is the sum of its words').</summary>
    public float Idf(IndexSearcher searcher, Term term) => UnitWeight(searcher, term).Idf;

    /// <summary>
    /// Where the word's postings start in each segment, and its statistics: looked up in the terms dictionary once
    /// for the life of the searcher rather than by every query that has the word (a tenth of a short query's time).
    /// </summary>
    public TermContext States(IndexSearcher searcher, Term term) => UnitWeight(searcher, term).States;

    /// <summary>
    /// The word's weight for a <see cref="TermQuery"/> of boost <paramref name="boost"/> searched alone, as
    /// <see cref="IndexSearcher.CreateNormalizedWeight"/> would normalize it (kept for boost 1, the usual case).
    /// </summary>
    public Similarity.SimWeight WordWeight(IndexSearcher searcher, Term term, float boost)
    {
        if (boost == 1f)
        {
            return UnitWeight(searcher, term).Weight;
        }
        var weight = searcher.Similarity.ComputeWeight(boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, States(searcher, term)));
        weight.Normalize(ArticleSimilarity.QueryNorm(searcher.Similarity, weight.GetValueForNormalization()), 1f);
        return weight;
    }

    /// <summary>
    /// The query with each of its words (alone or in Boolean queries) carrying its <see cref="States"/>, so that
    /// Lucene's weights do not look them up again.
    /// </summary>
    public Query WithStates(IndexSearcher searcher, Query query)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, States(searcher, term.Term)) { Boost = term.Boost };
            case BooleanQuery boolean:
                var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(WithStates(searcher, clause.Query), clause.Occur);
                }
                return copy;
            default:
                return query;
        }
    }

    /// <summary>Per block of <paramref name="leaf"/>, the word's best score at boost 1 (NegativeInfinity: absent).</summary>
    public float[] Of(IndexSearcher searcher, AtomicReaderContext leaf, Term term)
    {
        var key = (leaf.Ord, term.Field, term.Text);
        if (maxima.TryGetValue(key, out var found))
        {
            return found;
        }
        var computed = Compute(searcher, leaf, term);
        Keep(computed.Length);
        return maxima.GetOrAdd(key, computed);
    }

    /// <summary>
    /// The documents of <paramref name="leaf"/> where the word is among the field's first <paramref name="positions"/>
    /// positions (deleted ones included), and per block whether any is: read from the word's positions the first
    /// time a query asks and kept for the life of the searcher, so the default ranking's lead clause costs a bit
    /// lookup per article instead of reading its positions, and is bounded per block by where it can score at all.
    /// </summary>
    public LeadDocs Lead(AtomicReaderContext leaf, Term term, int positions)
    {
        var key = (leaf.Ord, term.Field, term.Text, positions);
        if (leads.TryGetValue(key, out var found))
        {
            return found;
        }
        var reader = leaf.AtomicReader;
        var docs = new FixedBitSet(reader.MaxDoc);
        var blocks = new float[Blocks(reader.MaxDoc)];
        Array.Fill(blocks, float.NegativeInfinity);
        var termsEnum = reader.GetTerms(term.Field)?.GetEnumerator();
        if (termsEnum is not null && termsEnum.SeekExact(term.Bytes)
            && termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.NONE) is { } postings)
        {
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                if (postings.NextPosition() < positions)
                {
                    docs.Set(doc);
                    blocks[doc >> BlockShift] = 0f;
                }
            }
        }
        // A bit per document counts as a thirty-second of a float.
        Keep(blocks.Length + (reader.MaxDoc >> 5));
        return leads.GetOrAdd(key, new LeadDocs(docs, blocks, Array.IndexOf(blocks, 0f) >= 0));
    }

    /// <summary>Counts <paramref name="floats"/> more kept; past the limit both caches start again.</summary>
    private void Keep(long floats)
    {
        if (Interlocked.Add(ref cachedFloats, floats) > MaxCachedFloats)
        {
            maxima.Clear();
            leads.Clear();
            Interlocked.Exchange(ref cachedFloats, floats);
        }
    }

    private float[] Compute(IndexSearcher searcher, AtomicReaderContext leaf, Term term)
    {
        var reader = leaf.AtomicReader;
        var blocks = new float[Blocks(reader.MaxDoc)];
        Array.Fill(blocks, float.NegativeInfinity);
        var termsEnum = reader.GetTerms(term.Field)?.GetEnumerator();
        if (termsEnum is null || !termsEnum.SeekExact(term.Bytes))
        {
            return blocks;
        }
        var scorer = searcher.Similarity.GetSimScorer(UnitWeight(searcher, term).Weight, leaf);
        // Deleted documents are included: a bound may be loose, never too low.
        var docs = termsEnum.Docs(null, null, DocsFlags.FREQS);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            var score = scorer.Score(doc, docs.Freq);
            ref var best = ref blocks[doc >> BlockShift];
            if (score > best)
            {
                best = score;
            }
        }
        return blocks;
    }

    private (Similarity.SimWeight Weight, float Idf, TermContext States) UnitWeight(IndexSearcher searcher, Term term)
    {
        if (weights.TryGetValue((term.Field, term.Text), out var known))
        {
            return known;
        }
        // Counted here, not with the dictionary's Count, which takes every one of its locks.
        if (Interlocked.Increment(ref cachedWords) > MaxCachedWords)
        {
            weights.Clear();
            Interlocked.Exchange(ref cachedWords, 1);
        }
        return weights.GetOrAdd((term.Field, term.Text), _ =>
        {
            var context = TermContext.Build(searcher.TopReaderContext, term);
            var collection = searcher.CollectionStatistics(term.Field);
            var statistics = searcher.TermStatistics(term, context);
            var weight = searcher.Similarity.ComputeWeight(1f, collection, statistics);
            weight.Normalize(1f, 1f);
            return (weight, ArticleSimilarity.Idf(searcher.Similarity, collection, statistics), context);
        });
    }
}

/// <summary>Where a word is in the lead of a segment's documents: the documents, and per block 0 (some) or NegativeInfinity (none).</summary>
internal sealed record LeadDocs(FixedBitSet Docs, float[] Blocks, bool Any);
