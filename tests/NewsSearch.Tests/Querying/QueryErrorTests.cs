namespace NewsSearch.Tests.Querying;

/// <summary>Every malformed query is an error that names the problem (and where), never a silent empty result.</summary>
public sealed class QueryErrorTests : IDisposable
{
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public void Dispose() => index.Dispose();

    [Theory]
    [InlineData("\"invisible hand", 0, "unbalanced quotation mark")]
    [InlineData("ukraine \"invisible hand", 8, "unbalanced quotation mark")]
    [InlineData("(ukraine OR russia", 0, "'(' at position 1 is never closed")]
    [InlineData("ukraine)", 7, "')' at position 8 closes nothing")]
    [InlineData("speekr:obama", 0, "unknown field 'speekr'")]
    [InlineData("hand AND Speaker:obama", 9, "did you mean 'speaker'?")]
    [InlineData("-obama", 0, "only excludes")]
    [InlineData("NOT obama", 0, "only excludes")]
    [InlineData("date:2023-02-30", 5, "February 2023 has 28 days")]
    [InlineData("date:2023-13", 5, "there is no month 13")]
    [InlineData("date:March", 5, "'March' is not a date")]
    [InlineData("date:[2023-04-01 TO 2023-03-01]", 6, "empty date range")]
    [InlineData("date:2023*", 5, "is not a date")]
    public void BadQuery_ThrowsWithPositionAndReason(string query, int position, string reason)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => index.Search(new SearchRequest { Query = query }));

        Assert.Equal(query, error.Query);
        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ukraine AND", "ends too early")]
    [InlineData("the of and", "only common words")]
    [InlineData("date:[2023 TO", "")]
    public void BadQuery_WithoutSinglePosition_StillExplains(string query, string reason)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => index.Search(new SearchRequest { Query = query }));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImpossibleFilterRange_IsAnError()
    {
        var error = Assert.Throws<NewsSearchException>(() =>
            index.Search(new SearchRequest { From = new DateOnly(2023, 4, 1), To = new DateOnly(2023, 3, 1) }));

        Assert.Contains("empty date range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIndex_IsAClearError()
    {
        using var folder = new TestFolder();

        var error = Assert.Throws<IndexNotFoundException>(() => NewsIndex.Open(Path.Combine(folder.Path, "none")));

        Assert.Contains("no index at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExclusionWithAPositiveWord_IsFine()
    {
        index.Upsert(new Article("a", null, "", "ukraine and russia"));
        index.Upsert(new Article("b", null, "", "ukraine and poland"));
        index.Commit();

        Assert.Equal(["b"], index.Search(new SearchRequest { Query = "ukraine -russia" }).Hits.Select(h => h.Id));
    }
}
