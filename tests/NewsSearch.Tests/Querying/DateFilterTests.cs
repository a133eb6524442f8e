namespace NewsSearch.Tests.Querying;

/// <summary>
/// Date filters over generated articles (dated and undated, several segments, replaced and deleted articles): every
/// range, narrow or wide, open or closed, must find exactly the live articles published within it (no range: all).
/// </summary>
public sealed class DateFilterTests(DateFilterTests.DatedArchive archive) : IClassFixture<DateFilterTests.DatedArchive>
{
    private static readonly DateOnly Epoch = new(1987, 1, 1);

    public static TheoryData<int?, int?> Ranges() => new()
    {
        { 0, 0 }, { 3, 3 }, { 10, 12 }, { 0, 30 }, { 50, 400 }, { 0, 399 }, { null, 5 }, { 395, null }, { null, null },
        { 400, 500 }, { -20, -1 }, { 17, 17 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void DateFilter_FindsExactlyTheArticlesOfItsDays(int? first, int? last)
    {
        DateOnly? from = first is { } f ? Epoch.AddDays(f) : null;
        DateOnly? to = last is { } l ? Epoch.AddDays(l) : null;
        var expected = archive.Live.Values
            .Where(a => (from is null && to is null) || (a.Date is { } day && (from is null || day >= from) && (to is null || day <= to)))
            .Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

        foreach (var query in new[] { "common", "rare", null })
        {
            var request = new SearchRequest { Query = query, From = from, To = to, Limit = 5_000, SnippetLength = 0, CountAll = true };
            var wanted = query switch
            {
                "rare" => expected.Where(id => archive.Live[id].Body.Contains("rare", StringComparison.Ordinal)).ToList(),
                _ => expected,
            };

            var results = archive.Index.Search(request);

            Assert.Equal(wanted, results.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList());
            Assert.Equal(wanted.Count, results.TotalHits);
            Assert.Equal(wanted.Count, archive.Index.Search(request with { Sort = SearchSort.Newest }).TotalHits);
        }
    }

    [Fact]
    public void ASegmentWithoutDatedArticles_IsFilteredAndSortedLikeAnyOther()
    {
        // The first commit's segment holds no dated article, so it has no date doc values at all.
        using var index = NewsIndex.CreateInMemory();
        index.Upsert(new Article("undated-1", null, "", "A common story."));
        index.Upsert(new Article("undated-2", null, "", "A common story."));
        index.Commit();
        index.Upsert(new Article("dated-1", Epoch.AddDays(3), "", "A common story."));
        index.Upsert(new Article("dated-2", Epoch.AddDays(9), "", "A common story."));
        index.Commit();

        var ranged = index.Search(new SearchRequest { Query = "common", From = Epoch, To = Epoch.AddDays(5), CountAll = true });
        var newest = index.Search(new SearchRequest { Query = "common", Sort = SearchSort.Newest });
        var oldest = index.Search(new SearchRequest { Query = "common", Sort = SearchSort.Oldest });

        Assert.Equal(["dated-1"], ranged.Hits.Select(h => h.Id));
        Assert.Equal(["dated-2", "dated-1"], newest.Hits.Take(2).Select(h => h.Id));
        Assert.Equal(["dated-1", "dated-2"], oldest.Hits.Take(2).Select(h => h.Id));
        Assert.All(newest.Hits.Skip(2).Concat(oldest.Hits.Skip(2)), h => Assert.Null(h.Date));
    }

    /// <summary>3,000 articles over 400 days, one in seven undated, written in three commits, then some replaced and deleted.</summary>
    public sealed class DatedArchive : IDisposable
    {
        public DatedArchive()
        {
            var random = new Random(7);
            Index = NewsIndex.CreateInMemory();
            for (var i = 0; i < 3_000; i++)
            {
                Write(random, $"a{i}");
                if (i % 1_000 == 999)
                {
                    Index.Commit();
                }
            }
            for (var i = 0; i < 300; i++)
            {
                var id = $"a{random.Next(3_000)}";
                if (random.Next(2) == 0)
                {
                    Write(random, id);
                }
                else if (Index.Delete(id))
                {
                    Live.Remove(id);
                }
            }
            Index.Commit();
        }

        public NewsIndex Index { get; }

        public Dictionary<string, Article> Live { get; } = new(StringComparer.Ordinal);

        public void Dispose() => Index.Dispose();

        private void Write(Random random, string id)
        {
            // Days cluster early (most articles in the first months, as in Reuters), with a tail to day 399.
            DateOnly? date = random.Next(7) == 0 ? null : Epoch.AddDays(random.Next(2) == 0 ? random.Next(30) : random.Next(400));
            var body = random.Next(10) == 0 ? "A common story with a rare word." : "A common story.";
            var article = new Article(id, date, "LONDON", body);
            Index.Upsert(article);
            Live[id] = article;
        }
    }
}
