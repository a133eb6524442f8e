using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSearch.Cli.Output;

// The shapes of --json output. Property names become snake_case; dates are YYYY-MM-DD strings. Kept apart from
// the library's records so the library can grow without changing what scripts read.

internal sealed record SearchJson(string? Query, int Total, IReadOnlyList<HitJson> Hits)
{
    /// <summary>Whether <see cref="Total"/> counts every match; when false, at least that many match (see --count-all).</summary>
    public bool TotalExact { get; init; } = true;

    /// <summary>Only with --counts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CountsJson? Counts { get; init; }

    /// <summary>Only with --explain: the words feedback added to the query.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WeightedTermJson>? FeedbackTerms { get; init; }
}

internal sealed record HitJson(
    int Rank, string Id, float? Score, string? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, string? Snippet)
{
    /// <summary>Only with --explain.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExplanationJson? Explanation { get; init; }
}

internal sealed record ExplanationJson(float Score, IReadOnlyList<ContributionJson> Parts);

internal sealed record ContributionJson(string Kind, string Field, string Text, float Score, float? Frequency, long? Articles);

internal sealed record WeightedTermJson(string Term, float Weight);

internal sealed record RelatedJson(string Id, string? Before, IReadOnlyList<WeightedTermJson> Terms, int Total, IReadOnlyList<HitJson> Hits);

internal sealed record MetricsJson(int Queries, double Map, double P10, double Ndcg10);

internal sealed record QueryMetricsJson(string Id, string Text, int Relevant, int RelevantRetrieved, double Ap, double P10, double Ndcg10)
{
    /// <summary>Only with --against: the query's AP under the second ranking.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ApAgainst { get; init; }
}

internal sealed record RelevanceJson(
    string Ranking, int Articles, int Unjudged, MetricsJson All, MetricsJson Odd, MetricsJson Even, IReadOnlyList<QueryMetricsJson>? PerQuery)
{
    /// <summary>Only with --against.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ComparisonJson? Against { get; init; }
}

/// <summary>The second ranking's figures, and the first's minus the second's.</summary>
internal sealed record ComparisonJson(string Ranking, MetricsJson All, MetricsJson Odd, MetricsJson Even, DifferenceJson Difference);

internal sealed record DifferenceJson(int Permutations, HalfDifferenceJson All, HalfDifferenceJson Odd, HalfDifferenceJson Even);

internal sealed record HalfDifferenceJson(int Queries, bool Exact, MeasureDifferenceJson Map, MeasureDifferenceJson P10, MeasureDifferenceJson Ndcg10);

/// <summary>Mean per-query difference, its two-sided p-value, and the queries where the first ranking scores higher and lower.</summary>
internal sealed record MeasureDifferenceJson(double Difference, double P, int Better, int Worse);

internal sealed record ExportJson(string Folder, string IndexName, int Articles, int Quotations, IReadOnlyList<string> Files, long Bytes, double Seconds);

internal sealed record LatencySummaryJson(double P50Us, double P95Us, double MeanUs);

internal sealed record LatencyJson(int Articles, int Queries, int Repeats, int Warmup, LatencySummaryJson Bm25, LatencySummaryJson Default, double P50Ratio, int FeedbackQueries);

internal sealed record ArticleJson(string Id, string? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, string? Source, string Text);

/// <summary>Matches by speaker and dateline (most frequent first) and by period (oldest first, empty periods included).</summary>
internal sealed record CountsJson(Dictionary<string, int> Speaker, Dictionary<string, int> Dateline, Dictionary<string, int> Period);

internal sealed record StatsJson(
    int Articles, string? FirstDate, string? LastDate, Dictionary<string, int> Datelines, Dictionary<string, int> Speakers)
{
    public int Quotations { get; init; }

    public Dictionary<string, int> QuotesBySpeaker { get; init; } = [];
}

internal sealed record IndexJson(
    int Added, int Updated, int Unchanged, int Deleted, IReadOnlyList<RejectedJson> Rejected, double Seconds, bool Interrupted, long TextBytes,
    StagesJson? Stages);

/// <summary>Seconds per pipeline stage (see <see cref="IngestStages"/>); worker stages are summed over threads.</summary>
internal sealed record StagesJson(
    int Threads, double Read, double Check, double Prepare, double Write, double Commit, double ReaderWaiting, double WorkersWaiting);

internal sealed record RejectedJson(string Source, int? Line, string Reason);

internal sealed record ErrorJson(string Error, int? Position);

internal sealed record DatelineEvalJson(IReadOnlyList<DatelineScoreJson> Corpora);

internal sealed record DatelineScoreJson(
    string Corpus, int Articles, int Found, double Percent, IReadOnlyList<DatelineMissJson> Misses, int WithoutPlace, int FalsePlaces);

internal sealed record DatelineMissJson(string Kind, string Shape, int Count, string ExampleId, string ExampleOpening, string Expected, string Found);

internal sealed record QuotesJson(string? Query, int Total, IReadOnlyList<QuoteJson> Quotes);

internal sealed record QuoteJson(string ArticleId, string? Date, string Dateline, string? Speaker, string? Source, string Text);

internal sealed record ExtractionJson(string Id, string? Date, string Dateline, IReadOnlyList<string> Speakers, IReadOnlyList<ExtractedQuoteJson> Quotes);

internal sealed record ExtractedQuoteJson(string Text, int Start, int End, string? Speaker, SourceJson? Source);

internal sealed record SourceJson(string Text, int Start, int End);

internal sealed record QuoteEvaluationJson(
    string Split, int Articles, int Annotations, int GoldQuotations, int ExtractedQuotations, double Recall, double Precision,
    double AttributionAccuracy, IReadOnlyList<QuoteErrorJson> Errors);

internal sealed record QuoteErrorJson(string Kind, string ArticleId, string Quotation, string? Expected, string? Found);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(ArticleJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(IndexJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(DatelineEvalJson))]
[JsonSerializable(typeof(QuoteEvaluationJson))]
[JsonSerializable(typeof(QuotesJson))]
[JsonSerializable(typeof(ExtractionJson))]
[JsonSerializable(typeof(RelatedJson))]
[JsonSerializable(typeof(RelevanceJson))]
[JsonSerializable(typeof(LatencyJson))]
[JsonSerializable(typeof(ExportJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

internal static class JsonOutput
{
    /// <summary>The marks around matched words in snippets printed without styles (pipes, JSON).</summary>
    public const string MatchOpen = "**";

    /// <summary>See <see cref="MatchOpen"/>.</summary>
    public const string MatchClose = "**";

    // Quotes, apostrophes and non-ASCII letters are written as themselves ("Zelenskiy's", "—"), not as \u escapes:
    // the output is read by people as often as by programs, and it is never embedded in HTML.
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // JSON Lines need one document per line: the same shapes, not indented.
    private static readonly CliJsonContext LineContext = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    public static void Write<T>(TextWriter writer, T value)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!;
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    /// <summary>Writes <paramref name="value"/> on one line: a record of a JSON Lines stream.</summary>
    public static void WriteLine<T>(TextWriter writer, T value)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)LineContext.GetTypeInfo(typeof(T))!;
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    public static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The --counts part of a search document; insertion order is kept, so the maps read in rank and time order.</summary>
    public static CountsJson? Counts(SearchCounts? counts) => counts is null
        ? null
        : new CountsJson(
            counts.Speakers.ToDictionary(v => v.Value, v => v.Count),
            counts.Datelines.ToDictionary(v => v.Value, v => v.Count),
            counts.Periods.ToDictionary(p => p.Label, p => p.Count));
}
