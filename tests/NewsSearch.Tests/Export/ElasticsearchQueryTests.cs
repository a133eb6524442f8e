using System.Globalization;
using System.Text.Json;
using CsCheck;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsSearch.Export;
using NewsSearch.Indexing;
using NewsSearch.Querying;

namespace NewsSearch.Tests.Export;

/// <summary>
/// Searches written for Elasticsearch and OpenSearch must find what NewsSearch finds. No engine runs here, so the
/// test reads the request body back as those engines define each query (a term matches the analysed word, a
/// match_phrase analyses its text with the mapping's terms analyzer, a bool with only should clauses needs one of
/// them, filters do not score, nested quotations are not hits), runs it on the same index and compares the hits
/// with NewsSearch's own plain-BM25 search, query after generated query.
/// </summary>
public sealed class ElasticsearchQueryTests : IDisposable
{
    private static readonly string[] Places = ["London", "New Delhi", "Kyiv", "Paris"];
    private static readonly string[] People = ["Qin Gang", "Volodymyr Zelenskiy", "Janet Yellen"];
    private static readonly string[] Words =
    [
        "bank", "england", "rates", "inflation", "grain", "exports", "talks", "peace", "markets", "prices", "oil",
        "wheat", "minister", "war", "hand", "invisible", "crisis", "budget", "talked", "rising",
    ];

    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public ElasticsearchQueryTests()
    {
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            string Pick(string[] from) => from[random.Next(from.Length)];
            var sentence = string.Join(' ', Enumerable.Range(0, 12).Select(_ => Pick(Words))) + ".";
            var quote = $"\"The {Pick(Words)} of {Pick(Words)} is {Pick(Words)},\" {Pick(People)} said.";
            var body = random.Next(3) == 0 ? sentence : $"{sentence} The bank of England {Pick(Words)} {Pick(Words)}.\n\n{quote}";
            DateOnly? date = random.Next(8) == 0 ? null : new DateOnly(2023, 1 + random.Next(6), 1 + random.Next(28));
            index.Upsert(new Article($"a{i:D2}", date, random.Next(5) == 0 ? "" : Pick(Places), body) { Title = random.Next(2) == 0 ? $"{Pick(Words)} {Pick(Words)}" : null });
        }
        index.Commit();
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void Generated_searches_find_in_the_engines_dsl_what_NewsSearch_finds()
    {
        var word = Pick(Words);
        var atom = Gen.OneOf(
            word,
            Gen.Select(word, word, (a, b) => $"\"{a} {b}\""),
            Gen.Select(word, word, (a, b) => $"\"{a} of the {b}\""),
            Gen.Select(word, word, Gen.Int[1, 3], (a, b, slop) => $"\"{a} {b}\"~{slop}"),
            Gen.Select(word, w => w[..3] + "*"),
            Gen.Select(word, w => w[0] + "?" + w[2..]),
            Gen.Select(word, w => w[..^1] + "x~1"),
            Gen.Select(word, w => "title:" + w),
            Pick("speaker:zelensky", "speaker:\"qin gang\"", "speaker:yellen", "dateline:delhi", "dateline:\"new delhi\"", "id:a07"),
            Pick("date:2023-03", "date:2023", "date:[2023-02-10 TO 2023-04-20]", "date:{2023-03 TO *]", "date:[* TO 2023-02]", "title:[b TO m]"),
            Gen.Select(word, Gen.Int[2, 4], (w, boost) => $"{w}^{boost}"));
        var query = Gen.OneOf(
            atom,
            Gen.Select(atom, atom, (a, b) => $"{a} {b}"),
            Gen.Select(atom, atom, (a, b) => $"{a} AND {b}"),
            Gen.Select(atom, atom, atom, (a, b, c) => $"({a} OR {b}) AND NOT {c}"),
            Gen.Select(atom, atom, atom, (a, b, c) => $"+{a} {b} -{c}"),
            Gen.Select(atom, atom, (a, b) => $"{a} OR (NOT {b})"));
        var request = Gen.Select(
            query, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[0, 2],
            (q, noText, filter, place, order) => new SearchRequest
            {
                Query = noText ? null : q,
                From = filter is 1 or 3 ? new DateOnly(2023, 2, 1) : null,
                To = filter >= 2 ? new DateOnly(2023, 5, 15) : null,
                Speaker = filter == 3 ? "Zelenskiy" : null,
                Dateline = place < Places.Length ? (place == 1 ? "NEW DELHI," : null) : null,
                Sort = (SearchSort)order,
                Limit = 100,
                SnippetLength = 0,
                Ranking = SearchRanking.Bm25,
            });

        Check.Sample(request, r =>
        {
            var expected = index.Search(r).Hits.Select(h => h.Id).ToList();
            var body = ElasticsearchQuery.Create(r);
            Assert.True(expected.SequenceEqual(Run(body)), $"{r.Query} | from {r.From} to {r.To} speaker {r.Speaker} dateline {r.Dateline} sort {r.Sort}\n{body}");
        }, iter: 600);
    }

    [Fact]
    public void Generated_quotation_searches_find_the_quotations_NewsSearch_finds()
    {
        var word = Pick(Words);
        var atom = Gen.OneOf(
            word,
            Gen.Select(word, word, (a, b) => $"\"{a} {b}\""),
            Gen.Select(word, word, (a, b) => $"\"{a} of {b}\"~1"),
            Gen.Select(word, w => w[..3] + "*"),
            Pick("speaker:zelensky", "speaker:\"janet yellen\"", "date:2023-03", "date:[2023-02 TO 2023-04-15]", "dateline:delhi", "dateline:kyiv"));
        var query = Gen.OneOf(atom, Gen.Select(atom, atom, (a, b) => $"{a} {b}"), Gen.Select(atom, atom, (a, b) => $"{a} AND NOT {b}"));
        var request = Gen.Select(query, Gen.Bool, Gen.Int[0, 4], (q, noText, filter) => new QuoteSearchRequest
        {
            Query = noText ? null : q,
            Speaker = filter == 1 ? "Qin" : null,
            Dateline = filter == 2 ? "Paris" : null,
            From = filter == 3 ? new DateOnly(2023, 3, 1) : null,
            To = filter == 4 ? new DateOnly(2023, 4, 30) : null,
            Limit = 1000,
        });

        Check.Sample(request, r =>
        {
            var expected = index.SearchQuotes(r).Hits.Select(h => (h.ArticleId, h.Quotation.Start)).Order().ToList();
            var body = ElasticsearchQuery.CreateForQuotations(r);
            Assert.True(expected.SequenceEqual(RunQuotations(body)), $"{r.Query} | speaker {r.Speaker} dateline {r.Dateline} from {r.From} to {r.To}\n{body}");
        }, iter: 300);
    }

    [Fact]
    public void Counts_and_paging_are_written_as_the_engines_say_them()
    {
        var body = JsonDocument.Parse(ElasticsearchQuery.Create(new SearchRequest { Query = "grain", Offset = 20, Limit = 5, CountAll = true }, counts: true, top: 3)).RootElement;

        Assert.Equal((20, 5), (body.GetProperty("from").GetInt32(), body.GetProperty("size").GetInt32()));
        Assert.True(body.GetProperty("track_total_hits").GetBoolean());
        Assert.Equal("speaker.keyword", body.GetProperty("aggs").GetProperty("speakers").GetProperty("terms").GetProperty("field").GetString());
        Assert.Equal(3, body.GetProperty("aggs").GetProperty("datelines").GetProperty("terms").GetProperty("size").GetInt32());
        Assert.Equal(200, body.GetProperty("highlight").GetProperty("fields").GetProperty("body").GetProperty("fragment_size").GetInt32());
    }

    [Fact]
    public void A_bad_query_is_the_same_error_as_for_a_search()
    {
        var search = Assert.Throws<QuerySyntaxException>(() => index.Search(new SearchRequest { Query = "date:2023-02-30" }));
        var written = Assert.Throws<QuerySyntaxException>(() => ElasticsearchQuery.Create(new SearchRequest { Query = "date:2023-02-30" }));

        Assert.Equal(search.Message, written.Message);
    }

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>The request body run on this index, as the engines define its queries.</summary>
    private List<string> Run(string body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var query = root.GetProperty("query");
        Filter? filter = null;
        if (query.TryGetProperty("bool", out var outer) && outer.TryGetProperty("filter", out var filters))
        {
            var all = new BooleanQuery();
            foreach (var clause in filters.EnumerateArray())
            {
                all.Add(Read(clause), Occur.MUST);
            }
            filter = new QueryWrapperFilter(all);
            query = outer.GetProperty("must");
        }
        var lucene = Read(query);
        var size = root.GetProperty("size").GetInt32();
        var descending = root.TryGetProperty("sort", out var sort) ? sort[0].GetProperty("date").GetProperty("order").GetString() == "desc" : (bool?)null;
        return index.WithSearcher(searcher =>
        {
            // Nested documents (the quotations) are never hits of a search.
            var articles = DocumentKinds.Articles;
            var matches = searcher.Search(lucene, filter is null ? articles : DocumentKinds.And(articles, filter), Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs;
            IEnumerable<ScoreDoc> ordered = matches;
            if (descending is { } newestFirst)
            {
                var dates = matches.ToDictionary(m => m.Doc, m => searcher.Doc(m.Doc).GetField(NewsFields.Date)?.GetInt32Value());
                ordered = matches
                    .OrderBy(m => dates[m.Doc] is null)
                    .ThenBy(m => newestFirst ? -(dates[m.Doc] ?? 0) : dates[m.Doc] ?? 0)
                    .ThenByDescending(m => m.Score)
                    .ThenBy(m => m.Doc);
            }
            return ordered.Take(size).Select(m => searcher.Doc(m.Doc).Get(NewsFields.Id)).ToList();
        });
    }

    /// <summary>
    /// A quotation search's body run on this index: its nested query over the quotation documents, whose fields the
    /// export names quotations.* (the text as quotations.text), every inner hit collected.
    /// </summary>
    private List<(string ArticleId, int Start)> RunQuotations(string body)
    {
        var nested = JsonDocument.Parse(body).RootElement.GetProperty("query").GetProperty("nested");
        Assert.Equal("quotations", nested.GetProperty("path").GetString());
        var inner = nested.GetProperty("query").GetProperty("bool");
        // Every field the body names must be one the mapping declares for quotations.
        var declared = JsonDocument.Parse(ElasticsearchMapping.Create()).RootElement.GetProperty("mappings").GetProperty("properties")
            .GetProperty("quotations").GetProperty("properties").EnumerateObject().Select(p => "quotations." + p.Name).ToHashSet();
        string Rename(string field)
        {
            Assert.Contains(field, declared);
            return field == "quotations.text" ? NewsFields.Quote : field["quotations.".Length..];
        }
        var query = Read(inner.GetProperty("must"), Rename);
        var filter = DocumentKinds.Quotations;
        if (inner.TryGetProperty("filter", out var filters))
        {
            var all = new BooleanQuery();
            foreach (var clause in filters.EnumerateArray())
            {
                all.Add(Read(clause, Rename), Occur.MUST);
            }
            filter = DocumentKinds.And(filter, new QueryWrapperFilter(all));
        }
        return index.WithSearcher(searcher => searcher.Search(query, filter, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs
            .Select(d => ArticleDocument.ReadQuotation(searcher.Doc(d.Doc)))
            .Select(q => (q.ArticleId, q.Quotation.Start))
            .Order()
            .ToList());
    }

    private static Query Read(JsonElement element, Func<string, string>? rename = null)
    {
        rename ??= f => f;
        var kind = element.EnumerateObject().Single();
        var value = kind.Value;
        Query query;
        switch (kind.Name)
        {
            case "bool":
                var boolean = new BooleanQuery();
                foreach (var (name, occur) in new[] { ("must", Occur.MUST), ("should", Occur.SHOULD), ("must_not", Occur.MUST_NOT) })
                {
                    if (value.TryGetProperty(name, out var clauses))
                    {
                        foreach (var clause in clauses.ValueKind == JsonValueKind.Array ? clauses.EnumerateArray().ToList() : [clauses])
                        {
                            boolean.Add(Read(clause, rename), occur);
                        }
                    }
                }
                Assert.False(value.TryGetProperty("filter", out _), "filters are only expected at the top");
                // A bool of exclusions alone matches every other document in the engines.
                if (boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT))
                {
                    boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
                }
                boolean.MinimumNumberShouldMatch = value.TryGetProperty("minimum_should_match", out var minimum) ? minimum.GetInt32() : 0;
                query = boolean;
                break;
            case "match_all":
                query = new MatchAllDocsQuery();
                break;
            case "match_none":
                query = new BooleanQuery();
                break;
            default:
                var (field, parameters) = value.EnumerateObject().Single() is var f ? (rename(f.Name), f.Value) : default;
                string Text(string name) => parameters.GetProperty(name).GetString()!;
                query = kind.Name switch
                {
                    "term" => new TermQuery(new Term(field, Text("value"))),
                    "prefix" => new PrefixQuery(new Term(field, Text("value"))),
                    "wildcard" => new WildcardQuery(new Term(field, Text("value"))),
                    "fuzzy" => new FuzzyQuery(new Term(field, Text("value")), parameters.GetProperty("fuzziness").GetInt32(),
                        parameters.GetProperty("prefix_length").GetInt32(), 50, parameters.GetProperty("transpositions").GetBoolean()),
                    "match_phrase" => Phrase(field, parameters),
                    "range" when field == NewsFields.Date => DateRange(parameters),
                    "range" => TermRangeQuery.NewStringRange(field,
                        parameters.TryGetProperty("gte", out var gte) ? gte.GetString() : parameters.TryGetProperty("gt", out var gt) ? gt.GetString() : null,
                        parameters.TryGetProperty("lte", out var lte) ? lte.GetString() : parameters.TryGetProperty("lt", out var lt) ? lt.GetString() : null,
                        parameters.TryGetProperty("gte", out _), parameters.TryGetProperty("lte", out _)),
                    _ => throw new InvalidOperationException($"query kind '{kind.Name}' is not one the test reads"),
                };
                if (parameters.TryGetProperty("boost", out var boost))
                {
                    query.Boost = (float)boost.GetDouble();
                }
                return query;
        }
        if (value.TryGetProperty("boost", out var outerBoost))
        {
            query.Boost = (float)outerBoost.GetDouble();
        }
        return query;
    }

    /// <summary>The mapping's terms analyzer: words split at spaces, the gap word dropped with its position left empty.</summary>
    private static PhraseQuery Phrase(string field, JsonElement parameters)
    {
        Assert.Equal(ElasticsearchMapping.TermsAnalyzer, parameters.GetProperty("analyzer").GetString());
        var phrase = new PhraseQuery { Slop = parameters.TryGetProperty("slop", out var slop) ? slop.GetInt32() : 0 };
        var position = 0;
        foreach (var word in parameters.GetProperty("query").GetString()!.Split(' '))
        {
            if (word != ElasticsearchMapping.GapWord)
            {
                phrase.Add(new Term(field, word), position);
            }
            position++;
        }
        return phrase;
    }

    /// <summary>A range of days: the engines read yyyy-MM-dd bounds as whole days, inclusive or not.</summary>
    private static NumericRangeQuery<int> DateRange(JsonElement parameters)
    {
        static int Day(JsonElement value) => ArticleDocument.DayNumber(DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        int? lower = parameters.TryGetProperty("gte", out var gte) ? Day(gte) : parameters.TryGetProperty("gt", out var gt) ? Day(gt) : null;
        int? upper = parameters.TryGetProperty("lte", out var lte) ? Day(lte) : parameters.TryGetProperty("lt", out var lt) ? Day(lt) : null;
        return NumericRangeQuery.NewInt32Range(NewsFields.Date, lower, upper, !parameters.TryGetProperty("gt", out _), !parameters.TryGetProperty("lt", out _));
    }
}
