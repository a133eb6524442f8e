namespace NewsSearch.Querying;

/// <summary>
/// Turns matches per day into matches per period. The period is chosen from the span of the matches so that a
/// timeline has a readable number of bars (at most about 60): a fortnight of coverage by day, a war by month, an
/// archive of decades by year.
/// </summary>
internal static class Timeline
{
    /// <summary>Longest span, in days, shown day by day.</summary>
    public const int MaxDays = 62;

    /// <summary>Longest span, in months, shown month by month.</summary>
    public const int MaxMonths = 60;

    public static PeriodUnit ChooseUnit(DateOnly first, DateOnly last)
    {
        if (last.DayNumber - first.DayNumber < MaxDays)
        {
            return PeriodUnit.Day;
        }
        return MonthIndex(last) - MonthIndex(first) < MaxMonths ? PeriodUnit.Month : PeriodUnit.Year;
    }

    /// <summary>Every period from the first to the last day in <paramref name="days"/>, empty ones included.</summary>
    /// <param name="days">Matches per day.</param>
    /// <param name="unit">The period; <c>null</c> chooses it from the span.</param>
    public static (PeriodUnit Unit, List<PeriodCount> Periods) Bucket(IReadOnlyDictionary<DateOnly, int> days, PeriodUnit? unit = null)
    {
        if (days.Count == 0)
        {
            return (unit ?? PeriodUnit.Day, []);
        }
        var first = days.Keys.Min();
        var last = days.Keys.Max();
        var chosen = unit ?? ChooseUnit(first, last);

        var counts = new Dictionary<DateOnly, int>();
        foreach (var (day, count) in days)
        {
            var start = Start(day, chosen);
            counts[start] = counts.GetValueOrDefault(start) + count;
        }
        var periods = new List<PeriodCount>();
        for (var start = Start(first, chosen); start <= last; start = Next(start, chosen))
        {
            periods.Add(new PeriodCount(start, chosen, counts.GetValueOrDefault(start)));
        }
        return (chosen, periods);
    }

    private static DateOnly Start(DateOnly day, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => day,
        PeriodUnit.Month => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static DateOnly Next(DateOnly start, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Day => start.AddDays(1),
        PeriodUnit.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
