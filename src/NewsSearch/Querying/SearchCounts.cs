using System.Globalization;

namespace NewsSearch;

/// <summary>The length of one period of a timeline.</summary>
public enum PeriodUnit
{
    /// <summary>A calendar day.</summary>
    Day,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar year.</summary>
    Year,
}

/// <summary>How many matching articles were published in one period.</summary>
/// <param name="Start">The first day of the period.</param>
/// <param name="Unit">The period's length.</param>
/// <param name="Count">Number of matching articles published in it.</param>
public readonly record struct PeriodCount(DateOnly Start, PeriodUnit Unit, int Count)
{
    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End => Unit switch
    {
        PeriodUnit.Day => Start,
        PeriodUnit.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    /// <summary>The period as written in queries and filters: <c>2023</c>, <c>2023-03</c> or <c>2023-03-07</c>.</summary>
    public string Label => Start.ToString(
        Unit switch { PeriodUnit.Day => "yyyy-MM-dd", PeriodUnit.Month => "yyyy-MM", _ => "yyyy" }, CultureInfo.InvariantCulture);
}

/// <summary>
/// What the articles matching a request are about, counted over every match (not only a page): who is quoted, where
/// they were filed and when. The timeline runs from the first to the last matching day, empty periods included.
/// </summary>
/// <param name="Total">Number of matching articles.</param>
/// <param name="Undated">Matching articles without a date (they are not in the timeline).</param>
/// <param name="FirstDate">The first matching day, or <c>null</c> when no match is dated.</param>
/// <param name="LastDate">The last matching day, or <c>null</c> when no match is dated.</param>
/// <param name="Speakers">The most quoted speakers among the matches (by articles), most frequent first.</param>
/// <param name="Datelines">The most frequent datelines among the matches, most frequent first.</param>
/// <param name="Unit">The timeline's period, chosen from the span of the matches: days up to two months, months up to five years, else years.</param>
/// <param name="Periods">Matches per period, oldest first, from the first to the last matching day; empty when no match is dated.</param>
/// <param name="Elapsed">Time spent counting.</param>
public sealed record SearchCounts(
    int Total,
    int Undated,
    DateOnly? FirstDate,
    DateOnly? LastDate,
    IReadOnlyList<ValueCount> Speakers,
    IReadOnlyList<ValueCount> Datelines,
    PeriodUnit Unit,
    IReadOnlyList<PeriodCount> Periods,
    TimeSpan Elapsed);
