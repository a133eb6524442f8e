namespace NewsSearch.Tests.Ingest;

/// <summary>Folders walked recursively with --include and --exclude globs; hidden files and the index skipped.</summary>
public sealed class FolderTests : IDisposable
{
    private readonly TestFolder folder = new();

    public FolderTests()
    {
        folder.Write("news/a.txt", "date 2023-01-01 Paris: A.");
        folder.Write("news/feed.jsonl", "{\"id\": \"j\", \"body\": \"J.\"}\n");
        folder.Write("news/drafts/d.txt", "date 2023-01-02 Rome: Draft.");
        folder.Write("news/2023/b.txt", "date 2023-01-03 Oslo: B.");
        folder.Write("news/2023/notes.md", "not an article");
        folder.Write("news/.git/config", "hidden");
        folder.WriteTar("news/2023/pack.tar", ("c.txt", TestFolder.Utf8("date 2023-01-04 Bern: C.")), ("c.md", TestFolder.Utf8("notes")));
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(new string[0], new string[0], "2023/b.txt 2023/notes.md 2023/pack.tar/c.md 2023/pack.tar/c.txt a.txt drafts/d.txt j")]
    [InlineData(new[] { "*.txt" }, new string[0], "2023/b.txt 2023/pack.tar/c.txt a.txt drafts/d.txt")]
    [InlineData(new[] { "*.txt", "*.jsonl" }, new[] { "drafts" }, "2023/b.txt 2023/pack.tar/c.txt a.txt j")]
    [InlineData(new[] { "2023/**" }, new[] { "*.md" }, "2023/b.txt 2023/pack.tar/c.txt")]
    [InlineData(new string[0], new[] { "*.tar", "*.md" }, "2023/b.txt a.txt drafts/d.txt j")]
    [InlineData(new[] { "/a.txt" }, new string[0], "a.txt")]
    public void IncludeAndExclude_ChooseWhatIsRead(string[] include, string[] exclude, string ids)
    {
        var read = new ArticleSource([Path.Combine(folder.Path, "news")], new IngestOptions { Include = include, Exclude = exclude })
            .Read().Select(item => item.Article?.Id ?? item.Problem!.Source.Split("news/")[1]).Order(StringComparer.Ordinal);

        Assert.Equal(ids, string.Join(' ', read));
    }

    [Fact]
    public void AFileNamedDirectly_IsReadWhateverTheGlobs()
    {
        var items = new ArticleSource([Path.Combine(folder.Path, "news", "a.txt")], new IngestOptions { Include = ["*.jsonl"] }).Read().ToList();

        Assert.Equal("a.txt", Assert.Single(items).Article!.Id);
    }

    [Theory]
    [InlineData("reut-0000?.txt")]
    [InlineData("[ab].txt")]
    [InlineData("{a,b}.txt")]
    [InlineData("  ")]
    public void UnsupportedGlob_IsAnError_NotASilentMismatch(string glob)
    {
        var error = Assert.Throws<NewsSearchException>(() => new ArticleSource(["x"], new IngestOptions { Include = [glob] }));

        Assert.StartsWith("--include", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIndexFolder_IsNotRead()
    {
        using var index = NewsIndex.OpenOrCreate(Path.Combine(folder.Path, "news", "idx"));
        var report = index.IndexPaths([Path.Combine(folder.Path, "news")], new IngestOptions { Include = ["*.txt"] });
        var again = index.IndexPaths([Path.Combine(folder.Path, "news")], new IngestOptions { Include = ["*.txt"] });

        Assert.Equal((4, 0), (report.Added, report.Rejected.Count));
        Assert.Equal((0, 4), (again.Added, again.Unchanged));
    }
}
