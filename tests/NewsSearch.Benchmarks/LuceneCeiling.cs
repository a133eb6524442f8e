using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

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
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks lucene-ceiling CORPUS.jsonl.gz [ROUNDS=3]");
            return 2;
        }
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var articles = Load(args[0]);
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
