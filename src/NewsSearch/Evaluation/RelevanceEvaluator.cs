using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.QueryParsers.Classic;

namespace NewsSearch.Evaluation;

/// <summary>Mean measures over a set of queries.</summary>
/// <param name="Queries">Number of queries averaged.</param>
/// <param name="MeanAveragePrecision">MAP: the mean of each query's average precision.</param>
/// <param name="PrecisionAt10">P@10: the mean share of relevant articles among the first ten.</param>
/// <param name="NdcgAt10">nDCG@10: the mean normalised discounted cumulative gain of the first ten.</param>
public sealed record MetricSummary(int Queries, double MeanAveragePrecision, double PrecisionAt10, double NdcgAt10);

/// <summary>One query's ranking and its measures.</summary>
/// <param name="QueryId">The query id.</param>
/// <param name="Text">The query text.</param>
/// <param name="Relevant">Articles judged relevant.</param>
/// <param name="RelevantRetrieved">Relevant articles in <see cref="Ranking"/>.</param>
/// <param name="AveragePrecision">Average precision.</param>
/// <param name="PrecisionAt10">Precision at 10.</param>
/// <param name="NdcgAt10">nDCG at 10.</param>
/// <param name="Ranking">The articles retrieved, best first, with their scores.</param>
/// <param name="IsOdd">Whether the query belongs to the odd half (the half to tune on).</param>
public sealed record QueryEvaluation(
    string QueryId, string Text, int Relevant, int RelevantRetrieved, double AveragePrecision, double PrecisionAt10, double NdcgAt10,
    IReadOnlyList<RankedArticle> Ranking, bool IsOdd);

/// <summary>An article at a rank of a query's results.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Score">Its relevance score.</param>
public readonly record struct RankedArticle(string Id, float Score);

/// <summary>
/// The result of an evaluation: measures over all judged queries and over the odd and even query ids (numeric ids
/// by their parity, others by their position in the queries file), and each query's figures.
/// </summary>
/// <param name="Name">What was evaluated: a ranking's name (<c>default</c>, <c>bm25</c>) or a run's.</param>
/// <param name="All">All judged queries.</param>
/// <param name="Odd">Queries with odd ids (the half to tune on).</param>
/// <param name="Even">Queries with even ids (the half to check on).</param>
/// <param name="Queries">Each judged query, in the order of the queries file.</param>
/// <param name="UnjudgedQueries">Queries of the file with no relevant article in the judgments, left out of the means.</param>
/// <param name="Elapsed">Time spent searching (zero for rankings read from a run file).</param>
public sealed record RelevanceReport(
    string Name, MetricSummary All, MetricSummary Odd, MetricSummary Even, IReadOnlyList<QueryEvaluation> Queries,
    int UnjudgedQueries, TimeSpan Elapsed)
{
    /// <summary>Writes the rankings as a TREC run file (<c>query Q0 article rank score tag</c>), readable by trec_eval.</summary>
    public void WriteRun(TextWriter writer, string tag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var query in Queries)
        {
            for (var i = 0; i < query.Ranking.Count; i++)
            {
                var hit = query.Ranking[i];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.QueryId} Q0 {hit.Id} {i + 1} {hit.Score:R} {tag}"));
            }
        }
    }
}

/// <summary>
/// Runs the queries of a test collection through <see cref="NewsIndex.Search"/> (the path users get: the default
/// operator and the requested ranking) and measures the rankings against the judgments.
/// </summary>
public static partial class RelevanceEvaluator
{
    /// <summary>How many articles each query retrieves, as trec_eval runs usually do. Default depth of <see cref="Evaluate"/>.</summary>
    public const int DefaultDepth = 1000;

    /// <summary>Evaluates every judged query of <paramref name="queries"/> on <paramref name="index"/>.</summary>
    /// <param name="index">The index holding the collection's articles.</param>
    /// <param name="queries">The queries, as people wrote them; they are searched as plain words.</param>
    /// <param name="judgments">Which articles are relevant to which query.</param>
    /// <param name="ranking">The ranking to evaluate.</param>
    /// <param name="depth">Articles retrieved per query.</param>
    public static RelevanceReport Evaluate(
        NewsIndex index, IReadOnlyList<EvaluationQuery> queries, Judgments judgments, SearchRanking ranking = SearchRanking.Default, int depth = DefaultDepth)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var clock = Stopwatch.StartNew();
        var rankings = new Dictionary<string, IReadOnlyList<RankedArticle>>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            if (judgments.RelevantFor(query.Id).Count == 0 || rankings.ContainsKey(query.Id))
            {
                continue;
            }
            var results = index.Search(new SearchRequest { Query = PlainWords(query.Text), Limit = depth, SnippetLength = 0, Ranking = ranking });
            rankings[query.Id] = results.Hits.Select(h => new RankedArticle(h.Id, h.Score ?? 0)).ToList();
        }
        var elapsed = clock.Elapsed;
        return Measure(NameOf(ranking), queries, judgments, rankings) with { Elapsed = elapsed };
    }

    /// <summary>
    /// Measures rankings made elsewhere (another engine's TREC run, see <see cref="EvaluationFiles.ReadRun"/>) on the
    /// judged queries of <paramref name="queries"/>. A judged query the rankings lack counts as retrieving nothing,
    /// as <c>trec_eval -c</c> counts it, so two reports over the same queries compare query by query.
    /// </summary>
    /// <param name="name">What the rankings are, for the report.</param>
    /// <param name="queries">The queries; their order and ids decide the halves, as in <see cref="Evaluate"/>.</param>
    /// <param name="judgments">Which articles are relevant to which query.</param>
    /// <param name="rankings">Each query's articles, best first, by query id.</param>
    public static RelevanceReport Measure(
        string name, IReadOnlyList<EvaluationQuery> queries, Judgments judgments, IReadOnlyDictionary<string, IReadOnlyList<RankedArticle>> rankings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(rankings);
        var evaluated = new List<QueryEvaluation>();
        var unjudged = 0;
        for (var position = 0; position < queries.Count; position++)
        {
            var query = queries[position];
            var relevant = judgments.RelevantFor(query.Id);
            if (relevant.Count == 0)
            {
                unjudged++;
                continue;
            }
            var ranked = rankings.GetValueOrDefault(query.Id) ?? [];
            var ids = ranked.Select(h => h.Id).ToList();
            var odd = int.TryParse(query.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number % 2 != 0 : position % 2 == 0;
            evaluated.Add(new QueryEvaluation(
                query.Id, query.Text, relevant.Count, ids.Count(relevant.Contains),
                RelevanceMetrics.AveragePrecision(ids, relevant), RelevanceMetrics.PrecisionAt(10, ids, relevant), RelevanceMetrics.NdcgAt(10, ids, relevant),
                ranked, odd));
        }
        return new RelevanceReport(
            name,
            Summarize(evaluated),
            Summarize(evaluated.Where(e => e.IsOdd)),
            Summarize(evaluated.Where(e => !e.IsOdd)),
            evaluated,
            unjudged,
            TimeSpan.Zero);
    }

    /// <summary>The name a report gives a ranking: <c>default</c> or <c>bm25</c>.</summary>
    public static string NameOf(SearchRanking ranking) => ranking == SearchRanking.Bm25 ? "bm25" : "default";

    /// <summary>
    /// A topic's text as a query of plain words: Lucene syntax characters are escaped and the words AND, OR and NOT
    /// lower-cased, so "INDONESIA AND MALAYA" asks for both words rather than requiring both.
    /// </summary>
    internal static string PlainWords(string text)
    {
        var escaped = QueryParserBase.Escape(text);
        return OperatorWord().Replace(escaped, m => m.Value.ToLowerInvariant());
    }

    private static MetricSummary Summarize(IEnumerable<QueryEvaluation> results)
    {
        var list = results.ToList();
        if (list.Count == 0)
        {
            return new MetricSummary(0, 0, 0, 0);
        }
        return new MetricSummary(list.Count, list.Average(r => r.AveragePrecision), list.Average(r => r.PrecisionAt10), list.Average(r => r.NdcgAt10));
    }

    [GeneratedRegex(@"\b(AND|OR|NOT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorWord();
}
