using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>Runs a <see cref="QuoteSearchRequest"/> over the quotation documents of one searcher.</summary>
internal static class QuoteSearchExecutor
{
    public static QuoteResults Execute(IndexSearcher searcher, Analyzer analyzer, QuoteSearchRequest request)
    {
        if (request.Limit is < 0 or > SearchExecutor.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, $"Limit must be between 0 and {SearchExecutor.MaxLimit}.");
        }
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new NewsSearchException(string.Create(CultureInfo.InvariantCulture, $"empty date range: from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}"));
        }
        var clock = Stopwatch.StartNew();
        var hasText = !string.IsNullOrWhiteSpace(request.Query);
        var userQuery = hasText ? NewsQueryParser.Parse(request.Query!, analyzer, NewsFields.Quote, NewsFields.QuoteQueryable) : null;
        var filter = DocumentKinds.And(DocumentKinds.Quotations, SearchExecutor.BuildFilter(request.From, request.To, request.Speaker, request.Dateline, analyzer));
        var query = userQuery ?? new MatchAllDocsQuery();

        if (request.Limit == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(query, filter, counter);
            return new QuoteResults(request, counter.TotalHits, [], clock.Elapsed);
        }
        var top = hasText
            ? searcher.Search(query, filter, request.Limit)
            : searcher.Search(query, filter, request.Limit, SearchExecutor.DateSort(newestFirst: true), doDocScores: false, doMaxScore: false);

        var marks = new SnippetBuilder(analyzer, userQuery, NewsFields.Quote);
        var hits = new List<QuoteHit>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var stored = ArticleDocument.ReadQuotation(searcher.Doc(scoreDoc.Doc));
            var text = stored.Quotation.Text;
            hits.Add(new QuoteHit(hits.Count + 1, stored.ArticleId, stored.Date, stored.Dateline, stored.Quotation,
                marks.Build(text, text.Length + 1), hasText && !float.IsNaN(scoreDoc.Score) ? scoreDoc.Score : null));
        }
        return new QuoteResults(request, top.TotalHits, hits, clock.Elapsed);
    }
}
