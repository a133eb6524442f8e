using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSearch.Cli.Output;

// The shapes of --json output. Property names become snake_case; dates are YYYY-MM-DD strings. Kept apart from
// the library's records so the library can grow without changing what scripts read.

internal sealed record SearchJson(string? Query, int Total, IReadOnlyList<HitJson> Hits)
{
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

internal sealed record QueryMetricsJson(string Id, string Text, int Relevant, int RelevantRetrieved, double Ap, double P10, double Ndcg10);

internal sealed record RelevanceJson(
    string Ranking, int Articles, int Unjudged, MetricsJson All, MetricsJson Odd, MetricsJson Even, IReadOnlyList<QueryMetricsJson>? PerQuery);

internal sealed record LatencySummaryJson(double P50Us, double P95Us, double MeanUs);

internal sealed record LatencyJson(int Articles, int Queries, int Repeats, int Warmup, LatencySummaryJson Bm25, LatencySummaryJson Default, double P50Ratio, int FeedbackQueries);

internal sealed record ArticleJson(string Id, string? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, string? Source, string Text);

internal sealed record StatsJson(
    int Articles, string? FirstDate, string? LastDate, Dictionary<string, int> Datelines, Dictionary<string, int> Speakers);

internal sealed record IndexJson(int Added, int Updated, int Unchanged, IReadOnlyList<RejectedJson> Rejected, double Seconds);

internal sealed record RejectedJson(string Source, int? Line, string Reason);

internal sealed record ErrorJson(string Error, int? Position);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchJson))]
[JsonSerializable(typeof(ArticleJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(IndexJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(RelatedJson))]
[JsonSerializable(typeof(RelevanceJson))]
[JsonSerializable(typeof(LatencyJson))]
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

    public static void Write<T>(TextWriter writer, T value)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!;
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    public static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
