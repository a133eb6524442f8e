using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsSearch.Ingest;

/// <summary>
/// Reads JSON Lines: one JSON object per line with the fields <c>id</c>, <c>date</c>, <c>dateline</c>,
/// <c>title</c> and <c>body</c>; other fields are ignored. A line that is not JSON, has neither body nor title, or has a bad date
/// is rejected with its line number, and the lines after it are still read.
/// </summary>
internal static partial class JsonLinesReader
{
    public const string FormatHelp = "each line must be one JSON object such as {\"id\": \"a1\", \"date\": \"2023-03-07\", \"body\": \"text\"}";

    /// <summary>Reads every record of one input.</summary>
    /// <param name="stream">The input bytes (already decompressed).</param>
    /// <param name="displayName">How problems name the input.</param>
    /// <param name="idBase">Names a record without an <c>id</c>: its id is <c>idBase#LINE</c>.</param>
    /// <param name="source">Stored as each article's <see cref="Article.Source"/>.</param>
    public static IEnumerable<IngestItem> Read(Stream stream, string displayName, string idBase, string? source)
    {
        var anyRecord = false;
        foreach (var line in new Utf8LineReader(stream).Lines())
        {
            if (line.Error is { } error)
            {
                anyRecord = true;
                yield return IngestItem.Rejected(displayName, error.Line, error.Message);
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }
            anyRecord = true;
            yield return ReadRecord(line.Text, line.Number, displayName, idBase, source);
        }
        if (!anyRecord)
        {
            yield return IngestItem.Rejected(displayName, null, "empty file: " + FormatHelp);
        }
    }

    private static IngestItem ReadRecord(string line, int lineNumber, string displayName, string idBase, string? source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return IngestItem.Rejected(displayName, lineNumber, $"not JSON ({Describe(e)}): {FormatHelp}");
        }
        using (document)
        {
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
            {
                return IngestItem.Rejected(displayName, lineNumber, $"not a JSON object but {Kind(record.ValueKind)}: {FormatHelp}");
            }

            string? problem = null;
            var body = Text(record, "body", ref problem);
            var id = Id(record, ref problem);
            var dateline = Text(record, "dateline", ref problem);
            var title = Text(record, "title", ref problem);
            var date = Date(record, ref problem);
            if (problem is null && string.IsNullOrWhiteSpace(body))
            {
                // A wire brief carries its news in the headline alone: indexed as its text, it stays findable.
                body = title;
            }
            if (problem is null && string.IsNullOrWhiteSpace(body))
            {
                problem = "no body: the record has neither \"body\" nor \"title\" text to index";
            }
            if (problem is not null)
            {
                return IngestItem.Rejected(displayName, lineNumber, problem);
            }

            // A record without an id is named by its line: stable while the file only grows at the end.
            var articleId = string.IsNullOrWhiteSpace(id) ? idBase + "#" + lineNumber.ToString(CultureInfo.InvariantCulture) : id.Trim();
            return IngestItem.Of(new Article(articleId, date, dateline ?? string.Empty, body!)
            {
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
                Source = source,
            });
        }
    }

    /// <summary>A string field; <c>null</c> when absent or null. Any other kind of value is a problem.</summary>
    private static string? Text(JsonElement record, string name, ref string? problem)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        problem ??= $"bad \"{name}\": expected a string, found {Kind(value.ValueKind)}";
        return null;
    }

    /// <summary>The id: a string, or a number taken as written ("id": 17 is "17").</summary>
    private static string? Id(JsonElement record, ref string? problem)
    {
        if (record.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }
        return Text(record, "id", ref problem);
    }

    private static DateOnly? Date(JsonElement record, ref string? problem)
    {
        if (!record.TryGetProperty("date", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problem ??= $"bad date: expected a string such as \"2023-03-07\", found {Kind(value.ValueKind)}";
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (TryParseDate(text, out var day, out var error))
        {
            return day;
        }
        problem ??= error;
        return null;
    }

    /// <summary>
    /// <c>YYYY-MM-DD</c>, or an ISO 8601 timestamp with or without an offset. The day is the one written: a
    /// timestamp is not moved to another time zone, so "2023-03-07T23:30:00-05:00" is March 7.
    /// </summary>
    internal static bool TryParseDate(string text, out DateOnly day, out string error)
    {
        day = default;
        var match = TimestampPattern().Match(text);
        if (!match.Success)
        {
            error = $"bad date '{text}': write YYYY-MM-DD or an ISO 8601 timestamp such as 2023-03-07T14:30:00Z";
            return false;
        }
        if (match.Groups["hour"].Success && !ValidTime(match))
        {
            error = $"bad date '{text}': the time of day is impossible";
            return false;
        }
        return SeedFormatReader.TryParseDay(match.Groups["day"].Value, out day, out error);
    }

    private static bool ValidTime(Match match)
    {
        static int Part(Match m, string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var (hour, minute, second) = (Part(match, "hour"), Part(match, "minute"), Part(match, "second"));
        // 24:00 is the end of the day in ISO 8601; a leap second is 60.
        return (hour < 24 || (hour == 24 && minute == 0 && second == 0)) && minute < 60 && second <= 60;
    }

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})(?:[Tt ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    /// <summary>System.Text.Json's explanation without its zero-based "LineNumber: 0 | BytePositionInLine: 7" tail.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (tail >= 0 ? message[..tail] : message).TrimEnd('.', ' ');
        return e.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{message} at byte {position + 1}")
            : message;
    }
}
