using System.Globalization;
using System.Text.RegularExpressions;
using NewsSearch.Ingest;

namespace NewsSearch.Querying;

/// <summary>
/// A span of calendar days written as a year (<c>2023</c>), a month (<c>2023-03</c>) or a day
/// (<c>2023-03-07</c>). Dates are calendar days as written: no time zone is applied anywhere.
/// </summary>
/// <param name="First">The first day of the span.</param>
/// <param name="Last">The last day of the span (inclusive).</param>
public readonly partial record struct DateRange(DateOnly First, DateOnly Last)
{
    /// <summary>Parses a year, month or day; the error says what is wrong ("February 2023 has 28 days").</summary>
    public static bool TryParse(string text, out DateRange range, out string error)
    {
        range = default;
        text = text.Trim();
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            error = $"impossible date {text}: there is no year 0";
            return false;
        }
        if (!match.Groups["m"].Success)
        {
            range = new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            error = string.Empty;
            return true;
        }
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"impossible date {text}: there is no month {month}";
            return false;
        }
        if (!match.Groups["d"].Success)
        {
            range = new DateRange(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
            error = string.Empty;
            return true;
        }
        if (!SeedFormatReader.TryParseDay(text, out var day, out error))
        {
            return false;
        }
        range = new DateRange(day, day);
        return true;
    }

    /// <summary>Parses a year, month or day.</summary>
    /// <exception cref="FormatException">The text is not a date; the message says why.</exception>
    public static DateRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{2})(?:-(?<d>\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
