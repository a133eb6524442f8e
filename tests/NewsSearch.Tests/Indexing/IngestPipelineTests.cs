using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsSearch.Indexing;
using RAMDirectory = Lucene.Net.Store.RAMDirectory;

namespace NewsSearch.Tests.Indexing;

/// <summary>
/// The indexing run: re-runs, updates, pruning, several threads, commits, interruptions and crashes, one broken
/// article among good ones.
/// </summary>
public sealed class IngestPipelineTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string IndexPath => Path.Combine(folder.Path, "index");

    private string Input => Path.Combine(folder.Path, "in");

    [Fact]
    public void BulkRun_EndsMerged_ASmallUpdateDoesNot()
    {
        using var index = NewsIndex.OpenOrCreate(IndexPath);
        for (var i = 0; i < 3; i++)
        {
            index.Upsert(new Article($"a{i}", new DateOnly(2023, 1, 1 + i), "Paris", $"Article {i} about the summit."));
            index.Commit();
        }

        Assert.False(index.MergeAfterBulkWrite(NewsIndex.BulkArticles - 1));
        Assert.Equal(3, Directory.GetFiles(IndexPath, "*.si").Length);
        Assert.True(index.MergeAfterBulkWrite(NewsIndex.BulkArticles));
        Assert.Equal(3, index.Search(new SearchRequest { Query = "summit" }).TotalHits);

        using var reopened = NewsIndex.Open(IndexPath);
        Assert.Equal(3, reopened.Count);
        // A small index ends in one segment: a second would cost every query more than it saves the merge.
        Assert.Single(Directory.GetFiles(IndexPath, "*.si"));
    }

    [Fact]
    public void FinalMerge_OfALargeIndex_SplitsTheSegmentsIntoTwoEvenGroups()
    {
        Assert.Equal(1, FinalMergePolicy.SegmentsFor(FinalMergePolicy.TwoSegmentArticles - 1));
        Assert.Equal(2, FinalMergePolicy.SegmentsFor(FinalMergePolicy.TwoSegmentArticles));

        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergePolicy = new FinalMergePolicy(),
            MergeScheduler = FinalMergePolicy.Scheduler(),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            // Six segments of 1 to 6 documents, 21 in all.
            for (var segment = 1; segment <= 6; segment++)
            {
                for (var i = 0; i < segment; i++)
                {
                    writer.AddDocument([new TextField("body", $"document {segment}.{i} about the summit", Field.Store.YES)]);
                }
                writer.Commit();
            }
            writer.ForceMerge(FinalMergePolicy.SegmentsFor(FinalMergePolicy.TwoSegmentArticles));
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(21, reader.NumDocs);
        // Largest segment first, each into the smaller group so far: 6 + 3 + 2 and 5 + 4 + 1 documents.
        Assert.Equal([10, 11], reader.Leaves.Select(leaf => leaf.Reader.MaxDoc).Order());
    }

    [Fact]
    public void Fingerprint_ChangesWithEveryPart_AndWithTextMovedBetweenParts()
    {
        static Article Make(string id = "a1", DateOnly? date = null, bool undated = false, string dateline = "Paris", string? title = "Summit",
            string? source = "wire", string body = "The summit opened.") =>
            new(id, undated ? null : date ?? new DateOnly(2023, 1, 2), dateline, body) { Title = title, Source = source };
        static string Of(Article a, bool extracted = true) => ArticleDocument.Fingerprint(a, extracted);
        var article = Make();
        var variants = new[]
        {
            Of(article),
            Of(article, extracted: false),
            Of(Make(id: "a2")),
            Of(Make(date: new DateOnly(2023, 1, 3))),
            Of(Make(undated: true)),
            Of(Make(dateline: "Lyon")),
            Of(Make(title: "Summit.")),
            Of(Make(title: null)),
            Of(Make(source: "wires")),
            Of(Make(body: "The summit opened!")),
            // The same characters, split between two parts differently.
            Of(Make(title: "SummitThe summit", body: "opened.")),
            Of(Make(dateline: "ParisSummit", title: "")),
        };

        Assert.Equal(variants.Length, variants.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Of(article), Of(Make()));
        Assert.Equal(32, Of(article).Length);
    }

    [Fact]
    public void ReRun_OnUnchangedInput_WritesNothing()
    {
        WriteArticles("in/feed.jsonl", 60);
        folder.Write("in/a.txt", "date 2023-01-01 Paris: One.");
        using var index = NewsIndex.OpenOrCreate(IndexPath);
        var first = index.IndexPaths([Input], IngestOptions.Default);
        var files = Directory.GetFiles(IndexPath).Order(StringComparer.Ordinal).ToList();

        var second = index.IndexPaths([Input], IngestOptions.Default);

        Assert.Equal((61, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 61), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(files, Directory.GetFiles(IndexPath).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(TimeSpan.Zero, second.Stages!.Prepare);
    }

    [Fact]
    public void ChangedArticle_IsUpdated_InPlace()
    {
        var feed = WriteArticles("in/feed.jsonl", 5);
        using var index = NewsIndex.OpenOrCreate(IndexPath);
        index.IndexPaths([Input], IngestOptions.Default);

        File.WriteAllText(feed, File.ReadAllText(feed).Replace("Article number 3 ", "Article number 3 revised ", StringComparison.Ordinal));
        var second = index.IndexPaths([Input], IngestOptions.Default);

        Assert.Equal((0, 1, 4), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(5, index.Count);
        Assert.Equal("r3", Assert.Single(index.Search(new SearchRequest { Query = "revised" }).Hits).Id);
    }

    [Fact]
    public void Prune_DeletesArticlesWhoseFileMemberOrRecordIsGone()
    {
        folder.Write("in/a.txt", "date 2023-01-01 Paris: Stays.");
        var gone = folder.Write("in/b.txt", "date 2023-01-02 Rome: File deleted.");
        var feed = folder.Write("in/feed.jsonl", "{\"id\": \"r1\", \"body\": \"Stays.\"}\n{\"id\": \"r2\", \"body\": \"Record removed.\"}\n");
        folder.WriteTar("in/pack.tar", ("m1.txt", TestFolder.Utf8("date 2023-01-03 Oslo: Stays.")), ("m2.txt", TestFolder.Utf8("date 2023-01-04 Bern: Member removed.")));
        folder.Write("elsewhere/x.txt", "date 2023-01-05 Lima: Other input, untouched.");
        using var index = NewsIndex.OpenOrCreate(IndexPath);
        index.IndexPaths([Input, Path.Combine(folder.Path, "elsewhere")], IngestOptions.Default);

        File.Delete(gone);
        File.WriteAllText(feed, "{\"id\": \"r1\", \"body\": \"Stays.\"}\n");
        folder.WriteTar("in/pack.tar", ("m1.txt", TestFolder.Utf8("date 2023-01-03 Oslo: Stays.")));
        var withoutPrune = index.IndexPaths([Input], IngestOptions.Default);
        var pruned = index.IndexPaths([Input], new IngestOptions { Prune = true });

        Assert.Equal(0, withoutPrune.Deleted);
        Assert.Equal((3, 3), (pruned.Deleted, pruned.Unchanged));
        Assert.Equal(["a.txt", "pack.tar/m1.txt", "r1", "x.txt"], AllIds(index));
    }

    [Fact]
    public void Prune_KeepsTheArticlesOfAnInputThatCouldNotBeRead()
    {
        folder.WriteTar("in/pack.tar.gz", ("m1.txt", TestFolder.Utf8("date 2023-01-03 Oslo: One.")), ("m2.txt", TestFolder.Utf8("date 2023-01-04 Bern: Two.")));
        using var index = NewsIndex.OpenOrCreate(IndexPath);
        index.IndexPaths([Input], IngestOptions.Default);

        folder.WriteBytes("in/pack.tar.gz", [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        var report = index.IndexPaths([Input], new IngestOptions { Prune = true });

        Assert.Equal(0, report.Deleted);
        Assert.Single(report.Rejected);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void SameIdSeveralTimes_LastCopyWins_WhateverTheThreads()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"{{\"id\": \"a{i % 7}\", \"body\": \"copy {i} of {i % 7}\"}}");
        var path = folder.Write("dup.jsonl", string.Join('\n', lines));
        using var index = NewsIndex.CreateInMemory();

        var report = index.IndexPaths([path], new IngestOptions { Threads = 4 });

        Assert.Equal((7, 293), (report.Added, report.Updated));
        Assert.Equal(7, index.Count);
        Assert.Equal("copy 299 of 5", index.Get("a5")!.Article.Body);
        Assert.Equal("copy 293 of 6", index.Get("a6")!.Article.Body);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AnyNumberOfThreads_GivesTheSameIndex(int threads)
    {
        WriteArticles("in/feed.jsonl", 200);
        using var index = NewsIndex.CreateInMemory();

        var report = index.IndexPaths([Input], new IngestOptions { Threads = threads, CommitEvery = 37 });

        Assert.Equal(200, report.Added);
        Assert.Equal(threads, report.Stages!.Threads);
        Assert.Equal(200, index.Count);
        Assert.Equal(20, index.Search(new SearchRequest { Query = "topic7", Limit = 0 }).TotalHits);
    }

    [Fact]
    public void OptionsThatCannotWork_AreRefusedWhenSet_NamingTheOption()
    {
        Assert.Equal("CommitEvery", Assert.Throws<ArgumentOutOfRangeException>(() => new IngestOptions { CommitEvery = 0 }).ParamName);
        Assert.Equal("CommitEvery", Assert.Throws<ArgumentOutOfRangeException>(() => IngestOptions.Default with { CommitEvery = -5 }).ParamName);
        Assert.Equal("CommitInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new IngestOptions { CommitInterval = TimeSpan.Zero }).ParamName);
        Assert.Equal("Threads", Assert.Throws<ArgumentOutOfRangeException>(() => new IngestOptions { Threads = 0 }).ParamName);

        var smallest = new IngestOptions { CommitEvery = 1, CommitInterval = TimeSpan.FromTicks(1), Threads = 1 };
        Assert.Equal((1, TimeSpan.FromTicks(1), 1), (smallest.CommitEvery, smallest.CommitInterval, smallest.Threads));
    }

    [Fact]
    public void OneArticleLuceneRefuses_IsRejected_AndTheBatchGoesOn()
    {
        // An id is one untokenized term, and Lucene refuses terms over 32,766 bytes.
        var path = folder.Write("feed.jsonl",
            $"{{\"id\": \"ok1\", \"body\": \"fine\"}}\n{{\"id\": \"{new string('x', 40_000)}\", \"body\": \"huge id\"}}\n{{\"id\": \"ok2\", \"body\": \"fine\"}}\n");
        using var index = NewsIndex.CreateInMemory();

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(2, report.Added);
        Assert.StartsWith("Internal error: article 'xxx", Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Interrupted_KeepsWhatWasWritten_AndTheNextRunCompletesIt()
    {
        var jsonl = Encoding.UTF8.GetBytes(ArticlesText(2000));
        using var cancel = new CancellationTokenSource();
        IndexReport interrupted;
        using (var index = NewsIndex.OpenOrCreate(IndexPath))
        {
            // Standard input that asks for a stop half way through, as Ctrl-C would.
            var options = new IngestOptions { OpenStandardInput = () => new CancelAfter(jsonl, jsonl.Length / 2, cancel) };
            interrupted = index.IndexPaths(["-"], options, cancellation: cancel.Token);
        }

        int committed;
        using (var reopened = NewsIndex.Open(IndexPath))
        {
            committed = reopened.Count;
            Assert.True(interrupted.Interrupted);
            Assert.InRange(committed, 1, 1999);
            Assert.Equal(committed, interrupted.Added);
            Assert.Equal(committed, reopened.Search(new SearchRequest { Query = "article", Limit = 0 }).TotalHits);

            var next = reopened.IndexPaths(["-"], new IngestOptions { OpenStandardInput = () => new MemoryStream(jsonl) });

            Assert.False(next.Interrupted);
            Assert.Equal((2000 - committed, committed), (next.Added, next.Unchanged));
            Assert.Equal(2000, reopened.Count);
        }
    }

    [Fact]
    public void Crash_LeavesTheLastCommit_AndTheNextRunCompletesIt()
    {
        WriteArticles("in/first.jsonl", 100);
        var crashed = Path.Combine(folder.Path, "crashed");
        using (var index = NewsIndex.OpenOrCreate(IndexPath, new NewsIndexOptions { RamBufferMB = 1 }))
        {
            index.IndexPaths([Input], IngestOptions.Default);
            // Enough uncommitted text to make the writer flush segments to disk, which a crash leaves behind.
            for (var i = 0; i < 3000; i++)
            {
                index.Upsert(new Article($"late{i}", null, "", string.Concat(Enumerable.Repeat($"uncommitted words {i} ", 60))));
            }
            // What a kill at this moment leaves on disk: every file as it is now, the write lock included.
            Directory.CreateDirectory(crashed);
            foreach (var file in Directory.GetFiles(IndexPath))
            {
                File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
            }
            Assert.True(Directory.GetFiles(crashed).Length > 4);
        }

        using var recovered = NewsIndex.Open(crashed);
        Assert.Equal(100, recovered.Count);
        Assert.Equal(0, recovered.Search(new SearchRequest { Query = "uncommitted", Limit = 0 }).TotalHits);
        WriteArticles("in/second.jsonl", 50, firstId: 100);
        var next = recovered.IndexPaths([Input], IngestOptions.Default);
        Assert.Equal((50, 100), (next.Added, next.Unchanged));
        Assert.Equal(150, recovered.Count);
    }

    [Fact]
    public void Progress_IsReported_WithBytesAndArticles()
    {
        WriteArticles("in/feed.jsonl", 50);
        var seen = new List<IngestProgress>();
        using var index = NewsIndex.CreateInMemory();

        index.IndexPaths([Input], IngestOptions.Default, new Recorder(seen));

        var last = seen[^1];
        Assert.Equal(50, last.Articles);
        Assert.Equal(new FileInfo(Path.Combine(Input, "feed.jsonl")).Length, last.InputBytesRead);
        Assert.True(last.InputBytesTotal is null || last.InputBytesTotal == last.InputBytesRead);
    }

    private string WriteArticles(string relativePath, int count, int firstId = 0) =>
        folder.Write(relativePath, ArticlesText(count, firstId));

    private static string ArticlesText(int count, int firstId = 0) => string.Concat(Enumerable.Range(firstId, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\": \"r{i}\", \"date\": \"2023-03-{1 + (i % 28):00}\", \"body\": \"WASHINGTON (Reuters) - Article number {i} about topic{i % 10}.\"}}\n")));

    private static List<string> AllIds(NewsIndex index) =>
        [.. index.Search(new SearchRequest { Limit = 100 }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal)];

    private sealed class Recorder(List<IngestProgress> seen) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }

    /// <summary>A stream that cancels a token once a given number of bytes has been read from it.</summary>
    private sealed class CancelAfter(byte[] data, int after, CancellationTokenSource cancel) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= after)
            {
                cancel.Cancel();
            }
            return base.Read(buffer, offset, Math.Min(count, 4096));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= after)
            {
                cancel.Cancel();
            }
            return base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
        }
    }
}
