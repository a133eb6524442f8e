namespace NewsSearch.Tests.Querying;

/// <summary>"More like this" and its date limit (background linking), on articles this test writes.</summary>
public sealed class RelatedTests : IDisposable
{
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public RelatedTests()
    {
        Add("quake-1", 2023, 2, 6, "A powerful earthquake struck southern Turkey and Syria, collapsing buildings; rescuers searched the rubble for survivors.");
        Add("quake-2", 2023, 2, 8, "Rescuers pulled survivors from the rubble two days after the earthquake in Turkey and Syria as the toll rose.");
        Add("quake-0", 2023, 1, 20, "Engineers warned that buildings in southern Turkey would not survive a powerful earthquake.");
        Add("quake-3", 2023, 3, 1, "A month after the earthquake, Turkey began rebuilding; survivors still live in tents near the rubble.");
        Add("budget", 2023, 2, 7, "The finance ministry presented the budget, with higher taxes on fuel and tobacco.");
        Add("football", 2023, 2, 7, "The football club won the cup final in extra time.");
        index.Upsert(new Article("undated-quake", null, "", "Survivors of the earthquake in Turkey described the rubble and the rescuers."));
        index.Commit();
    }

    public void Dispose() => index.Dispose();

    private void Add(string id, int y, int m, int d, string body) => index.Upsert(new Article(id, new DateOnly(y, m, d), "Ankara", body));

    [Fact]
    public void Related_FindsArticlesOnTheSameStory_NeverItself()
    {
        var results = index.Related("quake-2")!;

        Assert.DoesNotContain("quake-2", results.Hits.Select(h => h.Id));
        Assert.Contains("quake-1", results.Hits.Select(h => h.Id));
        Assert.Contains("quake-3", results.Hits.Select(h => h.Id));
        Assert.StartsWith("quake", results.Hits[0].Id, StringComparison.Ordinal);
        Assert.DoesNotContain("football", results.Hits.Select(h => h.Id));
        Assert.Contains(results.Terms, t => t.Term == "rubbl");
    }

    [Fact]
    public void ArticleWithQuotations_IsFoundByItsId_AndOnlyArticlesAreRelated()
    {
        // Quotations are documents of their own under their article's id, written before it in the same block.
        Add("quake-quoted", 2023, 2, 9, "\"We heard the rubble move,\" rescuer Ali Kaya said. \"The survivors were calling,\" he added after the earthquake in Turkey.");
        index.Commit();

        var results = index.Related("quake-quoted")!;

        Assert.Contains(results.Terms, t => t.Term == "rubbl");
        Assert.DoesNotContain("quake-quoted", results.Hits.Select(h => h.Id));
        Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.Id).Distinct().Count());
        Assert.Contains("quake-2", results.Hits.Select(h => h.Id));
        Assert.Contains("quake-quoted", index.Related("quake-2")!.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Before_KeepsOnlyEarlierDatedArticles()
    {
        var results = index.Related("quake-2", new RelatedRequest { Before = new DateOnly(2023, 2, 8) })!;

        Assert.Equal(["quake-1", "quake-0"], results.Hits.Select(h => h.Id).Where(id => id.StartsWith("quake", StringComparison.Ordinal)));
        Assert.All(results.Hits, h => Assert.True(h.Date < new DateOnly(2023, 2, 8)));
    }

    [Fact]
    public void AsOf_UsesTheArticlesOwnDay()
    {
        var results = index.Related("quake-2", new RelatedRequest { AsOf = true })!;

        Assert.Equal(new DateOnly(2023, 2, 8), results.Request.Before);
        Assert.All(results.Hits, h => Assert.True(h.Date < new DateOnly(2023, 2, 8)));
        Assert.Contains("quake-1", results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void AsOf_UndatedArticle_IsAnError_UnknownId_IsNull()
    {
        var error = Assert.Throws<NewsSearchException>(() => index.Related("undated-quake", new RelatedRequest { AsOf = true }));

        Assert.Contains("--before", error.Message, StringComparison.Ordinal);
        Assert.Null(index.Related("no-such-article"));
    }
}
