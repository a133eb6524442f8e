namespace NewsSearch.Benchmarks;

/// <summary>
/// Benchmarks that print figures (medians, and ratios against a baseline measured in the same run). They read
/// the shared corpora by path and never copy them. Run in Release:
/// <c>dotnet run -c Release --project tests/NewsSearch.Benchmarks -- NAME [options]</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var name = args.Length > 0 ? args[0] : string.Empty;
        switch (name)
        {
            case "extraction-speed":
                return ExtractionSpeed.Run(args[1..]);
            case "peer":
                return PeerAdapter.Run(args[1..]);
            case "query-classes":
                return QueryClasses.Run(args[1..]);
            case "lucene-ceiling":
                return LuceneCeiling.Run(args[1..]);
            case "analysis-speed":
                return AnalysisSpeed.Run(args[1..]);
            case "analysis-tokens":
                return AnalysisTokens.Run(args[1..]);
            case "es-queries":
                return EsQueries.Run(args[1..]);
            default:
                Console.Error.WriteLine("""
                    usage: NewsSearch.Benchmarks extraction-speed [--corpus reuters21578/seedformat.tar.gz] [--rounds N]
                           NewsSearch.Benchmarks peer prepare|build CORPUS DIR|query DIR QUERIES K REPEATS [WARMUP]
                           NewsSearch.Benchmarks query-classes (--index DIR | --corpus FILE) --queries FILE [--repeats N] [--warmup N]
                           NewsSearch.Benchmarks lucene-ceiling CORPUS.jsonl.gz [ROUNDS] [--ladder]
                           NewsSearch.Benchmarks analysis-speed CORPUS.jsonl.gz [ROUNDS]
                           NewsSearch.Benchmarks analysis-tokens FIELD < TEXTS.b64
                           NewsSearch.Benchmarks es-queries INDEXDIR PEERQUERIES > QUERIES.tsv
                    """);
                return 2;
        }
    }
}
