using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using NewsSearch.Analysis;
using NewsSearch.Indexing;

using static NewsSearch.Benchmarks.AlternatingRounds;

namespace NewsSearch.Benchmarks;

/// <summary>
/// How fast article text is analysed: NewsSearch's body analysis against Lucene's standard tokenizer and English
/// chain (possessives, lower case, stop words, Porter), which it must reproduce token for token. Both run on one
/// thread over the same texts, held in memory, round by round in alternating order; the report gives each one's
/// median and the median of the per-round ratios.
/// </summary>
internal static class AnalysisSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks analysis-speed CORPUS.jsonl.gz [ROUNDS]");
            return 2;
        }
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var texts = LuceneCeiling.Load(args[0]).Select(article => article.Text).ToList();
        var megabytes = texts.Sum(text => (long)text.Length) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count:N0} texts, {megabytes:N1} M characters, {rounds} rounds"));

        using var lucene = new NewsAnalyzer.LuceneEnglishAnalyzer();
        using var news = NewsAnalyzer.Create();
        Analyse(lucene, texts);
        Analyse(news, texts);

        var (luceneRates, newsRates, ratios) = AlternatingRounds.Run(rounds, () => Analyse(lucene, texts), () => Analyse(news, texts),
            (round, luceneRate, newsRate) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: Lucene's chain {luceneRate:N0} tokens/s, NewsSearch {newsRate:N0} tokens/s, {newsRate / luceneRate:N2}x")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: Lucene's chain {Median(luceneRates):N0} tokens/s, NewsSearch {Median(newsRates):N0} tokens/s, ratio {Median(ratios):N2}x"));
        return 0;
    }

    /// <summary>Tokens per second over every text, as the body field.</summary>
    private static double Analyse(Analyzer analyzer, List<string> texts)
    {
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        foreach (var text in texts)
        {
            using var stream = analyzer.GetTokenStream(NewsFields.Body, text);
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens++;
            }
            stream.End();
        }
        return tokens / clock.Elapsed.TotalSeconds;
    }
}
