namespace NewsSearch.Tests.Querying;

/// <summary>Counts by speaker, dateline and period (the timeline) over all matches, on articles this test writes.</summary>
public sealed class CountsTests : IDisposable
{
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public CountsTests()
    {
        Add("a", new DateOnly(2023, 3, 1), "Kyiv", "Volodymyr Zelenskiy said the grain deal must hold.");
        Add("b", new DateOnly(2023, 3, 1), "KYIV", "Volodymyr Zelenskiy said grain exports resumed, and Dmytro Kuleba told reporters the deal held.");
        Add("c", new DateOnly(2023, 3, 4), "Moscow", "Sergei Lavrov said the grain deal would not be extended.");
        Add("d", new DateOnly(2023, 3, 10), "Ankara", "Recep Erdogan said Turkey would keep the grain corridor open.");
        Add("e", null, "Geneva", "Officials said grain prices fell.");
        Add("f", new DateOnly(2023, 3, 5), "Kyiv", "Volodymyr Zelenskiy said the front held. Nothing about food.");
        index.Commit();
    }

    public void Dispose() => index.Dispose();

    private void Add(string id, DateOnly? date, string dateline, string body) => index.Upsert(new Article(id, date, dateline, body));

    [Fact]
    public void Counts_DescribeEveryMatch_NotOnlyThePage()
    {
        var request = new SearchRequest { Query = "grain", Limit = 1 };

        var counts = index.GetCounts(request);

        Assert.Equal(index.Search(request).TotalHits, counts.Total);
        Assert.Equal(5, counts.Total);
        Assert.Equal(1, counts.Undated);
        Assert.Equal(
            [new("Volodymyr Zelenskiy", 2), new("Dmytro Kuleba", 1), new("Recep Erdogan", 1), new("Sergei Lavrov", 1)],
            counts.Speakers);
        // "Kyiv" and "KYIV" are one place.
        Assert.Equal([new("Kyiv", 2), new("Ankara", 1), new("Geneva", 1), new("Moscow", 1)], counts.Datelines);
    }

    [Fact]
    public void Timeline_ByDay_FromFirstToLastMatch_EmptyDaysIncluded()
    {
        var counts = index.GetCounts(new SearchRequest { Query = "grain" });

        Assert.Equal(PeriodUnit.Day, counts.Unit);
        Assert.Equal(new DateOnly(2023, 3, 1), counts.FirstDate);
        Assert.Equal(new DateOnly(2023, 3, 10), counts.LastDate);
        Assert.Equal(10, counts.Periods.Count);
        Assert.Equal(("2023-03-01", 2), (counts.Periods[0].Label, counts.Periods[0].Count));
        Assert.Equal(("2023-03-02", 0), (counts.Periods[1].Label, counts.Periods[1].Count));
        Assert.Equal(("2023-03-04", 1), (counts.Periods[3].Label, counts.Periods[3].Count));
        Assert.Equal(("2023-03-10", 1), (counts.Periods[9].Label, counts.Periods[9].Count));
        Assert.Equal(counts.Total - counts.Undated, counts.Periods.Sum(p => p.Count));
    }

    [Fact]
    public void Counts_FollowTheFilters()
    {
        var counts = index.GetCounts(new SearchRequest { Query = "grain", Speaker = "Zelenskiy", To = new DateOnly(2023, 3, 3) });

        Assert.Equal(2, counts.Total);
        Assert.Equal(new ValueCount("Kyiv", 2), Assert.Single(counts.Datelines));
        Assert.Equal(new DateOnly(2023, 3, 1), Assert.Single(counts.Periods).Start);
    }

    [Fact]
    public void NoQuery_CountsWhatTheFiltersMatch()
    {
        var counts = index.GetCounts(new SearchRequest { Dateline = "kyiv" });

        Assert.Equal(3, counts.Total);
        Assert.Equal(new ValueCount("Volodymyr Zelenskiy", 3), counts.Speakers[0]);
    }

    [Fact]
    public void Top_LimitsSpeakersAndDatelines_NotThePeriods()
    {
        var counts = index.GetCounts(new SearchRequest { Query = "grain" }, top: 1);

        Assert.Equal([new("Volodymyr Zelenskiy", 2)], counts.Speakers);
        Assert.Equal([new("Kyiv", 2)], counts.Datelines);
        Assert.Equal(10, counts.Periods.Count);
    }

    [Fact]
    public void NoMatch_EmptyCountsAndTimeline()
    {
        var counts = index.GetCounts(new SearchRequest { Query = "zeppelin" });

        Assert.Equal(0, counts.Total);
        Assert.Empty(counts.Speakers);
        Assert.Empty(counts.Periods);
        Assert.Null(counts.FirstDate);
    }

    [Theory]
    [InlineData("2023-01-01", "2023-03-03", PeriodUnit.Day, 62)]
    [InlineData("2023-01-01", "2023-03-04", PeriodUnit.Month, 3)]
    [InlineData("2019-01-31", "2023-12-01", PeriodUnit.Month, 60)]
    [InlineData("2019-01-31", "2024-01-01", PeriodUnit.Year, 6)]
    public void Timeline_UnitIsChosenFromTheSpan(string first, string last, PeriodUnit unit, int periods)
    {
        using var local = NewsIndex.CreateInMemory();
        local.Upsert(new Article("first", DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), "Oslo", "Snow fell."));
        local.Upsert(new Article("last", DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), "Oslo", "Snow fell again."));
        local.Commit();

        var counts = local.GetCounts(new SearchRequest { Query = "snow" });

        Assert.Equal(unit, counts.Unit);
        Assert.Equal(periods, counts.Periods.Count);
        Assert.Equal(1, counts.Periods[0].Count);
        Assert.Equal(1, counts.Periods[^1].Count);
        Assert.True(counts.Periods[0].Start <= counts.FirstDate && counts.Periods[^1].End >= counts.LastDate);
    }

    [Fact]
    public void BadQueryOrFilter_IsTheSameErrorAsSearch()
    {
        Assert.Throws<QuerySyntaxException>(() => index.GetCounts(new SearchRequest { Query = "\"grain" }));
        var error = Assert.Throws<NewsSearchException>(() => index.GetCounts(new SearchRequest { From = new DateOnly(2023, 4, 1), To = new DateOnly(2023, 3, 1) }));
        Assert.Contains("empty date range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindMatches_MarksPhrasesAsSnippetsDo()
    {
        const string text = "A hand, then an invisible hand.\n\nThe invisible force.";

        var spans = index.FindMatches("\"invisible hand\"", text);

        Assert.Equal(["invisible hand"], spans.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal(text.IndexOf("invisible hand", StringComparison.Ordinal), spans[0].Start);
        Assert.Empty(index.FindMatches(null, text));
        Assert.Throws<QuerySyntaxException>(() => index.FindMatches("(hand", text));
    }
}
