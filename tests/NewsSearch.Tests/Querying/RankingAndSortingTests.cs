namespace NewsSearch.Tests.Querying;

/// <summary>BM25 ranking, phrases, date ranges, sorting and paging on articles this test writes (Fixtures/ranking.txt).</summary>
public sealed class RankingAndSortingTests : IDisposable
{
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public RankingAndSortingTests()
    {
        index.IndexPaths([Path.Combine(Repository.Fixtures, "ranking.txt")]);
    }

    public void Dispose() => index.Dispose();

    private List<string> Ids(SearchRequest request) => index.Search(request).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Scores_DoNotDependOnHowManyQuotationsTheIndexHolds()
    {
        // The same articles, once with their quotations indexed beside them and once without: BM25's statistics
        // must count articles only, so every score is the same.
        Article[] articles =
        [
            new("quoted", null, "", "\"The harvest is ruined,\" farmer Ana Costa said. \"We have nothing,\" she added. \"Nothing,\" she said. Rain fell on the harvest."),
            new("plain", null, "", "The harvest was late this year across the region, and rain fell again."),
            new("other", null, "", "Markets were calm as traders waited for the central bank."),
        ];
        float?[] Scores(bool extract)
        {
            using var local = NewsIndex.CreateInMemory(NewsIndexOptions.Default with { ExtractSpeakers = extract });
            foreach (var article in articles)
            {
                local.Upsert(article);
            }
            local.Commit();
            return [.. local.Search(new SearchRequest { Query = "harvest rain", Ranking = SearchRanking.Bm25 }).Hits.OrderBy(h => h.Id, StringComparer.Ordinal).Select(h => h.Score)];
        }

        Assert.Equal(Scores(extract: false), Scores(extract: true));
    }

    [Fact]
    public void DateFilters_NeverMatchUndatedArticles_EvenWithAnOpenEnd()
    {
        index.Upsert(new Article("undated", null, "Nowhere", "An undated note about rains and protest."));
        index.Commit();

        Assert.Contains("undated", Ids(new SearchRequest { Query = "rains" }));
        Assert.DoesNotContain("undated", Ids(new SearchRequest { Query = "rains", To = new DateOnly(2100, 1, 1) }));
        Assert.DoesNotContain("undated", Ids(new SearchRequest { Query = "rains", From = new DateOnly(1, 1, 1) }));
        Assert.DoesNotContain("undated", Ids(new SearchRequest { To = new DateOnly(2100, 1, 1), Limit = 100 }));
    }

    [Fact]
    public void RarerTerm_RanksHigher()
    {
        using var local = NewsIndex.CreateInMemory();
        local.Upsert(new Article("common", null, "", "market news from the market floor"));
        local.Upsert(new Article("rare", null, "", "market news about a zeppelin"));
        for (var i = 0; i < 5; i++)
        {
            local.Upsert(new Article($"filler{i}", null, "", "the market opened higher"));
        }
        local.Commit();

        var ids = local.Search(new SearchRequest { Query = "zeppelin market" }).Hits.Select(h => h.Id).ToList();

        Assert.Equal("rare", ids[0]);
    }

    [Fact]
    public void RepeatedTerm_RanksHigher()
    {
        using var local = NewsIndex.CreateInMemory();
        local.Upsert(new Article("once", null, "", "tariffs were discussed at the summit among other matters"));
        local.Upsert(new Article("thrice", null, "", "tariffs, tariffs and more tariffs at the summit meeting"));
        local.Commit();

        Assert.Equal(["thrice", "once"], local.Search(new SearchRequest { Query = "tariffs" }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Phrase_MatchesOnlyAdjacentWords_BagOfWordsMatchesBoth()
    {
        Assert.Equal(["ranking.txt#4"], Ids(new() { Query = "\"invisible hand\"" }));
        Assert.Equal(["ranking.txt#4", "ranking.txt#3"], Ids(new() { Query = "invisible AND hand" }));
    }

    [Fact]
    public void DefaultOperator_IsOr()
    {
        Assert.Equal(3, index.Search(new() { Query = "tractors drought yen" }).TotalHits);
    }

    [Fact]
    public void Stemming_AndPossessives_MatchWordForms()
    {
        Assert.Equal(["ranking.txt#2"], Ids(new() { Query = "protesting tractor" }).Take(1));
        Assert.Contains("ranking.txt#4", Ids(new() { Query = "yen" }));
    }

    [Fact]
    public void DateRange_EdgesAreInclusive()
    {
        var ids = Ids(new() { From = new DateOnly(2023, 2, 14), To = new DateOnly(2023, 3, 31), Sort = SearchSort.Oldest });
        Assert.Equal(["ranking.txt#2", "ranking.txt#3", "ranking.txt#4"], ids);

        Assert.Equal(3, index.Search(new() { Query = "date:[2023-02-14 TO 2023-03-31]" }).TotalHits);
        Assert.Equal(1, index.Search(new() { Query = "date:{2023-02-14 TO 2023-03-31}" }).TotalHits);
    }

    [Fact]
    public void SortByDate_BothDirections_UndatedLast()
    {
        index.Upsert(new Article("undated", null, "Nowhere", "An undated note about rains and protest."));
        index.Commit();

        Assert.Equal(["ranking.txt#1", "ranking.txt#2", "ranking.txt#3", "ranking.txt#4", "ranking.txt#5", "undated"],
            Ids(new() { Sort = SearchSort.Oldest }));
        Assert.Equal(["ranking.txt#5", "ranking.txt#4", "ranking.txt#3", "ranking.txt#2", "ranking.txt#1", "undated"],
            Ids(new() { Sort = SearchSort.Newest }));
        Assert.Equal(["ranking.txt#2", "undated"], Ids(new() { Query = "protest", Sort = SearchSort.Oldest }));
    }

    [Fact]
    public void Paging_OffsetAndLimit_KeepRanks()
    {
        var all = index.Search(new() { Sort = SearchSort.Oldest, Limit = 10 });
        var page = index.Search(new() { Sort = SearchSort.Oldest, Offset = 2, Limit = 2 });

        Assert.Equal(5, page.TotalHits);
        Assert.Equal(all.Hits.Skip(2).Take(2).Select(h => h.Id), page.Hits.Select(h => h.Id));
        Assert.Equal([3, 4], page.Hits.Select(h => h.Rank));
        Assert.Empty(index.Search(new() { Limit = 0 }).Hits);
        Assert.Equal(5, index.Search(new() { Limit = 0 }).TotalHits);
    }

    [Fact]
    public void NoQuery_ListsNewestFirst()
    {
        Assert.Equal("ranking.txt#5", Ids(new()).First());
    }
}
