namespace NewsSearch.Tests.Querying;

/// <summary>
/// A relevance search past 1,000 matches skips blocks of articles that cannot make the page: on generated articles
/// (several segments, deletions), every query must return the hits and scores of a search that counts all matches.
/// </summary>
public sealed class PrunedSearchTests(PrunedSearchTests.GeneratedArchive archive, PrunedSearchTests.UndeletedArchive undeleted)
    : IClassFixture<PrunedSearchTests.GeneratedArchive>, IClassFixture<PrunedSearchTests.UndeletedArchive>
{
    private readonly NewsIndex index = archive.Index;

    public static TheoryData<string, SearchRanking, int> Queries()
    {
        var data = new TheoryData<string, SearchRanking, int>();
        string[] queries =
        [
            Word(0), Word(3), Word(40), $"{Word(0)} {Word(1)}", $"{Word(2)} {Word(150)}", $"{Word(1)} {Word(5)} {Word(60)} {Word(300)}",
            $"\"{Word(0)} {Word(1)}\"", $"\"{Word(2)} {Word(0)} {Word(4)}\"", $"+{Word(0)} +{Word(2)}", $"{Word(0)} AND {Word(7)}",
            // Words all required where the rarest seldom meets the others: the conjunction must leapfrog.
            $"+{Word(12)} +{Word(40)}", $"+{Word(1)} +{Word(5)} +{Word(60)}",
            $"{Word(1)} -{Word(3)}", $"{Word(0)}^3 {Word(9)}", $"{Word(0)} {Word(1)} {Word(2)} {Word(3)} {Word(4)} {Word(5)}",
            // A phrase with a word twice, and one with a stop word: a gap of one position between its words.
            $"\"{Word(0)} {Word(0)}\"", $"\"{Word(0)} the {Word(1)}\"",
        ];
        foreach (var query in queries)
        {
            foreach (var ranking in new[] { SearchRanking.Bm25, SearchRanking.Default })
            {
                data.Add(query, ranking, 10);
            }
            data.Add(query, SearchRanking.Bm25, 1);
            data.Add(query, SearchRanking.Bm25, 60);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void PrunedSearch_FindsTheHitsAndScoresOfACompleteOne(string query, SearchRanking ranking, int limit) =>
        AssertSameAsComplete(new SearchRequest { Query = query, Ranking = ranking, Limit = limit, SnippetLength = 0 });

    public static TheoryData<string, SearchRanking, int, int> DatedQueries()
    {
        var data = new TheoryData<string, SearchRanking, int, int>();
        string[] queries = [Word(0), $"{Word(0)} {Word(1)}", $"{Word(2)} {Word(150)}", $"\"{Word(0)} {Word(1)}\"", $"+{Word(0)} +{Word(2)}",
            $"{Word(0)} {Word(1)} {Word(2)} {Word(3)} {Word(4)} {Word(5)}"];
        // Wide ranges (most of every segment: pruned with the range as accepted documents), a narrow one (exhaustive).
        (int, int)[] ranges = [(0, 49), (5, 44), (0, 10), (7, 7)];
        foreach (var query in queries)
        {
            foreach (var (first, last) in ranges)
            {
                data.Add(query, SearchRanking.Bm25, first, last);
                data.Add(query, SearchRanking.Default, first, last);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DatedQueries))]
    public void PrunedSearch_WithADateRange_FindsTheHitsAndScoresOfACompleteOne(string query, SearchRanking ranking, int firstDay, int lastDay) =>
        AssertSameAsComplete(new SearchRequest
        {
            Query = query, Ranking = ranking, Limit = 10, SnippetLength = 0, From = Epoch.AddDays(firstDay), To = Epoch.AddDays(lastDay),
        });

    private void AssertSameAsComplete(SearchRequest request)
    {
        var complete = index.Search(request with { CountAll = true });
        var pruned = index.Search(request);

        Assert.True(complete.TotalHitsExact);
        Assert.Equal(complete.Hits.Count, pruned.Hits.Count);
        for (var i = 0; i < complete.Hits.Count; i++)
        {
            // Sums in another order may differ in the last bits, which may swap two equal scores: compare scores,
            // and ids where the score is not shared with a neighbour.
            Assert.Equal(complete.Hits[i].Score!.Value, pruned.Hits[i].Score!.Value, 1e-4f);
        }
        Assert.Equal(complete.Hits.Select(h => h.Id).Order(), pruned.Hits.Select(h => h.Id).Order());
        Assert.InRange(pruned.TotalHits, Math.Min(complete.TotalHits, 1_000), complete.TotalHits);
        if (pruned.TotalHitsExact)
        {
            Assert.Equal(complete.TotalHits, pruned.TotalHits);
        }
    }

    [Fact]
    public void ManyMatches_AreCountedExactlyUpTo1000_ThenAtLeast()
    {
        var request = new SearchRequest { Query = $"{Word(0)} {Word(250)}", Ranking = SearchRanking.Bm25 };

        var complete = index.Search(request with { CountAll = true });
        var pruned = index.Search(request);

        Assert.True(complete.TotalHits > 3_000);
        Assert.False(pruned.TotalHitsExact);
        Assert.InRange(pruned.TotalHits, 1_000, complete.TotalHits - 1);
        Assert.Equal(complete.Hits.Select(h => h.Id), pruned.Hits.Select(h => h.Id));
    }

    [Fact]
    public void FewMatches_AreAlwaysCountedExactly()
    {
        var request = new SearchRequest { Query = Word(120), Ranking = SearchRanking.Bm25 };

        var results = index.Search(request);

        Assert.True(results.TotalHitsExact);
        Assert.Equal(index.Search(request with { CountAll = true }).TotalHits, results.TotalHits);
        Assert.InRange(results.TotalHits, 1, 999);
    }

    [Theory]
    [InlineData(SearchRanking.Bm25)]
    [InlineData(SearchRanking.Default)]
    public void OneWord_InAnIndexWithoutDeletions_IsCountedExactlyPast1000(SearchRanking ranking)
    {
        var request = new SearchRequest { Query = Word(0), Ranking = ranking, SnippetLength = 0 };

        var complete = undeleted.Index.Search(request with { CountAll = true });
        var pruned = undeleted.Index.Search(request);

        Assert.True(complete.TotalHits > 2_000);
        Assert.True(pruned.TotalHitsExact);
        Assert.Equal(complete.TotalHits, pruned.TotalHits);
        Assert.Equal(complete.Hits.Select(h => h.Score!.Value), pruned.Hits.Select(h => h.Score!.Value));
    }

    [Fact]
    public void TwoWords_InAnIndexWithoutDeletions_AreCountedExactlyUpTo1000_ThenAtLeast()
    {
        var request = new SearchRequest { Query = $"{Word(0)} {Word(1)}", Ranking = SearchRanking.Bm25, SnippetLength = 0 };

        var pruned = undeleted.Index.Search(request);

        Assert.False(pruned.TotalHitsExact);
        Assert.InRange(pruned.TotalHits, 1_000, undeleted.Index.Search(request with { CountAll = true }).TotalHits - 1);
    }

    private static readonly DateOnly Epoch = new(2000, 1, 1);

    private static string Word(int i) => "w" + (char)('a' + (i / 26 % 26)) + (char)('a' + (i % 26)) + "x";

    /// <summary>6,000 articles of words drawn from a skewed vocabulary, dated over fifty days, written in four commits, every 97th deleted.</summary>
    public sealed class GeneratedArchive : IDisposable
    {
        private const int Articles = 6_000;

        // Some words are in most articles and others in a few: word i has weight 1/(i+1).
        private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 400).Select(Word)];

        public GeneratedArchive()
        {
            Fill(Index, Articles);
            for (var id = 0; id < Articles; id += 97)
            {
                Index.Delete($"a{id}");
            }
            Index.Commit();
        }

        public NewsIndex Index { get; } = NewsIndex.CreateInMemory(NewsIndexOptions.Default with { ExtractSpeakers = false });

        public void Dispose() => Index.Dispose();

        internal static void Fill(NewsIndex index, int articles)
        {
            var random = new Random(20261129);
            var days = new Random(50);
            var weights = Vocabulary.Select((_, i) => 1.0 / (i + 1)).ToArray();
            var total = weights.Sum();
            for (var id = 0; id < articles; id++)
            {
                var length = random.Next(5, id % 7 == 0 ? 300 : 60);
                var words = new string[length];
                for (var w = 0; w < length; w++)
                {
                    var pick = random.NextDouble() * total;
                    var k = 0;
                    while ((pick -= weights[k]) > 0 && k < weights.Length - 1)
                    {
                        k++;
                    }
                    words[w] = Vocabulary[k];
                }
                // Fifty days, and every eleventh article undated: date ranges take most or little of each segment.
                DateOnly? date = id % 11 == 0 ? null : Epoch.AddDays(days.Next(50));
                index.Upsert(new Article($"a{id}", date, "", string.Join(' ', words) + "."));
                if (id % 1_700 == 1_699)
                {
                    index.Commit();
                }
            }
            index.Commit();
        }
    }

    /// <summary>The same kind of articles, 4,000 of them in three segments, none deleted.</summary>
    public sealed class UndeletedArchive : IDisposable
    {
        public UndeletedArchive() => GeneratedArchive.Fill(Index, 4_000);

        public NewsIndex Index { get; } = NewsIndex.CreateInMemory(NewsIndexOptions.Default with { ExtractSpeakers = false });

        public void Dispose() => Index.Dispose();
    }
}
