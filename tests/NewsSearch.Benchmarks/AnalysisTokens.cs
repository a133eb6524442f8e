using Lucene.Net.Analysis.TokenAttributes;
using NewsSearch.Analysis;

namespace NewsSearch.Benchmarks;

/// <summary>
/// The engine's tokens for texts read from standard input, one base64-encoded UTF-8 text a line, analysed as
/// FIELD is: a line of <c>term|position increment|start-end</c> tokens per text. export-check.sh compares them with
/// what Java Lucene 8.7 (the Lucene of Elasticsearch 7.10 and OpenSearch 1) makes of the export's mapping.
/// </summary>
internal static class AnalysisTokens
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks analysis-tokens FIELD < TEXTS.b64");
            return 2;
        }
        using var analyzer = NewsAnalyzer.Create();
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
        while (Console.In.ReadLine() is { } line)
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(line));
            using var stream = analyzer.GetTokenStream(args[0], text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var first = true;
            while (stream.IncrementToken())
            {
                output.Write(first ? "" : " ");
                output.Write($"{term}|{increment.PositionIncrement}|{offset.StartOffset}-{offset.EndOffset}");
                first = false;
            }
            stream.End();
            output.WriteLine();
        }
        return 0;
    }
}
