using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsSearch.Ingest;

/// <summary>
/// Reads the seed format: an article starts at a line <c>date YYYY-MM-DD Dateline: first paragraph</c> and runs to
/// the next such line or the end of the file; paragraphs are separated by blank lines. This is where the seed
/// format's date and dateline are parsed.
/// </summary>
internal static partial class SeedFormatReader
{
    public const string HeaderHelp = "an article starts with a line 'date YYYY-MM-DD Dateline: text'";

    /// <summary>
    /// Reads every article of one input. The id of an article is <paramref name="idBase"/> when the input holds one
    /// article, else <c>idBase#N</c> for the N-th header in it (rejected articles keep their number, so fixing one
    /// does not renumber the others).
    /// </summary>
    /// <param name="stream">The input bytes.</param>
    /// <param name="displayName">How problems name the input (the path as the user gave it).</param>
    /// <param name="idBase">The input's stable name, from which ids are made.</param>
    /// <param name="source">Stored as each article's <see cref="Article.Source"/>.</param>
    public static IEnumerable<IngestItem> Read(Stream stream, string displayName, string idBase, string? source)
    {
        var reader = new Utf8LineReader(stream);
        var state = new ParseState(displayName, idBase, source);
        var anyText = false;

        foreach (var line in reader.Lines())
        {
            if (line.Error is { WholeInput: true } fatal)
            {
                state.Abandon();
                yield return IngestItem.Rejected(displayName, fatal.Line, fatal.Message);
                yield break;
            }
            if (line.Error is { } bad)
            {
                state.MarkBad(bad.Line, bad.Message);
                anyText = true;
                continue;
            }

            if (line.Text.AsSpan().Trim().Length > 0)
            {
                anyText = true;
            }
            foreach (var record in state.Accept(line.Text, line.Number))
            {
                yield return record;
            }
        }

        foreach (var record in state.Finish())
        {
            yield return record;
        }
        if (!anyText)
        {
            yield return IngestItem.Rejected(displayName, null, "empty file: " + HeaderHelp);
        }
    }

    /// <summary>A line that starts an article, or tries to: "date" and then something that begins with a digit.</summary>
    [GeneratedRegex(@"^\s*date\s+(?<date>\d\S*)(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDayPattern();

    /// <summary>Checks a YYYY-MM-DD date, explaining an impossible one ("2023-02-30": February 2023 has 28 days).</summary>
    internal static bool TryParseDay(string text, out DateOnly day, out string error)
    {
        day = default;
        if (!IsoDayPattern().IsMatch(text))
        {
            error = $"bad date '{text}': write it as YYYY-MM-DD";
            return false;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            error = string.Empty;
            return true;
        }
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        error = month is < 1 or > 12
            ? $"impossible date {text}: there is no month {month}"
            : year < 1
                ? $"impossible date {text}: there is no year 0"
                : $"impossible date {text}: {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year} has {DateTime.DaysInMonth(year, month)} days";
        return false;
    }

    private sealed class ParseState(string displayName, string idBase, string? source)
    {
        private readonly List<string> paragraphs = [];
        private readonly StringBuilder paragraph = new();
        private int headers;
        private bool inArticle;
        private int headerLine;
        private DateOnly date;
        private string dateline = string.Empty;
        private string? problem;
        private int? problemLine;
        private bool orphanReported;
        private IngestItem? heldFirst;

        public IEnumerable<IngestItem> Accept(string line, int lineNumber)
        {
            var header = HeaderPattern().Match(line);
            if (header.Success)
            {
                foreach (var record in Complete())
                {
                    yield return record;
                }
                StartArticle(header, lineNumber);
                yield break;
            }

            if (!inArticle)
            {
                if (line.AsSpan().Trim().Length > 0 && !orphanReported)
                {
                    orphanReported = true;
                    yield return IngestItem.Rejected(displayName, lineNumber, "no header line: " + HeaderHelp);
                }
                yield break;
            }
            AddLine(line);
        }

        public IEnumerable<IngestItem> Finish()
        {
            foreach (var record in Complete())
            {
                yield return record;
            }
            if (heldFirst is { } first)
            {
                heldFirst = null;
                yield return Identify(first, idBase);
            }
        }

        public void MarkBad(int? line, string reason)
        {
            if (inArticle)
            {
                problem ??= reason;
                problemLine ??= line;
            }
            else if (!orphanReported)
            {
                orphanReported = true;
                problem = reason;
                problemLine = line;
            }
        }

        public void Abandon()
        {
            inArticle = false;
            heldFirst = null;
        }

        private void StartArticle(Match header, int lineNumber)
        {
            headers++;
            inArticle = true;
            orphanReported = false;
            headerLine = lineNumber;
            problem = null;
            problemLine = null;
            paragraphs.Clear();
            paragraph.Clear();

            if (!TryParseDay(header.Groups["date"].Value, out date, out var dateError))
            {
                SetProblem(dateError);
                return;
            }
            var rest = header.Groups["rest"].Value;
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                SetProblem("no dateline: write the place and a colon after the date, as in 'date 2023-03-07 New Delhi: text'");
                return;
            }
            dateline = rest[..colon].Trim();
            if (dateline.Length == 0)
            {
                SetProblem("empty dateline: name the place before the colon, as in 'date 2023-03-07 New Delhi: text'");
                return;
            }
            AddLine(rest[(colon + 1)..]);
        }

        private void SetProblem(string reason)
        {
            problem = reason;
            problemLine = headerLine;
        }

        private void AddLine(string line)
        {
            var text = line.Trim();
            if (text.Length == 0)
            {
                EndParagraph();
                return;
            }
            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }
            paragraph.Append(text);
        }

        private void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph.ToString());
                paragraph.Clear();
            }
        }

        private IEnumerable<IngestItem> Complete()
        {
            if (!inArticle)
            {
                if (problem is not null)
                {
                    yield return IngestItem.Rejected(displayName, problemLine, problem);
                    problem = null;
                }
                yield break;
            }
            inArticle = false;
            EndParagraph();

            IngestItem record;
            if (problem is not null)
            {
                record = IngestItem.Rejected(displayName, problemLine, problem);
            }
            else if (paragraphs.Count == 0)
            {
                record = IngestItem.Rejected(displayName, headerLine, "empty body: the article has a date and a dateline but no text");
            }
            else
            {
                record = IngestItem.Of(new Article($"#{headers}", date, dateline, string.Join("\n\n", paragraphs)) { Source = source });
            }

            // Whether ids carry "#N" depends on whether the input holds more than one article, which is known only at
            // the second header: hold the first article until then.
            if (headers == 1)
            {
                heldFirst = record;
                yield break;
            }
            if (heldFirst is { } first)
            {
                heldFirst = null;
                yield return Identify(first, idBase + "#1");
            }
            yield return Identify(record, idBase + "#" + headers.ToString(CultureInfo.InvariantCulture));
        }

        private static IngestItem Identify(IngestItem record, string id) =>
            record.Article is { } article
                ? IngestItem.Of(new Article(id, article.Date, article.Dateline, article.Body) { Title = article.Title, Source = article.Source })
                : record;
    }
}
