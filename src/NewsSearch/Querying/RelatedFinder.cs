using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>
/// "More like this": the article's most distinctive body words (frequent in it, rare in the index; Lucene's
/// <see cref="MoreLikeThis"/> picks them) searched as one weighted query, the article itself excluded.
/// </summary>
internal static class RelatedFinder
{
    /// <summary>Words an article is compared on; more add noise and time, fewer miss the topic.</summary>
    private const int MaxTerms = 25;

    public static RelatedResults? Find(IndexSearcher searcher, Analyzer analyzer, string id, RelatedRequest request)
    {
        if (request.Limit is < 0 or > SearchExecutor.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, $"Limit must be between 0 and {SearchExecutor.MaxLimit}.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(request.SnippetLength);
        var clock = Stopwatch.StartNew();
        var self = searcher.Search(new TermQuery(new Term(NewsFields.Id, id)), DocumentKinds.Articles, 1);
        if (self.TotalHits == 0)
        {
            return null;
        }
        var doc = self.ScoreDocs[0].Doc;
        var before = request.Before;
        if (request.AsOf)
        {
            var date = ArticleDocument.Read(searcher.Doc(doc)).Article.Date
                ?? throw new NewsSearchException($"article '{id}' has no date, so 'as of' means nothing: give a day with --before DATE instead");
            before = before is { } b && b < date ? b : date;
        }

        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [NewsFields.Body],

            // Short articles state each fact once, so one occurrence must count; a word no other article has
            // cannot link to anything.
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = MaxTerms,
        };
        var terms = new List<WeightedTerm>();
        var like = new BooleanQuery(disableCoord: true);
        var queue = mlt.RetrieveTerms(doc);
        float? top = null;
        while (queue.Count > 0)
        {
            var scored = queue.Pop();
            top ??= scored.Score;

            // Weigh each word by how distinctive it is relative to the best one, as MoreLikeThis's own boost does.
            var weight = scored.Score / top.Value;
            terms.Add(new WeightedTerm(scored.Word, weight));
            like.Add(new TermQuery(new Term(scored.TopField, scored.Word)) { Boost = weight }, Occur.SHOULD);
        }
        if (terms.Count == 0)
        {
            return new RelatedResults(id, request, 0, [], [], clock.Elapsed);
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(NewsFields.Id, id)), Occur.MUST_NOT },
        };
        var filter = DocumentKinds.And(DocumentKinds.Articles,
            before is { } day ? new DateFilter(null, ArticleDocument.DayNumber(day) - 1) : null);
        if (request.Limit == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(query, filter, counter);
            return new RelatedResults(id, request with { Before = before }, counter.TotalHits, [], terms, clock.Elapsed);
        }
        var found = searcher.Search(query, filter, request.Limit);
        var snippets = request.SnippetLength > 0 ? new SnippetBuilder(analyzer, like, NewsFields.Body) : null;
        var hits = SearchExecutor.ReadHits(searcher, found, 0, snippets, request.SnippetLength, withScores: true);
        return new RelatedResults(id, request with { Before = before }, found.TotalHits, hits, terms, clock.Elapsed);
    }
}
