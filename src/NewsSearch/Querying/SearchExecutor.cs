using System.Globalization;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsSearch.Analysis;
using NewsSearch.Indexing;

namespace NewsSearch.Querying;

/// <summary>Runs a <see cref="SearchRequest"/> against one searcher: query, filters, order, page and snippets.</summary>
internal static class SearchExecutor
{
    public const int MaxLimit = 10_000;

    public static SearchResults Execute(IndexSearcher searcher, Analyzer analyzer, SearchRequest request)
    {
        Validate(request);
        var clock = Stopwatch.StartNew();
        var (userQuery, filter) = Matching(request, analyzer);
        var hasText = userQuery is not null;

        // The ranking only reorders (the user's query decides what matches), so counting and date order skip it.
        RankedQuery? ranked = null;
        if (userQuery is not null)
        {
            var rewrite = request.Sort == SearchSort.Relevance && request.Offset + request.Limit > 0;
            var settings = request.Ranking == SearchRanking.Bm25 || !rewrite ? RankingSettings.Plain : RankingSettings.Tuned;
            ranked = QueryRewriter.Rewrite(userQuery, settings, searcher, filter, analyzer);
        }
        var query = ranked?.Query ?? new MatchAllDocsQuery();

        var wanted = request.Offset + request.Limit;
        if (wanted == 0)
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(query, filter, counter);
            return new SearchResults(request, counter.TotalHits, [], clock.Elapsed);
        }

        var sort = request.Sort == SearchSort.Relevance && !hasText ? SearchSort.Newest : request.Sort;
        var (top, exactCount) = sort == SearchSort.Relevance
            ? TopHitsSearch.Search(searcher, query, filter, wanted, request.CountAll)
            : (searcher.Search(query, filter, wanted, DateSort(sort == SearchSort.Newest), doDocScores: hasText, doMaxScore: false), true);

        var snippets = request.SnippetLength > 0 ? new SnippetBuilder(analyzer, userQuery, NewsFields.Body) : null;
        var hits = ReadHits(searcher, top, request.Offset, snippets, request.SnippetLength, withScores: hasText);
        if (request.Explain && ranked is not null)
        {
            var explainer = new ScoreExplainer(searcher, ranked);
            for (var i = 0; i < hits.Count; i++)
            {
                hits[i] = hits[i] with { Explanation = explainer.Explain(top.ScoreDocs[request.Offset + i].Doc, hits[i].Score ?? 0) };
            }
        }
        return new SearchResults(request, top.TotalHits, hits, clock.Elapsed)
        {
            FeedbackTerms = ranked?.FeedbackTerms ?? [],
            TotalHitsExact = exactCount,
        };
    }

    /// <summary>The stored fields a hit shows when its index has no hit summaries (made before schema 4).</summary>
    private static readonly HashSet<string> HitFields = [NewsFields.Id, NewsFields.Date, NewsFields.Dateline, NewsFields.Title, NewsFields.Speaker];

    private static readonly HashSet<string> BodyField = [NewsFields.Body];

    /// <summary>
    /// The hits of <paramref name="top"/> from <paramref name="offset"/> on. What a result line shows comes from doc
    /// values (<see cref="HitSummary"/>, the date, the dateline); stored fields are decompressed only for a snippet's
    /// body, which made up most of a query's time when every hit was read from them.
    /// </summary>
    internal static List<SearchHit> ReadHits(IndexSearcher searcher, TopDocs top, int offset, SnippetBuilder? snippets, int snippetLength, bool withScores)
    {
        var hits = new List<SearchHit>(Math.Max(0, top.ScoreDocs.Length - offset));
        var leaves = searcher.IndexReader.Leaves;
        var scratch = new BytesRef();
        HitColumns? columns = null;
        for (var i = offset; i < top.ScoreDocs.Length; i++)
        {
            var scoreDoc = top.ScoreDocs[i];
            var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
            var doc = scoreDoc.Doc - leaf.DocBase;
            if (columns?.Leaf != leaf.Ord)
            {
                columns = new HitColumns(leaf);
            }
            var score = withScores && !float.IsNaN(scoreDoc.Score) ? scoreDoc.Score : (float?)null;
            SearchHit hit;
            if (HitSummary.Read(columns.Summaries, columns.Summarized, doc, scratch) is { } summary)
            {
                var day = columns.Dates.Day(doc);
                hit = new SearchHit(i + 1, summary.Id, score, day is { } d ? ArticleDocument.FromDayNumber(d) : null, columns.Dateline(doc), summary.Title,
                    summary.Speakers, null);
            }
            else
            {
                var document = searcher.Doc(scoreDoc.Doc, HitFields);
                var day = document.GetField(NewsFields.Date)?.GetInt32Value();
                hit = new SearchHit(i + 1, document.Get(NewsFields.Id), score, day is { } d ? ArticleDocument.FromDayNumber(d) : null,
                    Dateline.Display(document.Get(NewsFields.Dateline) ?? string.Empty), document.Get(NewsFields.Title),
                    document.GetValues(NewsFields.Speaker), null);
            }
            if (snippets is not null)
            {
                var body = searcher.Doc(scoreDoc.Doc, BodyField).Get(NewsFields.Body) ?? string.Empty;
                hit = hit with { Snippet = snippets.Build(body, snippetLength) };
            }
            hits.Add(hit);
        }
        return hits;
    }

    /// <summary>What a result line shows, for the hits of one segment: its doc values looked up once, not per hit.</summary>
    private sealed class HitColumns(AtomicReaderContext leaf)
    {
        private readonly SortedDocValues? datelines = leaf.AtomicReader.GetSortedDocValues(NewsFields.DatelineFacet);
        private DatelineLabels? labels;

        public int Leaf { get; } = leaf.Ord;

        public BinaryDocValues? Summaries { get; } = leaf.AtomicReader.GetBinaryDocValues(NewsFields.HitSummary);

        public IBits? Summarized { get; } = leaf.AtomicReader.GetDocsWithField(NewsFields.HitSummary);

        public DateColumn Dates { get; } = DateColumn.For(leaf.AtomicReader);

        public string Dateline(int doc) =>
            datelines is not null && datelines.GetOrd(doc) is var ord and >= 0
                ? (labels ??= DatelineLabels.For(leaf.AtomicReader, datelines)).Get(ord, datelines)
                : string.Empty;
    }

    /// <summary>
    /// A segment's datelines by ordinal, decoded once: a sorted doc value is looked up in a prefix-compressed table,
    /// which cost more than the rest of a result line.
    /// </summary>
    private sealed class DatelineLabels
    {
        private static readonly ConditionalWeakTable<object, DatelineLabels> PerCore = [];

        private readonly string?[] labels;

        private DatelineLabels(int count) => labels = new string?[count];

        /// <summary>The labels of <paramref name="reader"/>'s segment, whose dateline doc values are <paramref name="values"/>.</summary>
        public static DatelineLabels For(AtomicReader reader, SortedDocValues values) => PerCore.GetValue(reader.CoreCacheKey, _ => new DatelineLabels(values.ValueCount));

        /// <summary>The label of <paramref name="ord"/>, decoded through the caller's own doc values (they keep a read position, so each thread has its own).</summary>
        public string Get(int ord, SortedDocValues values)
        {
            if (labels[ord] is { } known)
            {
                return known;
            }
            var bytes = new BytesRef();
            values.LookupOrd(ord, bytes);
            // Two threads may decode the same label at once; either copy will do.
            return labels[ord] = bytes.Utf8ToString();
        }
    }

    /// <summary>
    /// The filters of a request (dates, speaker, dateline) as one Lucene filter, kept to articles: the quotations
    /// indexed beside them are left out here, in one place, for every article-level search. When the query itself
    /// can only match articles (<see cref="DocumentKinds.OnlyArticlesMatch"/>) the restriction would change nothing
    /// and is left off, so a plain word search costs what it would in an index of articles alone.
    /// </summary>
    /// <param name="request">The request whose filters these are.</param>
    /// <param name="query">The request's parsed query; <c>null</c> when it has none (every document matches).</param>
    /// <param name="analyzer">The shared analyzer, for speaker names.</param>
    public static Filter? BuildFilter(SearchRequest request, Query? query, Analyzer analyzer)
    {
        var filters = BuildFilter(request.From, request.To, request.Speaker, request.Dateline, analyzer);
        return query is not null && DocumentKinds.OnlyArticlesMatch(query) ? filters : DocumentKinds.And(DocumentKinds.Articles, filters);
    }

    /// <summary>
    /// A request's parsed query (<c>null</c> without words) and its filters: what a search, its counts and an export
    /// of its articles all match, so they always describe the same articles.
    /// </summary>
    internal static (Query? Query, Filter? Filter) Matching(SearchRequest request, Analyzer analyzer)
    {
        var query = string.IsNullOrWhiteSpace(request.Query) ? null : NewsQueryParser.Parse(request.Query, analyzer);
        return (query, BuildFilter(request, query, analyzer));
    }

    /// <summary>Articles published from <paramref name="fromDay"/> to <paramref name="toDay"/>, inclusive; undated articles never match.</summary>
    internal static Filter DateRangeFilter(DateOnly? fromDay, DateOnly? toDay) => new DateFilter(
        fromDay is { } from ? ArticleDocument.DayNumber(from) : null,
        toDay is { } to ? ArticleDocument.DayNumber(to) : null);

    /// <summary>Date, speaker and dateline filters as one Lucene filter, or <c>null</c> when there are none.</summary>
    internal static Filter? BuildFilter(DateOnly? fromDay, DateOnly? toDay, string? speaker, string? dateline, Analyzer analyzer)
    {
        var clauses = new List<Filter>();
        if (fromDay is not null || toDay is not null)
        {
            clauses.Add(DateRangeFilter(fromDay, toDay));
        }
        clauses.AddRange(FieldFilters(speaker, dateline, analyzer).Select(query => new QueryWrapperFilter(query)));
        if (clauses.Count == 0)
        {
            return null;
        }
        if (clauses.Count == 1)
        {
            return clauses[0];
        }
        var all = new BooleanFilter();
        foreach (var clause in clauses)
        {
            all.Add(new FilterClause(clause, Occur.MUST));
        }
        return all;
    }

    /// <summary>
    /// The speaker and dateline filters as queries: what <see cref="BuildFilter(DateOnly?, DateOnly?, string?, string?, Analyzer)"/>
    /// filters with, and what an export's search bodies (Export.ElasticsearchQuery) write.
    /// </summary>
    internal static List<Query> FieldFilters(string? speaker, string? dateline, Analyzer analyzer)
    {
        var queries = new List<Query>();
        if (!string.IsNullOrWhiteSpace(speaker))
        {
            queries.Add(NameQuery(speaker, analyzer));
        }
        if (!string.IsNullOrWhiteSpace(dateline))
        {
            queries.Add(new TermQuery(new Term(NewsFields.DatelineKey, Dateline.Key(dateline))));
        }
        return queries;
    }

    /// <summary>A speaker as the words of a name in order: "Qin Gang", "Gang" and "Zelenskiy" all match their speaker.</summary>
    private static PhraseQuery NameQuery(string name, Analyzer analyzer)
    {
        var phrase = new PhraseQuery();
        using (var stream = analyzer.GetTokenStream(NewsFields.Speaker, name))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                phrase.Add(new Term(NewsFields.Speaker, term.ToString()));
            }
            stream.End();
        }
        if (phrase.GetTerms().Length == 0)
        {
            throw new NewsSearchException($"the speaker '{name}' has no letters to match: give a name such as \"Qin Gang\"");
        }
        return phrase;
    }

    internal static Sort DateSort(bool newestFirst)
    {
        // Undated articles go last in both orders.
        var byDate = new SortField(NewsFields.Date, new DateOrder(missing: newestFirst ? int.MinValue : int.MaxValue), newestFirst);
        return new Sort(byDate, SortField.FIELD_SCORE);
    }

    internal static void Validate(SearchRequest request)
    {
        if (request.Limit is < 0 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, $"Limit must be between 0 and {MaxLimit}.");
        }
        if (request.Offset < 0 || request.Offset > MaxLimit * 10)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Offset, $"Offset must be between 0 and {MaxLimit * 10}.");
        }
        if (request.SnippetLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.SnippetLength, "SnippetLength must not be negative.");
        }
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new NewsSearchException(string.Create(CultureInfo.InvariantCulture, $"empty date range: from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}"));
        }
    }
}
