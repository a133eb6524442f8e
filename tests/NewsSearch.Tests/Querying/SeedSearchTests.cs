namespace NewsSearch.Tests.Querying;

/// <summary>The bundled seed article, found by each of its fields and not by a range that excludes it.</summary>
public sealed class SeedSearchTests : IDisposable
{
    private const string SeedId = "2023-03-07-new-delhi-qin-gang-invisible-hand.txt";
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public SeedSearchTests()
    {
        var report = index.IndexPaths([Repository.Seeds]);
        Assert.Equal(1, report.Added);
    }

    public void Dispose() => index.Dispose();

    [Theory]
    [InlineData("\"invisible hand\"")]
    [InlineData("speaker:\"Qin Gang\"")]
    [InlineData("speaker:Zelenskiy")]
    [InlineData("dateline:\"New Delhi\"")]
    [InlineData("dateline:delhi")]
    [InlineData("date:2023-03-07")]
    [InlineData("date:2023-03")]
    [InlineData("date:2023")]
    [InlineData("date:[2023-03-01 TO 2023-03-31]")]
    [InlineData("date:[2023-03-07 TO 2023-03-07]")]
    [InlineData("\"Ukraine crisis\" AND speaker:Qin")]
    [InlineData("guardrail*")]
    [InlineData("guardrils~")]
    [InlineData("\"invisible escalation\"~8")]
    public void SeedIsFound(string query)
    {
        var results = index.Search(new SearchRequest { Query = query });

        Assert.Equal(1, results.TotalHits);
        var hit = Assert.Single(results.Hits);
        Assert.Equal(SeedId, hit.Id);
        Assert.Equal(new DateOnly(2023, 3, 7), hit.Date);
        Assert.Equal("New Delhi", hit.Dateline);
        Assert.Equal(["Qin Gang", "Volodymyr Zelenskiy"], hit.Speakers);
    }

    [Theory]
    [InlineData("date:2023-03-08")]
    [InlineData("date:[2023-03-08 TO 2023-12-31]")]
    [InlineData("date:{2023-03-07 TO *]")]
    [InlineData("date:2022")]
    [InlineData("\"hand invisible\"")]
    [InlineData("speaker:Zelenko")]
    [InlineData("dateline:\"New York\"")]
    public void SeedIsNotFound(string query)
    {
        Assert.Equal(0, index.Search(new SearchRequest { Query = query }).TotalHits);
    }

    [Fact]
    public void Filters_IncludeTheSeedOnlyWhenItsDayIsInside()
    {
        var day = new DateOnly(2023, 3, 7);
        Assert.Equal(1, index.Search(new SearchRequest { Query = "hand", From = day, To = day }).TotalHits);
        Assert.Equal(0, index.Search(new SearchRequest { Query = "hand", From = day.AddDays(1) }).TotalHits);
        Assert.Equal(0, index.Search(new SearchRequest { Query = "hand", To = day.AddDays(-1) }).TotalHits);
    }

    [Theory]
    [InlineData("Qin Gang", null, 1)]
    [InlineData("qin gang", null, 1)]
    [InlineData("Gang", null, 1)]
    [InlineData("Volodymyr Zelenskiy", null, 1)]
    [InlineData("Joe Biden", null, 0)]
    [InlineData(null, "NEW DELHI", 1)]
    [InlineData(null, "new  delhi", 1)]
    [InlineData(null, "Delhi", 0)]
    public void SpeakerAndDatelineFilters_WorkWithoutQuery(string? speaker, string? dateline, int expected)
    {
        var results = index.Search(new SearchRequest { Speaker = speaker, Dateline = dateline });

        Assert.Equal(expected, results.TotalHits);
        Assert.All(results.Hits, hit => Assert.Null(hit.Score));
    }

    [Fact]
    public void Snippet_MarksThePhraseTogether_AndNotALoneWord()
    {
        var hit = index.Search(new SearchRequest { Query = "\"invisible hand\"" }).Hits.Single();

        var marked = hit.Snippet!.ToMarkedString("[", "]");
        Assert.Contains("[invisible hand]", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("[hand]", marked, StringComparison.Ordinal);
        Assert.True(hit.Snippet.Text.Length <= 210);
    }
}
