namespace NewsSearch.Tests.Indexing;

/// <summary>Re-indexing, updates, deletes, persistence and concurrency of <see cref="NewsIndex"/>.</summary>
public sealed class IndexLifecycleTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Reindexing_NeverDuplicates_AndCountsAddedUpdatedUnchanged()
    {
        var input = folder.Write("in/a.txt", "date 2023-01-01 Paris: First version.");
        folder.Write("in/b.txt", "date 2023-01-02 Rome: Stays the same.");
        var indexPath = Path.Combine(folder.Path, "index");

        using (var index = NewsIndex.OpenOrCreate(indexPath))
        {
            var first = index.IndexPaths([Path.Combine(folder.Path, "in")]);
            Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        }

        File.WriteAllText(input, "date 2023-01-01 Paris: Second version.");
        using (var index = NewsIndex.OpenOrCreate(indexPath))
        {
            var second = index.IndexPaths([Path.Combine(folder.Path, "in")]);
            Assert.Equal((0, 1, 1), (second.Added, second.Updated, second.Unchanged));
            Assert.Equal(2, index.Count);
            Assert.Equal(0, index.Search(new SearchRequest { Query = "first" }).TotalHits);
            Assert.Equal(1, index.Search(new SearchRequest { Query = "second" }).TotalHits);
        }
    }

    [Fact]
    public void SameIdTwiceInOneBatch_IsOneArticle()
    {
        using var index = NewsIndex.CreateInMemory();

        Assert.Equal(UpsertOutcome.Added, index.Upsert(new Article("x", null, "", "one")));
        Assert.Equal(UpsertOutcome.Unchanged, index.Upsert(new Article("x", null, "", "one")));
        Assert.Equal(UpsertOutcome.Updated, index.Upsert(new Article("x", null, "", "two")));
        index.Commit();

        Assert.Equal(1, index.Count);
        Assert.Equal("two", index.Get("x")!.Article.Body);
    }

    [Fact]
    public void SameIdsFromSeveralThreadsAtOnce_AreEachOneArticle()
    {
        // New ids are added without a delete-by-id: two threads writing the same new id at once must still leave one.
        using var index = NewsIndex.CreateInMemory(NewsIndexOptions.Default with { ExtractSpeakers = false });
        using var together = new Barrier(4);

        var threads = Enumerable.Range(0, 4).Select(thread => new Thread(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                together.SignalAndWait();
                index.Upsert(new Article($"id{i}", null, "", $"Copy {thread} of article {i} about tariffs."));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        index.Commit();

        Assert.Equal(300, index.Count);
        Assert.Equal(300, index.Search(new SearchRequest { Query = "tariffs", Limit = 0, CountAll = true }).TotalHits);
    }

    [Fact]
    public void Delete_RemovesTheArticle()
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("x", null, "", "doomed article"));
        index.Upsert(new Article("y", null, "", "survivor article"));
        index.Commit();

        Assert.True(index.Delete("x"));
        Assert.False(index.Delete("nope"));
        index.Commit();

        Assert.Null(index.Get("x"));
        Assert.Equal(["y"], index.Search(new SearchRequest { Query = "article" }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void ChangesAreInvisibleUntilCommit()
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("x", null, "", "pending words"));

        Assert.Equal(0, index.Search(new SearchRequest { Query = "pending" }).TotalHits);
        index.Commit();
        Assert.Equal(1, index.Search(new SearchRequest { Query = "pending" }).TotalHits);
    }

    [Fact]
    public void OpenForSearch_DoesNotTakeTheWriteLock()
    {
        var path = Path.Combine(folder.Path, "index");
        using var writer = NewsIndex.OpenOrCreate(path);
        writer.Upsert(new Article("x", new DateOnly(2020, 1, 1), "Oslo", "shared index"));
        writer.Commit();

        using var reader = NewsIndex.Open(path);
        Assert.Equal(1, reader.Search(new SearchRequest { Query = "shared" }).TotalHits);
        Assert.Throws<IndexLockedException>(() => reader.Upsert(new Article("y", null, "", "second writer")));
    }

    [Fact]
    public async Task SearchesFromManyThreads_WhileAnotherThreadIndexes()
    {
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("seed", new DateOnly(2020, 1, 1), "Oslo", "constant marker text"));
        index.Commit();

        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                index.Upsert(new Article($"a{i}", new DateOnly(2020, 1, 2), "Rome", $"growing corpus item {i}"));
                if (i % 25 == 0)
                {
                    index.Commit();
                }
            }
            index.Commit();
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                try
                {
                    Assert.Equal(1, index.Search(new SearchRequest { Query = "marker" }).TotalHits);
                    index.Search(new SearchRequest { Query = "corpus", Sort = SearchSort.Newest });
                }
                catch (Exception e)
                {
                    errors.Add(e);
                }
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Empty(errors);
        Assert.Equal(300, index.Search(new SearchRequest { Query = "corpus", Limit = 0 }).TotalHits);
    }

    [Fact]
    public void Statistics_CountArticlesDatesDatelinesAndSpeakers()
    {
        using var index = NewsIndex.CreateInMemory();
        index.IndexPaths([Path.Combine(Repository.Fixtures, "speakers.txt"), Path.Combine(Repository.Fixtures, "ranking.txt")]);
        index.Upsert(new Article("x", new DateOnly(2023, 6, 1), "WASHINGTON", "Antony Blinken said hello."));
        index.Commit();

        var stats = index.GetStatistics(top: 3);

        Assert.Equal(9, stats.Articles);
        Assert.Equal(new DateOnly(2023, 1, 10), stats.FirstDate);
        Assert.Equal(new DateOnly(2023, 6, 1), stats.LastDate);
        Assert.Equal(new ValueCount("Washington", 2), stats.Datelines[0]);
        Assert.Equal(new ValueCount("Antony Blinken", 2), stats.Speakers[0]);
        Assert.Equal(new ValueCount("Chrystia Freeland", 1), stats.Speakers[1]);
        Assert.Equal(2, stats.Speakers.Count);
    }

    [Fact]
    public void InvalidArticle_IsRefusedByTheConstructor()
    {
        Assert.Throws<ArgumentException>(() => new Article("", null, "", "body"));
        Assert.Throws<ArgumentException>(() => new Article("id", null, "", "  "));
    }
}
