using System.Globalization;
using System.Text.Json;

namespace NewsSearch.Evaluation;

/// <summary>What loading an evaluation corpus did.</summary>
/// <param name="Articles">Articles indexed.</param>
/// <param name="Skipped">Lines that were not indexed, with the reason for each.</param>
/// <param name="Elapsed">Wall time, commit included.</param>
public sealed record CorpusLoadReport(int Articles, IReadOnlyList<IngestProblem> Skipped, TimeSpan Elapsed);

/// <summary>
/// Reads a corpus in the shared JSON Lines format (<c>{"id", "date", "dateline", "title", "body"}</c> a line, gzipped
/// or not) into an index through <see cref="NewsIndex.Upsert"/>, so evaluations measure the indexing path users get.
/// </summary>
public static class EvaluationCorpus
{
    /// <summary>Indexes every article of <paramref name="path"/> into <paramref name="index"/> and commits.</summary>
    /// <exception cref="NewsSearchException">The file cannot be read.</exception>
    public static CorpusLoadReport IndexInto(NewsIndex index, string path, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(path);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var skipped = new List<IngestProblem>();
        var count = 0;
        foreach (var (line, article, problem) in Read(path))
        {
            cancellation.ThrowIfCancellationRequested();
            if (article is null)
            {
                skipped.Add(new IngestProblem(path, line, problem!));
                continue;
            }
            index.Upsert(article);
            count++;
        }
        index.Commit();
        return new CorpusLoadReport(count, skipped, clock.Elapsed);
    }

    /// <summary>The articles of a JSON Lines file, or the reason a line is not one.</summary>
    internal static IEnumerable<(int Line, Article? Article, string? Problem)> Read(string path)
    {
        using var reader = new StreamReader(EvaluationFiles.OpenMaybeGzipped(path));
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            yield return Parse(number, text);
        }
    }

    private static (int, Article?, string?) Parse(int line, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (line, null, "not a JSON object");
            }
            var id = Text(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                return (line, null, "no \"id\"");
            }
            var title = Text(root, "title");
            var body = Text(root, "body");

            // Wire briefs carry their news in the headline alone; indexing it as the text keeps them findable.
            if (string.IsNullOrWhiteSpace(body))
            {
                body = title;
            }
            if (string.IsNullOrWhiteSpace(body))
            {
                return (line, null, $"article '{id}' has neither body nor title");
            }
            return (line, new Article(id, Day(Text(root, "date")), Text(root, "dateline") ?? string.Empty, body!)
            {
                Title = string.IsNullOrWhiteSpace(title) ? null : title,
            }, null);
        }
        catch (JsonException e)
        {
            return (line, null, "not valid JSON: " + e.Message);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The calendar day of an ISO 8601 date or timestamp ("1987-02-26T15:01:01.79"): its first ten characters.</summary>
    private static DateOnly? Day(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
}
