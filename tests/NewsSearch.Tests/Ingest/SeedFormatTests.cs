using CsCheck;
using System.Text;

namespace NewsSearch.Tests.Ingest;

/// <summary>The seed format through <see cref="NewsIndex.IndexPaths"/>: what is read, what is rejected and why.</summary>
public sealed class SeedFormatTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void SingleArticle_IdIsFileName_FieldsAreRead()
    {
        var path = folder.Write("one.txt", "date 2023-03-07 New Delhi: First paragraph.\n\nSecond paragraph.\n");

        var report = index.IndexPaths([path]);

        Assert.Equal(1, report.Added);
        Assert.Empty(report.Rejected);
        var article = index.Get("one.txt")!.Article;
        Assert.Equal(new DateOnly(2023, 3, 7), article.Date);
        Assert.Equal("New Delhi", article.Dateline);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Body);
    }

    [Fact]
    public void MultiArticleFile_IdsCarryOrdinal_RelativeToFolder()
    {
        folder.Write("feed/day.txt", "date 2023-01-01 Paris: One.\ndate 2023-01-02 Rome: Two.\n\ndate 2023-01-03 Oslo: Three.");

        var report = index.IndexPaths([folder.Path]);

        Assert.Equal(3, report.Added);
        Assert.Equal("Paris", index.Get("feed/day.txt#1")!.Article.Dateline);
        Assert.Equal("Rome", index.Get("feed/day.txt#2")!.Article.Dateline);
        Assert.Equal("Three.", index.Get("feed/day.txt#3")!.Article.Body);
        Assert.Null(index.Get("feed/day.txt"));
    }

    [Fact]
    public void ByteOrderMark_CrLf_LeadingWhitespace_AndWrappedLines_AreTolerated()
    {
        var text = "\r\n   date 2023-03-07   New Delhi :  Wrapped\r\n  line one.\r\n\r\n  Next\r\n  paragraph.\r\n";
        folder.WriteBytes("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var report = index.IndexPaths([folder.Path]);

        Assert.Empty(report.Rejected);
        var article = index.Get("bom.txt")!.Article;
        Assert.Equal("New Delhi", article.Dateline);
        Assert.Equal("Wrapped line one.\n\nNext paragraph.", article.Body);
    }

    [Theory]
    [InlineData("Just some text.\n", 1, "no header line")]
    [InlineData("date 2023-02-30 New Delhi: text", 1, "impossible date 2023-02-30: February 2023 has 28 days")]
    [InlineData("date 2023-13-01 New Delhi: text", 1, "there is no month 13")]
    [InlineData("date 2023-3-7 New Delhi: text", 1, "bad date '2023-3-7': write it as YYYY-MM-DD")]
    [InlineData("\ndate 2023-03-07 : text", 2, "empty dateline")]
    [InlineData("date 2023-03-07 New Delhi text without colon", 1, "no dateline")]
    [InlineData("date 2023-03-07 New Delhi:\n\n\n", 1, "empty body")]
    public void BadArticle_IsRejectedWithLineAndReason(string text, int line, string reason)
    {
        var path = folder.Write("bad.txt", text);

        var report = index.IndexPaths([path]);

        Assert.Equal(0, report.Indexed);
        var problem = Assert.Single(report.Rejected);
        Assert.EndsWith("bad.txt", problem.Source, StringComparison.Ordinal);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArticle_DoesNotStopTheRestOfTheFileOrBatch_AndKeepsNumbering()
    {
        folder.Write("a.txt", "date 2023-01-01 Paris: Good one.\n\ndate 2023-02-30 Rome: Bad date.\n\ndate 2023-01-03 Oslo: Good three.");
        folder.Write("b.txt", "date 2023-01-04 Lima: Good.");

        var report = index.IndexPaths([folder.Path]);

        Assert.Equal(3, report.Added);
        var problem = Assert.Single(report.Rejected);
        Assert.Equal(3, problem.Line);
        Assert.NotNull(index.Get("a.txt#3"));
        Assert.Null(index.Get("a.txt#2"));
        Assert.NotNull(index.Get("b.txt"));
    }

    [Fact]
    public void InvalidUtf8_RejectsOnlyTheArticleHoldingIt_WithTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("date 2023-01-01 Paris: Fine.\n\ndate 2023-01-02 Rome: Line two\nbad byte here: ")
            .Concat(new byte[] { 0xFC }).Concat(Encoding.UTF8.GetBytes("\n\ndate 2023-01-03 Oslo: Fine too.\n")).ToArray();
        folder.WriteBytes("latin1.txt", bytes);

        var report = index.IndexPaths([folder.Path]);

        var problem = Assert.Single(report.Rejected);
        Assert.Equal(4, problem.Line);
        Assert.Contains("not UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("0xFC", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(2, report.Added);
    }

    [Fact]
    public void BinaryFile_IsRejectedWhole()
    {
        folder.WriteBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var report = index.IndexPaths([folder.Path]);

        var problem = Assert.Single(report.Rejected);
        Assert.Contains("binary file", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \r\n")]
    public void EmptyFile_IsRejected(string text)
    {
        folder.Write("empty.txt", text);

        var report = index.IndexPaths([folder.Path]);

        Assert.Contains("empty file", Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16File_IsRejectedWithAdvice()
    {
        folder.WriteBytes("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("date 2023-01-01 Paris: x")).ToArray());

        var report = index.IndexPaths([folder.Path]);

        Assert.Contains("save the file as UTF-8", Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPath_IsReported_OtherPathsIndexed()
    {
        var good = folder.Write("good.txt", "date 2023-01-01 Paris: Fine.");

        var report = index.IndexPaths([Path.Combine(folder.Path, "nope"), good]);

        Assert.Equal(1, report.Added);
        Assert.Equal("no such file or folder", Assert.Single(report.Rejected).Reason);
    }

    [Fact]
    public void HiddenFilesAndFolders_AreSkipped()
    {
        folder.Write(".hidden.txt", "date 2023-01-01 Paris: Hidden.");
        folder.Write(".git/config.txt", "date 2023-01-01 Paris: Hidden.");
        folder.Write("visible.txt", "date 2023-01-01 Paris: Visible.");

        var report = index.IndexPaths([folder.Path]);

        Assert.Equal(1, report.Added);
        Assert.Empty(report.Rejected);
    }

    [Fact]
    public void AnyWellFormedArticle_RoundTrips()
    {
        // Property: whatever the date, dateline and paragraphs, writing an article in the seed format and reading it
        // back gives the same fields.
        var word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz'\"-,.;!?é—"], 1, 12];
        var paragraphGen = word.Array[1, 12].Select(words => string.Join(' ', words));
        var datelineGen = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghij,.-"], 1, 25]
            .Where(d => d.Trim().Length > 0 && d.Trim().Trim(',', '-').Length > 0);
        var dayGen = Gen.Int[0, 40_000].Select(n => new DateOnly(1950, 1, 1).AddDays(n));

        Check.Sample(Gen.Select(dayGen, datelineGen, paragraphGen.Array[1, 5]), sample =>
        {
            var (day, dateline, paragraphs) = sample;
            using var roundTrip = NewsIndex.CreateInMemory();
            using var scratch = new TestFolder();
            var text = $"date {day:yyyy-MM-dd} {dateline}: {string.Join("\n\n", paragraphs)}\n";
            var path = scratch.Write("a.txt", text);

            var report = roundTrip.IndexPaths([path]);

            Assert.Empty(report.Rejected);
            var article = roundTrip.Get("a.txt")!.Article;
            Assert.Equal(day, article.Date);
            Assert.Equal(dateline.Trim(), article.Dateline);
            Assert.Equal(string.Join("\n\n", paragraphs.Select(p => p.Trim())), article.Body);
        }, iter: 60);
    }
}
