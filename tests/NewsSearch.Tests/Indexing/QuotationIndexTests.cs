namespace NewsSearch.Tests.Indexing;

/// <summary>
/// Quotations are documents beside their articles: searchable on their own, invisible to article searches,
/// counts and statistics, and replaced or deleted with their article.
/// </summary>
public sealed class QuotationIndexTests : IDisposable
{
    private const string SeedId = "2023-03-07-new-delhi-qin-gang-invisible-hand.txt";
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public QuotationIndexTests()
    {
        index.IndexPaths([Repository.Seeds]);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public void ArticleReads_SeeOnlyArticles()
    {
        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Search(new SearchRequest()).TotalHits);
        Assert.Equal(1, index.Search(new SearchRequest { Query = "\"invisible hand\"" }).TotalHits);
        Assert.Equal(SeedId, index.Get(SeedId)!.Article.Id);

        // Fields that quotations carry too: each query still counts the one article, never its quotations.
        foreach (var query in new[] { "speaker:\"Qin Gang\"", "dateline:delhi", "date:2023-03", "speaker:qin OR ukraine", "ukraine OR speaker:qin", "+speaker:qin +tragedy", $"id:\"{SeedId}\"" })
        {
            Assert.Equal(1, index.Search(new SearchRequest { Query = query }).TotalHits);
            Assert.Equal(1, index.Search(new SearchRequest { Query = query, From = new DateOnly(2023, 3, 1), Speaker = "Qin" }).TotalHits);
        }

        var stats = index.GetStatistics();
        Assert.Equal(1, stats.Articles);
        Assert.Equal([new ValueCount("Qin Gang", 1), new ValueCount("Volodymyr Zelenskiy", 1)], stats.Speakers);
    }

    [Fact]
    public void Statistics_CountQuotationsPerSpeaker()
    {
        var stats = index.GetStatistics();

        Assert.Equal(8, stats.Quotations);
        Assert.Equal([new ValueCount("Qin Gang", 5), new ValueCount("Volodymyr Zelenskiy", 1)], stats.QuotationsBySpeaker);
    }

    [Fact]
    public void ReRun_FindsTheArticleUnchanged_AmongItsQuotations()
    {
        // The quotations are documents under the article's id too; only the article's own document holds its content
        // fingerprint, so the re-run must look past them.
        var again = index.IndexPaths([Repository.Seeds]);

        Assert.Equal((0, 0, 1), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(8, index.GetStatistics().Quotations);
    }

    [Fact]
    public void SearchQuotes_FindsTheQuotationWithSpeakerDateAndDateline()
    {
        var results = index.SearchQuotes(new QuoteSearchRequest { Query = "\"invisible hand\"" });

        Assert.Equal(2, results.TotalHits);
        Assert.All(results.Hits, hit =>
        {
            Assert.Equal("Qin Gang", hit.Quotation.Speaker);
            Assert.Equal(SeedId, hit.ArticleId);
            Assert.Equal(new DateOnly(2023, 3, 7), hit.Date);
            Assert.Equal("New Delhi", hit.Dateline);
            Assert.Contains("**invisible hand**", hit.Text.ToMarkedString("**", "**"), StringComparison.Ordinal);
        });
        var body = index.Get(SeedId)!.Article.Body;
        Assert.All(results.Hits, hit => Assert.Equal(hit.Quotation.Text, body[hit.Quotation.Start..hit.Quotation.End]));
    }

    [Theory]
    [InlineData("Zelensky", 1)]
    [InlineData("Zelenskiy", 1)]
    [InlineData("Zelenskyy", 1)]
    [InlineData("Volodymyr Zelenskiy", 1)]
    [InlineData("Qin", 5)]
    [InlineData("Gang", 5)]
    [InlineData("Zelenko", 0)]
    public void SearchQuotes_BySpeaker_NameSurnameOrVariant(string speaker, int expected)
    {
        Assert.Equal(expected, index.SearchQuotes(new QuoteSearchRequest { Speaker = speaker }).TotalHits);
    }

    [Fact]
    public void SearchQuotes_DateFilterAndFieldQueries()
    {
        Assert.Equal(0, index.SearchQuotes(new QuoteSearchRequest { From = new DateOnly(2023, 3, 8) }).TotalHits);
        Assert.Equal(8, index.SearchQuotes(new QuoteSearchRequest { To = new DateOnly(2023, 3, 7) }).TotalHits);
        Assert.Equal(1, index.SearchQuotes(new QuoteSearchRequest { Query = "tragedy AND speaker:qin" }).TotalHits);
        var error = Assert.Throws<QuerySyntaxException>(() => index.SearchQuotes(new QuoteSearchRequest { Query = "body:tragedy" }));
        Assert.Contains("unknown field 'body'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplacingAnArticle_ReplacesItsQuotations()
    {
        var old = index.Get(SeedId)!.Article;
        index.Upsert(new Article(SeedId, old.Date, old.Dateline, "\"Everything has changed,\" said Jacinda Ardern."));
        index.Commit();

        Assert.Equal(0, index.SearchQuotes(new QuoteSearchRequest { Query = "tragedy" }).TotalHits);
        var hit = Assert.Single(index.SearchQuotes(new QuoteSearchRequest()).Hits);
        Assert.Equal("Jacinda Ardern", hit.Quotation.Speaker);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void DeletingAnArticle_DeletesItsQuotations()
    {
        Assert.True(index.Delete(SeedId));
        index.Commit();

        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.SearchQuotes(new QuoteSearchRequest()).TotalHits);
        Assert.Equal(0, index.GetStatistics().Quotations);
    }

    [Fact]
    public void ExtractionOff_NoQuotationsNoSpeakers()
    {
        using var plain = NewsIndex.CreateInMemory(new NewsIndexOptions { ExtractSpeakers = false });
        plain.IndexPaths([Repository.Seeds]);

        Assert.Equal(0, plain.SearchQuotes(new QuoteSearchRequest()).TotalHits);
        Assert.Empty(plain.Get(SeedId)!.Speakers);
    }

    [Fact]
    public void SpeakerFilter_DoesNotMatchAnUnrelatedName()
    {
        index.Upsert(new Article("zelenko", new DateOnly(2023, 3, 8), "Kyiv", "Ivan Zelenko said the bridge was closed."));
        index.Commit();

        var found = index.Search(new SearchRequest { Speaker = "Zelenskiy" });
        Assert.Equal(SeedId, Assert.Single(found.Hits).Id);
        Assert.Equal("zelenko", Assert.Single(index.Search(new SearchRequest { Query = "speaker:Zelenko" }).Hits).Id);
    }
}
