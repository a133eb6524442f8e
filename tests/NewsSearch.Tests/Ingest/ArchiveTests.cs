using static NewsSearch.Tests.TestFolder;

namespace NewsSearch.Tests.Ingest;

/// <summary>Archives (.tar, .tar.gz, .tgz, .zip) holding seed files, JSON Lines and other archives.</summary>
public sealed class ArchiveTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    [Theory]
    [InlineData("bundle.tar")]
    [InlineData("bundle.tar.gz")]
    [InlineData("bundle.tgz")]
    [InlineData("bundle.zip")]
    public void Archive_IdsComeFromMemberPaths_AndEveryFormatInsideIsRead(string name)
    {
        (string, byte[])[] members =
        [
            ("2023/a.txt", Utf8("date 2023-01-01 Paris: One.")),
            ("2023/b.txt", Utf8("date 2023-01-02 Rome: Two.\n\ndate 2023-01-03 Oslo: Three.")),
            ("feed.jsonl", Utf8("{\"id\": \"j1\", \"body\": \"From JSON Lines.\"}\n")),
            ("more.jsonl.gz", GzipBytes("{\"id\": \"j2\", \"body\": \"Gzipped inside.\"}\n")),
            ("./.hidden.txt", Utf8("date 2023-01-04 Bern: Hidden, never read.")),
            ("__MACOSX/2023/._a.txt", [0, 1, 2]),
        ];
        var path = name.EndsWith(".zip", StringComparison.Ordinal) ? folder.WriteZip(name, members) : folder.WriteTar(name, members);

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Empty(report.Rejected);
        Assert.Equal(5, report.Added);
        Assert.Equal("Paris", index.Get("2023/a.txt")!.Article.Dateline);
        Assert.Equal("Three.", index.Get("2023/b.txt#2")!.Article.Body);
        Assert.NotNull(index.Get("j1"));
        Assert.NotNull(index.Get("j2"));
        Assert.Equal(path + "/2023/a.txt", index.Get("2023/a.txt")!.Article.Source);
    }

    [Fact]
    public void ArchivesInsideArchives_AndInsideFolders_AreRead()
    {
        var innerZip = Zip(("z.txt", Utf8("date 2023-02-01 Lima: In a zip in a tar.")));
        folder.WriteTar("in/sub/outer.tar.gz", ("inner.zip", innerZip), ("t.txt", Utf8("date 2023-02-02 Quito: In the tar.")));

        var report = index.IndexPaths([Path.Combine(folder.Path, "in")], IngestOptions.Default);

        Assert.Empty(report.Rejected);
        Assert.Equal("Lima", index.Get("sub/outer.tar.gz/inner.zip/z.txt")!.Article.Dateline);
        Assert.Equal("Quito", index.Get("sub/outer.tar.gz/t.txt")!.Article.Dateline);
    }

    [Fact]
    public void ProblemsInsideAnArchive_NameTheMember_AndTheRestIsRead()
    {
        var path = folder.WriteTar("b.tar",
            ("good.txt", Utf8("date 2023-01-01 Paris: Fine.")),
            ("bad.txt", Utf8("date 2023-02-30 Rome: Impossible.")),
            ("broken.jsonl.gz", Utf8("this is not gzip")),
            ("after.txt", Utf8("date 2023-01-05 Oslo: Still read.")));

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(2, report.Added);
        Assert.Equal($"{path}/bad.txt:1: impossible date 2023-02-30: February 2023 has 28 days", report.Rejected[0].ToString());
        Assert.StartsWith($"{path}/broken.jsonl.gz: cannot read", report.Rejected[1].ToString(), StringComparison.Ordinal);
        Assert.Equal(2, report.Rejected.Count);
    }

    [Fact]
    public void TruncatedArchive_KeepsWhatWasRead_AndReportsTheRest()
    {
        var whole = File.ReadAllBytes(folder.WriteTar("whole.tar.gz",
            [.. Enumerable.Range(1, 50).Select(i => ($"a{i:00}.txt", Utf8($"date 2023-01-01 Paris: Article number {i} with some text.")))]));
        folder.WriteBytes("in/cut.tar.gz", whole[..(whole.Length / 2)]);
        folder.Write("in/later.txt", "date 2023-01-02 Rome: Read after the broken archive.");

        var report = index.IndexPaths([Path.Combine(folder.Path, "in")], IngestOptions.Default);

        var problem = Assert.Single(report.Rejected);
        Assert.EndsWith("cut.tar.gz", problem.Source, StringComparison.Ordinal);
        Assert.NotNull(index.Get("later.txt"));
    }

    [Fact]
    public void EmptyArchive_IsReported()
    {
        var path = folder.WriteTar("empty.tar");

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal("empty archive: it holds no files", Assert.Single(report.Rejected).Reason);
    }

    private static byte[] GzipBytes(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8(text));
        }
        return buffer.ToArray();
    }
}
