using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using NewsSearch.Extraction;
using NewsSearch.Ingest;

using static NewsSearch.Benchmarks.AlternatingRounds;

namespace NewsSearch.Benchmarks;

/// <summary>
/// Indexing speed with quotation and speaker extraction on and off, on Reuters-21578 in the seed format: the
/// articles are read from the archive into memory first, so the clock sees only indexing (extraction, analysis,
/// Lucene writes, the final commit). The two settings alternate round by round on the same machine, and the
/// report gives each setting's median and the median of the per-round ratios.
/// </summary>
internal static class ExtractionSpeed
{
    private const int ExtractionPasses = 7;

    public static int Run(string[] args)
    {
        var corpus = Option(args, "--corpus") ?? Path.Combine("..", "shared", "corpora", "reuters21578", "seedformat.tar.gz");
        var rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"no corpus at {corpus}: pass --corpus PATH/TO/reuters21578/seedformat.tar.gz");
            return 2;
        }

        var articles = Load(corpus);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count:N0} articles from {corpus}"));

        // Extraction alone, and what it finds: the first pass compiles the code, the median of the rest is the speed.
        var passes = new List<double>();
        int quotations = 0, attributed = 0, withSpeakers = 0;
        for (var pass = 0; pass <= ExtractionPasses; pass++)
        {
            var clock = Stopwatch.StartNew();
            quotations = attributed = withSpeakers = 0;
            foreach (var article in articles)
            {
                var extraction = ArticleExtractor.Extract(article);
                quotations += extraction.Quotations.Count;
                attributed += extraction.Quotations.Count(q => q.Speaker is not null);
                withSpeakers += extraction.Speakers.Count > 0 ? 1 : 0;
            }
            if (pass > 0)
            {
                passes.Add(articles.Count / clock.Elapsed.TotalSeconds);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction alone: {Median(passes):N0} docs/s (median of {ExtractionPasses} passes after one warm-up, {passes.Min():N0}–{passes.Max():N0}); {quotations:N0} quotations ({attributed:N0} with a named speaker), {withSpeakers:N0} articles with speakers"));

        // Warm-up: one full run of each setting, not measured (JIT tiers, file cache).
        Index(articles, extract: false);
        Index(articles, extract: true);

        var (off, on, ratios) = AlternatingRounds.Run(rounds, () => Index(articles, extract: false), () => Index(articles, extract: true),
            (round, withOut, with) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: without extraction {withOut:N0} docs/s, with extraction {with:N0} docs/s, ratio {with / withOut:0.00}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {rounds}: without extraction {Median(off):N0} docs/s, with extraction {Median(on):N0} docs/s, ratio {Median(ratios):0.00} (target: at least 0.50)"));
        return 0;
    }

    /// <summary>Indexes the articles into a fresh index on disk and returns articles per second, commit included.</summary>
    private static double Index(List<Article> articles, bool extract)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newssearch-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            using (var index = NewsIndex.OpenOrCreate(folder, new NewsIndexOptions { ExtractSpeakers = extract }))
            {
                foreach (var article in articles)
                {
                    index.Upsert(article);
                }
                index.Commit();
            }
            return articles.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<Article> Load(string corpus)
    {
        var articles = new List<Article>();
        using var gzip = new GZipStream(File.OpenRead(corpus), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
            {
                continue;
            }
            var name = Path.GetFileName(entry.Name);
            foreach (var record in SeedFormatReader.Read(entry.DataStream, entry.Name, name, entry.Name))
            {
                if (record.Article is { } article)
                {
                    articles.Add(article);
                }
            }
        }
        return articles;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
