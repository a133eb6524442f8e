namespace NewsSearch.Tests.Querying;

/// <summary>
/// The default ranking against plain BM25, on articles this test writes: same matches, different order where the
/// lead, proximity and feedback boosts apply, and explanations that add up.
/// </summary>
public sealed class DefaultRankingTests : IDisposable
{
    // Forty-odd words that push a word past the lead (the first 40 positions) without changing its frequency.
    private static readonly string Filler = string.Join(' ', Enumerable.Range(0, 45).Select(i => $"filler{i % 9}"));

    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public DefaultRankingTests()
    {
        // Same words, same length: plain BM25 cannot tell them apart; the late ones are indexed first so a tie
        // goes their way.
        index.Upsert(new Article("zeppelin-late", null, "", $"{Filler} zeppelin seen"));
        index.Upsert(new Article("zeppelin-lead", null, "", $"zeppelin seen {Filler}"));
        index.Upsert(new Article("bank-apart", null, "", $"{Filler} central heating failed at the old bank"));
        index.Upsert(new Article("bank-together", null, "", $"{Filler} the old central bank heating failed at"));
        for (var i = 0; i < 6; i++)
        {
            index.Upsert(new Article($"other{i}", null, "", $"unrelated story number {i} about the weather and harvest"));
        }
        index.Commit();
    }

    public void Dispose() => index.Dispose();

    private List<string> Ids(string query, SearchRanking ranking) =>
        index.Search(new SearchRequest { Query = query, Ranking = ranking }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Bm25_TiesOnEqualArticles_DefaultPrefersTheWordInTheLead()
    {
        Assert.Equal("zeppelin-late", Ids("zeppelin", SearchRanking.Bm25)[0]);
        Assert.Equal("zeppelin-lead", Ids("zeppelin", SearchRanking.Default)[0]);
    }

    [Fact]
    public void Default_PrefersQueryWordsCloseTogether()
    {
        Assert.Equal("bank-apart", Ids("central bank", SearchRanking.Bm25)[0]);
        Assert.Equal("bank-together", Ids("central bank", SearchRanking.Default)[0]);
    }

    [Theory]
    [InlineData("central bank")]
    [InlineData("zeppelin OR weather")]
    [InlineData("+heating +failed -zeppelin")]
    [InlineData("weather harvest story unrelated number")]
    public void Ranking_NeverChangesWhatMatches(string query)
    {
        var plain = index.Search(new SearchRequest { Query = query, Ranking = SearchRanking.Bm25, Limit = 100 });
        var tuned = index.Search(new SearchRequest { Query = query, Limit = 100 });

        Assert.Equal(plain.TotalHits, tuned.TotalHits);
        Assert.Equal(plain.Hits.Select(h => h.Id).Order(), tuned.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Feedback_RunsForDescriptiveQueries_NotForShortOnes()
    {
        Assert.Empty(index.Search(new SearchRequest { Query = "weather harvest" }).FeedbackTerms);
        Assert.Empty(index.Search(new SearchRequest { Query = "weather harvest story unrelated", Ranking = SearchRanking.Bm25 }).FeedbackTerms);

        // Feedback skips words in more than a tenth of the articles, so give it a larger index to draw from.
        using var large = NewsIndex.CreateInMemory();
        for (var i = 0; i < 40; i++)
        {
            large.Upsert(new Article($"n{i}", null, "", $"note {i} on markets and trade volume {i}"));
        }
        large.Upsert(new Article("monks", null, "", "Buddhist monks marched in Saigon; the pagoda raids angered the monks and students."));
        large.Commit();

        var results = large.Search(new SearchRequest { Query = "buddhist monks protest government", Explain = true });

        Assert.Contains(results.FeedbackTerms, t => t.Term == "pagoda");
        Assert.Contains(results.Hits[0].Explanation!.Contributions, c => c.Kind == ContributionKind.Feedback && c.Text == "pagoda");
    }

    [Fact]
    public void Explain_PartsAddUpToTheScore_AndNameTheirSource()
    {
        var hit = index.Search(new SearchRequest { Query = "central bank", Explain = true }).Hits[0];
        var why = hit.Explanation!;

        Assert.Equal(hit.Score!.Value, why.Score);
        Assert.Equal(why.Score, why.Contributions.Sum(c => c.Score), 3);
        Assert.Contains(why.Contributions, c => c.Kind == ContributionKind.Term && c.Text == "central" && c.Frequency == 1 && c.ArticlesWithIt == 2);
        Assert.Contains(why.Contributions, c => c.Kind == ContributionKind.Proximity && c.Text == "central bank");
    }

    [Fact]
    public void Explain_Bm25_HasOnlyTheUsersWords_AndLeadShowsInDefault()
    {
        var plain = index.Search(new SearchRequest { Query = "zeppelin", Ranking = SearchRanking.Bm25, Explain = true }).Hits[0].Explanation!;
        var tuned = index.Search(new SearchRequest { Query = "zeppelin", Explain = true }).Hits[0].Explanation!;

        Assert.All(plain.Contributions, c => Assert.Equal(ContributionKind.Term, c.Kind));
        Assert.Contains(tuned.Contributions, c => c.Kind == ContributionKind.Lead && c.Text == "zeppelin");
    }

    [Fact]
    public void Explain_Off_LeavesHitsWithoutExplanation()
    {
        Assert.All(index.Search(new SearchRequest { Query = "central bank" }).Hits, h => Assert.Null(h.Explanation));
    }

    [Fact]
    public void Explain_Phrase_IsOnePart()
    {
        var why = index.Search(new SearchRequest { Query = "\"central bank\"", Explain = true }).Hits.Single().Explanation!;

        Assert.Contains(why.Contributions, c => c.Kind == ContributionKind.Phrase && c.Text == "central bank");
    }
}
