using System.Globalization;
using System.IO.Compression;
using CsCheck;
using NewsSearch.Ingest;

namespace NewsSearch.Tests.Ingest;

/// <summary>JSON Lines through <see cref="NewsIndex.IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>.</summary>
public sealed class JsonLinesTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly NewsIndex index = NewsIndex.CreateInMemory();

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Fields_AreRead_OtherFieldsIgnored_TitleSearchable()
    {
        var path = folder.Write("feed.jsonl",
            """
            {"id": "a1", "date": "2023-03-07", "dateline": "New Delhi", "title": "Guardrails summit", "body": "First paragraph.\n\nSecond.", "url": "https://x", "tags": [1, 2]}
            {"id": 17, "date": null, "title": null, "body": "Numbered id, no date, no title."}

            """);

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(2, report.Added);
        Assert.Empty(report.Rejected);
        var article = index.Get("a1")!.Article;
        Assert.Equal((new DateOnly(2023, 3, 7), "New Delhi", "Guardrails summit"), (article.Date, article.Dateline, article.Title));
        Assert.Equal("First paragraph.\n\nSecond.", article.Body);
        Assert.Null(index.Get("17")!.Article.Title);
        Assert.Null(index.Get("17")!.Article.Date);
        var hit = Assert.Single(index.Search(new SearchRequest { Query = "title:summit" }).Hits);
        Assert.Equal("Guardrails summit", hit.Title);
    }

    [Theory]
    [InlineData("2023-03-07", 7)]
    [InlineData("2023-03-07T14:30:00", 7)]
    [InlineData("2023-03-07T23:30:00-05:00", 7)]
    [InlineData("2023-03-07T01:15:00+09:00", 7)]
    [InlineData("2023-03-07T00:00:00Z", 7)]
    [InlineData("1987-02-26T15:01:01.79", 26)]
    [InlineData("2023-03-07 08:00", 7)]
    public void Dates_AreTheCalendarDayAsWritten_WhateverTheOffset(string date, int day)
    {
        var path = folder.Write("d.jsonl", $$"""{"id": "d", "date": "{{date}}", "body": "text"}""");

        index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(day, index.Get("d")!.Article.Date!.Value.Day);
    }

    [Fact]
    public void BadLines_AreReportedWithFileAndLine_AndSkipped()
    {
        var path = folder.Write("mixed.jsonl", string.Join('\n',
            """{"id": "ok1", "body": "fine"}""",
            """{"id": "x", "body": "unterminated""",
            """{"id": "nobody", "title": null}""",
            """{"id": "empty", "body": "   "}""",
            """{"id": "d1", "date": "07/03/2023", "body": "text"}""",
            """{"id": "d2", "date": "2023-02-30", "body": "text"}""",
            """{"id": "t", "title": 5, "body": "text"}""",
            """[1, 2]""",
            """{"id": "ok2", "body": "fine too"}"""));

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(2, report.Added);
        var problems = report.Rejected.Select(p => $"{p.Line}: {p.Reason.Split([':', '('])[0].Trim()}").ToList();
        Assert.Equal(["2: not JSON", "3: no body", "4: no body", "5: bad date '07/03/2023'", "6: impossible date 2023-02-30", "7: bad \"title\"",
            "8: not a JSON object but an array"], problems);
        Assert.All(report.Rejected, p => Assert.Equal(path, p.Source));
        Assert.Contains("February 2023 has 28 days", report.Rejected[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_IsFoundByPlainWords_ButNoPhraseSpansHeadlineAndText()
    {
        var path = folder.Write("headlines.jsonl", """{"id": "h1", "date": "1987-03-02", "title": "BAHIA COCOA REVIEW", "body": "Showers continued throughout the week in the Bahia zone."}""" + "\n");

        index.IndexPaths([path], IngestOptions.Default);

        var hit = Assert.Single(index.Search(new SearchRequest { Query = "cocoa" }).Hits);
        Assert.Equal("BAHIA COCOA REVIEW", hit.Title);
        Assert.StartsWith("Showers continued", hit.Snippet!.Text, StringComparison.Ordinal);
        Assert.Equal(0, index.Search(new SearchRequest { Query = "\"review showers\"" }).TotalHits);
        Assert.Equal("Showers continued throughout the week in the Bahia zone.", index.Get("h1")!.Article.Body);
    }

    [Fact]
    public void Brief_WithATitleAndNoBody_IsIndexedWithTheTitleAsItsText()
    {
        var path = folder.Write("briefs.jsonl", """{"id": "b1", "date": "1987-03-02", "title": "BANK OF JAPAN BUYS DOLLARS IN TOKYO"}""" + "\n");

        var report = index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(1, report.Added);
        Assert.Empty(report.Rejected);
        Assert.Equal(1, index.Search(new SearchRequest { Query = "tokyo dollars" }).TotalHits);
        Assert.Equal("BANK OF JAPAN BUYS DOLLARS IN TOKYO", index.Get("b1")!.Article.Title);
    }

    [Fact]
    public void RecordWithoutId_IsNamedByFileAndLine()
    {
        var path = folder.Write("noid.jsonl", "{\"body\": \"first\"}\n{\"body\": \"second\"}\n");

        index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal("second", index.Get("noid.jsonl#2")!.Article.Body);
    }

    [Fact]
    public void Gzipped_AndStandardInput_AreRead()
    {
        var gz = folder.WriteGzip("feed.jsonl.gz", "{\"id\": \"g\", \"body\": \"gzipped\"}\n");
        var stdinText = TestFolder.Utf8("{\"id\": \"s\", \"body\": \"piped\"}\n");
        using var gzipped = new MemoryStream();
        using (var writer = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write(TestFolder.Utf8("{\"id\": \"sz\", \"body\": \"piped and gzipped\"}\n"));
        }
        var inputs = new Queue<Stream>([new MemoryStream(stdinText), new MemoryStream(gzipped.ToArray())]);
        var options = new IngestOptions { OpenStandardInput = inputs.Dequeue };

        var report = index.IndexPaths([gz, "-"], options);
        var second = index.IndexPaths(["-"], options);

        Assert.Equal((2, 1), (report.Added, second.Added));
        Assert.Equal("gzipped", index.Get("g")!.Article.Body);
        Assert.Equal("piped", index.Get("s")!.Article.Body);
        Assert.Equal("piped and gzipped", index.Get("sz")!.Article.Body);
        Assert.Null(index.Get("s")!.Article.Source);
    }

    [Fact]
    public void RecordWithoutDateline_TakesTheWireDatelineFromItsBody()
    {
        var path = folder.Write("wire.jsonl",
            """
            {"id": "w1", "dateline": "", "body": "NEW YORK, March 3 - Stocks rose."}
            {"id": "w2", "body": "WASHINGTON (Reuters) - The Senate voted."}
            {"id": "w3", "dateline": "Paris", "body": "LONDON, Feb 26 (AP) — Kept as written: the record has its own dateline."}
            """);

        index.IndexPaths([path], IngestOptions.Default);

        Assert.Equal(("NEW YORK", "Stocks rose."), (index.Get("w1")!.Article.Dateline, index.Get("w1")!.Article.Body));
        Assert.Equal("WASHINGTON", index.Get("w2")!.Article.Dateline);
        Assert.Equal("Paris", index.Get("w3")!.Article.Dateline);
        Assert.StartsWith("LONDON, Feb 26", index.Get("w3")!.Article.Body, StringComparison.Ordinal);
        Assert.Equal(1, index.Search(new SearchRequest { Dateline = "new york" }).TotalHits);
        Assert.Equal("New York", index.Search(new SearchRequest { Query = "stocks" }).Hits[0].Dateline);
    }

    [Fact]
    public void EmptyFile_AndBinaryFile_AreRejectedWhole()
    {
        folder.Write("in/empty.jsonl", "\n\n");
        folder.WriteBytes("in/binary.jsonl", [0x7B, 0x00, 0x01, 0x7D]);

        var report = index.IndexPaths([Path.Combine(folder.Path, "in")], IngestOptions.Default);

        var reasons = report.Rejected.Select(p => p.Reason).Order(StringComparer.Ordinal).ToList();
        Assert.Collection(reasons,
            reason => Assert.StartsWith("binary file", reason, StringComparison.Ordinal),
            reason => Assert.StartsWith("empty file", reason, StringComparison.Ordinal));
    }

    [Fact]
    public void AnyValidTimestamp_GivesItsWrittenDay()
    {
        var day = Gen.Date.Where(d => d.Year >= 1).Select(DateOnly.FromDateTime);
        var offset = Gen.OneOf("", "Z", "+00:00", "-05:00", "+0930", "+14:00");
        Gen.Select(day, Gen.Int[0, 23], Gen.Int[0, 59], offset).Sample((d, hour, minute, zone) =>
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd}T{hour:00}:{minute:00}:00{zone}");
            return JsonLinesReader.TryParseDate(text, out var parsed, out _) && parsed == d;
        });
    }
}
