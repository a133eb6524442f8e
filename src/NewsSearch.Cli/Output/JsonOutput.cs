using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSearch.Cli.Output;

// The shapes of --json output. Property names become snake_case; dates are YYYY-MM-DD strings. Kept apart from
// the library's records so the library can grow without changing what scripts read.

internal sealed record SearchJson(string? Query, int Total, IReadOnlyList<HitJson> Hits)
{
    /// <summary>Only with --counts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CountsJson? Counts { get; init; }
}

internal sealed record HitJson(
    int Rank, string Id, float? Score, string? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, string? Snippet);

internal sealed record ArticleJson(string Id, string? Date, string Dateline, string? Title, IReadOnlyList<string> Speakers, string? Source, string Text);

/// <summary>Matches by speaker and dateline (most frequent first) and by period (oldest first, empty periods included).</summary>
internal sealed record CountsJson(Dictionary<string, int> Speaker, Dictionary<string, int> Dateline, Dictionary<string, int> Period);

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

    /// <summary>The --counts part of a search document; insertion order is kept, so the maps read in rank and time order.</summary>
    public static CountsJson? Counts(SearchCounts? counts) => counts is null
        ? null
        : new CountsJson(
            counts.Speakers.ToDictionary(v => v.Value, v => v.Count),
            counts.Datelines.ToDictionary(v => v.Value, v => v.Count),
            counts.Periods.ToDictionary(p => p.Label, p => p.Count));
}
