using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsSearch.Indexing;

namespace NewsSearch.Benchmarks;

/// <summary>
/// How fast bare Lucene.NET 4.8 indexes what the peers' Lucene adapters index (one English-analyzed text field of
/// title and body, the id stored, the date as an int field; fields reused, 256 MB RAM buffer), with the corpus
/// already parsed into memory: the ceiling for NewsSearch's indexing on this runtime, to hold against Java Lucene
/// 4.10's figure for the same documents. Prints articles/s for 1 and 2 threads, median of the rounds.
/// </summary>
internal static class LuceneCeiling
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks lucene-ceiling CORPUS.jsonl.gz [ROUNDS=3] [--ladder]");
            return 2;
        }
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var articles = Load(args[0]);
        if (args.Contains("--ladder"))
        {
            foreach (var threads in new[] { 1, 2 })
            {
                Ladder(articles, rounds, threads);
            }
            return 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count:N0} articles from {args[0]}, parsed before the clock starts"));
        foreach (var threads in new[] { 1, 2 })
        {
            var rates = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                rates.Add(articles.Count / Index(articles, threads).TotalSeconds);
            }
            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{threads} thread(s): {rates[rates.Count / 2]:N0} articles/s (median of {rounds}; {rates[0]:N0} to {rates[^1]:N0})"));
        }
        return 0;
    }

    private static TimeSpan Index(List<(string Id, string Text, int Date)> articles, int threads)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newssearch-lucene-ceiling-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using (var directory = FSDirectory.Open(folder))
            using (var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256 }))
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
                {
                    var id = new StringField("id", string.Empty, Field.Store.YES);
                    var text = new TextField("text", string.Empty, Field.Store.NO);
                    var date = new Int32Field("date", 0, Field.Store.NO);
                    var document = new Document { id, text, date };
                    for (var i = worker; i < articles.Count; i += threads)
                    {
                        id.SetStringValue(articles[i].Id);
                        text.SetStringValue(articles[i].Text);
                        date.SetInt32Value(articles[i].Date);
                        writer.AddDocument(document);
                    }
                });
                writer.Commit();
            }
            return clock.Elapsed;
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Where indexing time goes between the peers' document and NewsSearch's: the same parsed articles indexed with
    /// NewsSearch's analyzer, adding one part of NewsSearch's article document at a time.
    /// </summary>
    private static void Ladder(List<(string Id, string Text, int Date)> articles, int rounds, int threads)
    {
        string[] steps =
        [
            "bare (id, unstored text, date)", "+ text stored", "+ lead field", "+ doc values (date, dateline, summary)",
            "+ UpdateDocuments by id", "+ title, dateline text", "+ fingerprint term",
        ];
        Console.WriteLine($"{threads} thread(s):");
        for (var step = 0; step < steps.Length; step++)
        {
            var rates = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                rates.Add(articles.Count / IndexLadderStep(articles, step, threads).TotalSeconds);
            }
            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {steps[step],-40} {rates[rates.Count / 2],8:N0} articles/s"));
        }
    }

    private static TimeSpan IndexLadderStep(List<(string Id, string Text, int Date)> articles, int step, int threads)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newssearch-lucene-ladder-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using (var directory = FSDirectory.Open(folder))
            using (var analyzer = Analysis.NewsAnalyzer.Create())
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256 }))
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
                {
                    var id = new StringField(NewsFields.Id, string.Empty, Field.Store.YES);
                    var text = new TextField(NewsFields.Body, string.Empty, step >= 1 ? Field.Store.YES : Field.Store.NO);
                    var date = new Int32Field(NewsFields.Date, 0, Field.Store.YES);
                    var lead = new TextField(NewsFields.Lead, string.Empty, Field.Store.NO);
                    var dateValue = new NumericDocValuesField(NewsFields.Date, 0);
                    var datelineValue = new SortedDocValuesField(NewsFields.DatelineFacet, new BytesRef("LONDON"));
                    var summary = new BinaryDocValuesField(NewsFields.HitSummary, new BytesRef());
                    var title = new TextField(NewsFields.Title, string.Empty, Field.Store.YES);
                    var titleInBody = new TextField(NewsFields.Body, string.Empty, Field.Store.NO);
                    var dateline = new TextField(NewsFields.Dateline, "LONDON", Field.Store.YES);
                    var datelineKey = new StringField(NewsFields.DatelineKey, "london", Field.Store.NO);
                    var fingerprint = new StringField(NewsFields.Fingerprint, string.Empty, Field.Store.NO);
                    var document = new Document { id, text, date };
                    IIndexableField[][] added = [[], [], [lead], [dateValue, datelineValue, summary], [], [title, titleInBody, dateline, datelineKey], [fingerprint]];
                    foreach (var field in added.Take(step + 1).SelectMany(f => f))
                    {
                        document.Add(field);
                    }
                    for (var i = worker; i < articles.Count; i += threads)
                    {
                        var (articleId, body, day) = articles[i];
                        id.SetStringValue(articleId);
                        text.SetStringValue(body);
                        lead.SetStringValue(body);
                        date.SetInt32Value(day);
                        dateValue.SetInt64Value(day);
                        summary.SetBytesValue(new BytesRef(articleId));
                        var firstLine = body.IndexOf('\n', StringComparison.Ordinal);
                        title.SetStringValue(firstLine > 0 ? body[..firstLine] : string.Empty);
                        titleInBody.SetStringValue(title.GetStringValue());
                        fingerprint.SetStringValue(articleId + "\u0000" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)), 0, 16));
                        if (step >= 4)
                        {
                            writer.UpdateDocument(new Term(NewsFields.Id, articleId), document);
                        }
                        else
                        {
                            writer.AddDocument(document);
                        }
                    }
                });
                writer.Commit();
            }
            return clock.Elapsed;
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string Id, string Text, int Date)> Load(string path)
    {
        var articles = new List<(string, string, int)>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var date = Text("date") is { Length: >= 10 } d
                ? int.Parse(d[..4], CultureInfo.InvariantCulture) * 10000 + int.Parse(d[5..7], CultureInfo.InvariantCulture) * 100 + int.Parse(d[8..10], CultureInfo.InvariantCulture)
                : 0;
            articles.Add((Text("id") ?? string.Empty, (Text("title") ?? string.Empty) + "\n" + (Text("body") ?? string.Empty), date));
        }
        return articles;
    }
}
