using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>
/// The two kinds of documents in an index: articles, and the quotations indexed beside them. Every article-level
/// read (search, get, count, statistics) goes through <see cref="Articles"/>, every quotation search through
/// <see cref="Quotations"/>. Both are cached per index segment, so after the first search on a segment applying
/// them costs a bit-set lookup per matching document.
/// </summary>
internal static class DocumentKinds
{
    private static readonly Term QuotationTerm = new(NewsFields.Kind, NewsFields.QuotationKind);

    /// <summary>Articles: every document that is not a quotation (so indexes written before quotations existed still read).</summary>
    public static Filter Articles { get; } = new BitSetCachingFilter(new QueryWrapperFilter(new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { new TermQuery(QuotationTerm), Occur.MUST_NOT },
    }));

    /// <summary>Quotations.</summary>
    public static Filter Quotations { get; } = new BitSetCachingFilter(new QueryWrapperFilter(new TermQuery(QuotationTerm)));

    /// <summary>Fields only articles have: a query that needs one of them to match can never match a quotation.</summary>
    private static readonly HashSet<string> ArticleOnlyFields = [NewsFields.Body, NewsFields.Title, NewsFields.Source];

    /// <summary>
    /// Whether every document <paramref name="query"/> matches has an article-only field, so that restricting its
    /// matches to articles would change nothing and can be skipped: a plain word search then costs what it costs in
    /// an index of articles alone. Conservative: any query it does not know keeps the restriction.
    /// </summary>
    public static bool OnlyArticlesMatch(Query query) => query switch
    {
        TermQuery term => ArticleOnlyFields.Contains(term.Term.Field),
        PhraseQuery phrase => phrase.GetTerms() is { Length: > 0 } terms && ArticleOnlyFields.Contains(terms[0].Field),
        MultiTermQuery multi => ArticleOnlyFields.Contains(multi.Field),
        // A required article-only clause decides; without required clauses, every optional one must be article-only.
        BooleanQuery boolean => boolean.Clauses.Any(c => c.Occur == Occur.MUST)
            ? boolean.Clauses.Any(c => c.Occur == Occur.MUST && OnlyArticlesMatch(c.Query))
            : boolean.Clauses.Any(c => c.Occur == Occur.SHOULD)
              && boolean.Clauses.Where(c => c.Occur == Occur.SHOULD).All(c => OnlyArticlesMatch(c.Query)),
        _ => false,
    };

    /// <summary><paramref name="filter"/> restricted to <paramref name="kind"/>; just the kind when there is no other filter.</summary>
    public static Filter And(Filter kind, Filter? filter) => filter is null ? kind : new RestrictedFilter(kind, filter);

    /// <summary>
    /// Caches a filter per segment as a plain bit set rather than CachingWrapperFilter's compressed set: a bit set
    /// answers "is this document in?" directly, so Lucene can apply it as accepted documents while it scores
    /// instead of leap-frogging an iterator beside the query.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>
    /// A filter computed only over the documents of one kind: the kind's cached bits are handed down as accepted
    /// documents, so a date range or speaker filter is not materialized over every document and then intersected
    /// (BooleanFilter did that on every query, and it cost more than the search).
    /// </summary>
    private sealed class RestrictedFilter(Filter kind, Filter filter) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
        {
            // The kinds are cached as bit sets; a segment without documents of the kind caches the empty set, which
            // has no bits and leaves nothing to find.
            if (kind.GetDocIdSet(context, null)?.Bits is not { } kindBits)
            {
                return null;
            }
            IBits accepted = acceptDocs is null ? kindBits : new BothBits(acceptDocs, kindBits);
            return BitsFilteredDocIdSet.Wrap(filter.GetDocIdSet(context, accepted), accepted);
        }

        public override string ToString() => $"{kind} AND {filter}";
    }

    private sealed class BothBits(IBits first, IBits second) : IBits
    {
        public int Length => first.Length;

        public bool Get(int index) => first.Get(index) && second.Get(index);
    }

    /// <summary>Number of live articles a searcher sees.</summary>
    public static int CountArticles(IndexSearcher searcher)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new MatchAllDocsQuery(), Articles, counter);
        return counter.TotalHits;
    }
}
