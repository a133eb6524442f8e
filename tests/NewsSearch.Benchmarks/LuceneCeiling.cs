using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Lucene.Net.Analysis;
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
        var ladder = args.Contains("--ladder");
        var rounds = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : 3;
        var articles = Load(args[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count:N0} articles from {args[0]}, parsed before the clock starts"));
        foreach (var threads in new[] { 1, 2 })
        {
            if (ladder)
            {
                Ladder(articles, rounds, threads);
                continue;
            }
            var rates = MedianRate(articles.Count, rounds, () => Index(articles, threads));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{threads} thread(s): {rates.Median:N0} articles/s (median of {rounds}; {rates.Low:N0} to {rates.High:N0})"));
        }
        return 0;
    }

    /// <summary>The peers' document: id, unstored text, date, with Lucene's English analyzer.</summary>
    private static TimeSpan Index(List<(string Id, string Text, int Date)> articles, int threads)
    {
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        return TimeIndexing(analyzer, threads, (writer, worker) =>
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
    }

    /// <summary>The parts of NewsSearch's article document, in the order the ladder adds them.</summary>
    private enum LadderStep
    {
        Bare,
        TextStored,
        DocValues,
        UpdateById,
        TitleAndDateline,
        Fingerprint,
    }

    private static readonly Dictionary<LadderStep, string> LadderNames = new()
    {
        [LadderStep.Bare] = "bare (id, unstored text, date)",
        [LadderStep.TextStored] = "+ text stored",
        [LadderStep.DocValues] = "+ doc values (date, dateline, summary)",
        [LadderStep.UpdateById] = "+ UpdateDocuments by id",
        [LadderStep.TitleAndDateline] = "+ title, dateline text",
        [LadderStep.Fingerprint] = "+ content fingerprint (doc values)",
    };

    /// <summary>
    /// Where indexing time goes between the peers' document and NewsSearch's: the same parsed articles indexed with
    /// NewsSearch's analyzer, adding one part of NewsSearch's article document at a time.
    /// </summary>
    private static void Ladder(List<(string Id, string Text, int Date)> records, int rounds, int threads)
    {
        // NewsSearch rejects records without text, and its fingerprint needs the text.
        var articles = records.Where(a => !string.IsNullOrWhiteSpace(a.Text)).ToList();
        Console.WriteLine($"{threads} thread(s), median of {rounds}:");
        foreach (var step in Enum.GetValues<LadderStep>())
        {
            var rates = MedianRate(articles.Count, rounds, () => IndexLadderStep(articles, step, threads));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {LadderNames[step],-40} {rates.Median,8:N0} articles/s"));
        }
    }

    private static TimeSpan IndexLadderStep(List<(string Id, string Text, int Date)> articles, LadderStep step, int threads)
    {
        using var analyzer = Analysis.NewsAnalyzer.Create();
        return TimeIndexing(analyzer, threads, (writer, worker) =>
        {
            var id = new StringField(NewsFields.Id, string.Empty, Field.Store.YES);
            var text = new TextField(NewsFields.Body, string.Empty, step >= LadderStep.TextStored ? Field.Store.YES : Field.Store.NO);
            var date = new Int32Field(NewsFields.Date, 0, Field.Store.YES);
            var dateValue = new NumericDocValuesField(NewsFields.Date, 0);
            var summary = new BinaryDocValuesField(NewsFields.HitSummary, new BytesRef());
            var title = new TextField(NewsFields.Title, string.Empty, Field.Store.YES);
            var titleInBody = new TextField(NewsFields.Body, string.Empty, Field.Store.NO);
            var fingerprint = new BinaryDocValuesField(NewsFields.Fingerprint, new BytesRef());
            var document = new Document { id, text, date };
            void AddFrom(LadderStep from, params IIndexableField[] fields)
            {
                if (step >= from)
                {
                    foreach (var field in fields)
                    {
                        document.Add(field);
                    }
                }
            }
            AddFrom(LadderStep.DocValues, dateValue, summary, new SortedDocValuesField(NewsFields.DatelineFacet, new BytesRef("LONDON")));
            AddFrom(LadderStep.TitleAndDateline, title, titleInBody,
                new TextField(NewsFields.Dateline, "LONDON", Field.Store.YES), new StringField(NewsFields.DatelineKey, "london", Field.Store.NO));
            AddFrom(LadderStep.Fingerprint, fingerprint);

            for (var i = worker; i < articles.Count; i += threads)
            {
                var (articleId, body, day) = articles[i];
                id.SetStringValue(articleId);
                text.SetStringValue(body);
                date.SetInt32Value(day);
                if (step >= LadderStep.DocValues)
                {
                    dateValue.SetInt64Value(day);
                    summary.SetBytesValue(new BytesRef(articleId));
                }
                if (step >= LadderStep.TitleAndDateline)
                {
                    var firstLine = body.IndexOf('\n', StringComparison.Ordinal);
                    title.SetStringValue(firstLine > 0 ? body[..firstLine] : string.Empty);
                    titleInBody.SetStringValue(title.GetStringValue());
                }
                if (step >= LadderStep.Fingerprint)
                {
                    // NewsSearch's own fingerprint, hashing what it hashes.
                    var article = new Article(articleId, null, "LONDON", body);
                    fingerprint.SetBytesValue(ArticleDocument.FingerprintValue(ArticleDocument.Fingerprint(article, extracted: false)));
                }
                if (step >= LadderStep.UpdateById)
                {
                    writer.UpdateDocument(new Term(NewsFields.Id, articleId), document);
                }
                else
                {
                    writer.AddDocument(document);
                }
            }
        });
    }

    /// <summary>Times indexing into a fresh folder on disk, final commit included; <paramref name="write"/> runs once per thread.</summary>
    private static TimeSpan TimeIndexing(Analyzer analyzer, int threads, Action<IndexWriter, int> write)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newssearch-lucene-ceiling-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using (var directory = FSDirectory.Open(folder))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 256 }))
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker => write(writer, worker));
                writer.Commit();
            }
            return clock.Elapsed;
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Median, double Low, double High) MedianRate(int articles, int rounds, Func<TimeSpan> run)
    {
        var rates = Enumerable.Range(0, rounds).Select(_ => articles / run().TotalSeconds).Order().ToList();
        return (rates[rates.Count / 2], rates[0], rates[^1]);
    }

    internal static List<(string Id, string Text, int Date)> Load(string path)
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
