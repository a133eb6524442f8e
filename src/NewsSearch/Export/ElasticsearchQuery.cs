using System.Text.Json;
using Lucene.Net.Search;
using NewsSearch.Analysis;
using NewsSearch.Indexing;
using NewsSearch.Querying;

namespace NewsSearch.Export;

/// <summary>
/// A search as the request body an Elasticsearch or OpenSearch index made by <see cref="ElasticsearchExport"/>
/// answers (<c>POST /NAME/_search</c>): the same matches, ranked by plain BM25 (the default ranking's lead,
/// proximity and feedback are NewsSearch's own). The query is parsed and analysed here, as <see cref="NewsIndex.Search"/>
/// does, and written as the engines' query DSL over the analysed words, so nothing depends on their parsing the
/// Lucene syntax or NewsSearch's date forms the same way: words become <c>term</c> queries, phrases
/// <c>match_phrase</c> over the analysed words (with the positions stop words left empty kept, through the mapping's
/// <see cref="ElasticsearchMapping.TermsAnalyzer"/>), dates <c>range</c> queries on whole days.
/// </summary>
public static class ElasticsearchQuery
{
    /// <summary>The engines' default index.max_inner_result_window.</summary>
    private const int MaxInnerHits = 100;

    /// <summary>The request body for <paramref name="request"/>.</summary>
    /// <param name="request">The search, as for <see cref="NewsIndex.Search"/>; its ranking and explain settings do not apply.</param>
    /// <param name="counts">Also count the matches by speaker and dateline (<c>terms</c> aggregations), as <see cref="NewsIndex.GetCounts"/> does.</param>
    /// <param name="top">How many speakers and datelines to count.</param>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    /// <exception cref="NewsSearchException">A filter is impossible, or the query holds a kind of clause the engines' DSL cannot say.</exception>
    public static string Create(SearchRequest request, bool counts = false, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        SearchExecutor.Validate(request);
        using var analyzer = NewsAnalyzer.Create();
        var hasText = !string.IsNullOrWhiteSpace(request.Query);
        var query = hasText ? NewsQueryParser.Parse(request.Query!, analyzer) : null;
        var filters = Filters(request.From, request.To, request.Speaker, request.Dateline, analyzer);

        return EngineJson.Document(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("query");
            if (filters.Count == 0)
            {
                Write(json, query ?? new MatchAllDocsQuery(), AsIs);
            }
            else
            {
                json.WriteStartObject();
                json.WriteStartObject("bool");
                json.WritePropertyName("must");
                Write(json, query ?? new MatchAllDocsQuery(), AsIs);
                json.WriteStartArray("filter");
                foreach (var filter in filters)
                {
                    Write(json, filter, AsIs);
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteNumber("from", request.Offset);
            json.WriteNumber("size", request.Limit);
            // Without words there is no relevance: NewsSearch lists such matches newest first.
            var sort = request.Sort == SearchSort.Relevance && !hasText ? SearchSort.Newest : request.Sort;
            if (sort != SearchSort.Relevance)
            {
                WriteDateSort(json, sort == SearchSort.Newest);
            }
            if (request.CountAll)
            {
                json.WriteBoolean("track_total_hits", true);
            }
            if (hasText && request.SnippetLength > 0)
            {
                json.WriteStartObject("highlight");
                json.WriteStartArray("pre_tags");
                json.WriteStringValue("**");
                json.WriteEndArray();
                json.WriteStartArray("post_tags");
                json.WriteStringValue("**");
                json.WriteEndArray();
                json.WriteStartObject("fields");
                json.WriteStartObject(NewsFields.Body);
                json.WriteNumber("fragment_size", request.SnippetLength);
                json.WriteNumber("number_of_fragments", 1);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            if (counts)
            {
                json.WriteStartObject("aggs");
                Terms(json, "speakers", NewsFields.Speaker + ".keyword", top);
                Terms(json, "datelines", NewsFields.DatelineFacet, top);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The request body for a quotation search (<see cref="NewsIndex.SearchQuotes"/>): a <c>nested</c> query over the
    /// articles' <c>quotations</c>, whose <c>inner_hits</c> are the matching quotations. The engines rank articles by
    /// their best quotation and list each article's matches under it, where NewsSearch ranks the quotations themselves:
    /// the same quotations match, and a client that wants one list sorts the inner hits by their score.
    /// </summary>
    /// <param name="request">The quotation search: its query (words of the quotations; <c>speaker:</c>, <c>date:</c>, <c>dateline:</c>), filters and size.</param>
    /// <exception cref="QuerySyntaxException">The query text cannot be understood.</exception>
    /// <exception cref="NewsSearchException">A filter is impossible, or the query holds a kind of clause the engines' DSL cannot say.</exception>
    public static string CreateForQuotations(QuoteSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, SearchExecutor.MaxLimit);
        using var analyzer = NewsAnalyzer.Create();
        var hasText = !string.IsNullOrWhiteSpace(request.Query);
        var query = hasText ? NewsQueryParser.Parse(request.Query!, analyzer, NewsFields.Quote, NewsFields.QuoteQueryable) : null;
        var filters = Filters(request.From, request.To, request.Speaker, request.Dateline, analyzer);

        return EngineJson.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("query");
            json.WriteStartObject("nested");
            json.WriteString("path", ElasticsearchMapping.Quotations);
            json.WriteString("score_mode", "max");
            json.WritePropertyName("query");
            json.WriteStartObject();
            json.WriteStartObject("bool");
            json.WritePropertyName("must");
            Write(json, query ?? new MatchAllDocsQuery(), InQuotation);
            if (filters.Count > 0)
            {
                json.WriteStartArray("filter");
                foreach (var filter in filters)
                {
                    Write(json, filter, InQuotation);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("inner_hits");
            // The engines refuse more than index.max_inner_result_window (100) inner hits per article by default.
            json.WriteNumber("size", Math.Min(request.Limit, MaxInnerHits));
            if (hasText)
            {
                json.WriteStartObject("highlight");
                json.WriteStartObject("fields");
                json.WriteStartObject(InQuotation(NewsFields.Quote));
                json.WriteNumber("number_of_fragments", 0);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("size", request.Limit);
            if (!hasText)
            {
                // Without words NewsSearch lists the newest quotations first.
                WriteDateSort(json, newestFirst: true);
            }
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Date, speaker and dateline filters as the clauses NewsSearch filters with: the speaker's and dateline's its own
    /// (<see cref="SearchExecutor.FieldFilters"/>), the dates as the range its date filter keeps.
    /// </summary>
    private static List<Query> Filters(DateOnly? fromDay, DateOnly? toDay, string? speaker, string? dateline, Lucene.Net.Analysis.Analyzer analyzer)
    {
        var filters = new List<Query>();
        if (fromDay is not null || toDay is not null)
        {
            filters.Add(NumericRangeQuery.NewInt32Range(NewsFields.Date,
                fromDay is { } from ? ArticleDocument.DayNumber(from) : null, toDay is { } to ? ArticleDocument.DayNumber(to) : null, true, true));
        }
        filters.AddRange(SearchExecutor.FieldFilters(speaker, dateline, analyzer));
        return filters;
    }

    private static string AsIs(string field) => field;

    /// <summary>A field of a quotation document as the field of the nested quotation that holds the same.</summary>
    private static string InQuotation(string field) =>
        ElasticsearchMapping.Quotations + "." + (field == NewsFields.Quote ? "text" : field);

    private static void WriteDateSort(Utf8JsonWriter json, bool newestFirst)
    {
        json.WriteStartArray("sort");
        json.WriteStartObject();
        json.WriteStartObject(NewsFields.Date);
        json.WriteString("order", newestFirst ? "desc" : "asc");
        json.WriteString("missing", "_last");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStringValue("_score");
        json.WriteEndArray();
    }

    private static void Terms(Utf8JsonWriter json, string name, string field, int size)
    {
        json.WriteStartObject(name);
        json.WriteStartObject("terms");
        json.WriteString("field", field);
        json.WriteNumber("size", size);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>One parsed clause as the engines' DSL; the kinds of clause the query parser makes, and no other.</summary>
    private static void Write(Utf8JsonWriter json, Query query, Func<string, string> field)
    {
        json.WriteStartObject();
        switch (query)
        {
            case BooleanQuery boolean when boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT):
                // Lucene matches nothing with exclusions alone, where the engines' bool would match everything else.
                json.WriteStartObject("match_none");
                json.WriteEndObject();
                break;
            case BooleanQuery boolean:
                json.WriteStartObject("bool");
                foreach (var (occur, name) in new[] { (Occur.MUST, "must"), (Occur.SHOULD, "should"), (Occur.MUST_NOT, "must_not") })
                {
                    var clauses = boolean.Clauses.Where(c => c.Occur == occur).ToList();
                    if (clauses.Count == 0)
                    {
                        continue;
                    }
                    json.WriteStartArray(name);
                    foreach (var clause in clauses)
                    {
                        Write(json, clause.Query, field);
                    }
                    json.WriteEndArray();
                }
                if (boolean.MinimumNumberShouldMatch > 0)
                {
                    json.WriteNumber("minimum_should_match", boolean.MinimumNumberShouldMatch);
                }
                Boost(json, query);
                json.WriteEndObject();
                break;
            case TermQuery term:
                Leaf(json, "term", field(term.Term.Field), query, ("value", term.Term.Text));
                break;
            case PhraseQuery phrase:
                WritePhrase(json, phrase, field);
                break;
            case WildcardQuery wildcard:
                Leaf(json, "wildcard", field(wildcard.Field), query, ("value", wildcard.Term.Text));
                break;
            case PrefixQuery prefix:
                Leaf(json, "prefix", field(prefix.Field), query, ("value", prefix.Prefix.Text));
                break;
            case FuzzyQuery fuzzy:
                json.WriteStartObject("fuzzy");
                json.WriteStartObject(field(fuzzy.Field));
                json.WriteString("value", fuzzy.Term.Text);
                json.WriteNumber("fuzziness", fuzzy.MaxEdits);
                json.WriteNumber("prefix_length", fuzzy.PrefixLength);
                json.WriteBoolean("transpositions", fuzzy.Transpositions);
                Boost(json, query);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case NumericRangeQuery<int> days when days.Field == NewsFields.Date:
                json.WriteStartObject("range");
                json.WriteStartObject(field(NewsFields.Date));
                if (days.Min is { } min)
                {
                    json.WriteString(days.IncludesMin ? "gte" : "gt", Day(min));
                }
                if (days.Max is { } max)
                {
                    json.WriteString(days.IncludesMax ? "lte" : "lt", Day(max));
                }
                Boost(json, query);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case TermRangeQuery range:
                json.WriteStartObject("range");
                json.WriteStartObject(field(range.Field));
                if (range.LowerTerm is { } lower)
                {
                    json.WriteString(range.IncludesLower ? "gte" : "gt", lower.Utf8ToString());
                }
                if (range.UpperTerm is { } upper)
                {
                    json.WriteString(range.IncludesUpper ? "lte" : "lt", upper.Utf8ToString());
                }
                Boost(json, query);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            case MatchAllDocsQuery:
                json.WriteStartObject("match_all");
                Boost(json, query);
                json.WriteEndObject();
                break;
            default:
                throw new NewsSearchException($"a clause of this query ({query}) has no counterpart in the Elasticsearch query DSL here");
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// A phrase as the analysed words in their positions: a position no word holds (a stop word's) is written as
    /// <see cref="ElasticsearchMapping.GapWord"/>, which the terms analyzer drops and leaves empty, so the engine's
    /// phrase has the positions and the slop of this one.
    /// </summary>
    private static void WritePhrase(Utf8JsonWriter json, PhraseQuery phrase, Func<string, string> field)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        var words = new List<string>();
        for (var i = 0; i < terms.Length; i++)
        {
            if (terms[i].Text == ElasticsearchMapping.GapWord || terms[i].Text.Any(char.IsWhiteSpace))
            {
                throw new NewsSearchException($"the phrase word '{terms[i].Text}' cannot be written for Elasticsearch");
            }
            var gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
            words.AddRange(Enumerable.Repeat(ElasticsearchMapping.GapWord, gap));
            words.Add(terms[i].Text);
        }
        json.WriteStartObject("match_phrase");
        json.WriteStartObject(field(terms[0].Field));
        json.WriteString("query", string.Join(' ', words));
        json.WriteString("analyzer", ElasticsearchMapping.TermsAnalyzer);
        if (phrase.Slop > 0)
        {
            json.WriteNumber("slop", phrase.Slop);
        }
        Boost(json, phrase);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Leaf(Utf8JsonWriter json, string kind, string field, Query query, (string Name, string Value) value)
    {
        json.WriteStartObject(kind);
        json.WriteStartObject(field);
        json.WriteString(value.Name, value.Value);
        Boost(json, query);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Boost(Utf8JsonWriter json, Query query)
    {
        if (query.Boost != 1f)
        {
            json.WriteNumber("boost", Math.Round(query.Boost, 4));
        }
    }

    private static string Day(int day) => EngineJson.Day(ArticleDocument.FromDayNumber(day));
}
