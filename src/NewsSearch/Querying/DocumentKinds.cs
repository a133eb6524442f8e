using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
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
    public static Filter Articles { get; } = new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { new TermQuery(QuotationTerm), Occur.MUST_NOT },
    }));

    /// <summary>Quotations.</summary>
    public static Filter Quotations { get; } = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(QuotationTerm)));

    /// <summary><paramref name="filter"/> restricted to <paramref name="kind"/>; just the kind when there is no other filter.</summary>
    public static Filter And(Filter kind, Filter? filter)
    {
        if (filter is null)
        {
            return kind;
        }
        var both = new BooleanFilter
        {
            new FilterClause(kind, Occur.MUST),
            new FilterClause(filter, Occur.MUST),
        };
        return both;
    }

    /// <summary>Number of live articles a searcher sees.</summary>
    public static int CountArticles(IndexSearcher searcher)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new MatchAllDocsQuery(), Articles, counter);
        return counter.TotalHits;
    }
}
