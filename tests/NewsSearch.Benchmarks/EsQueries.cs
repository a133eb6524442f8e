using System.Text.Json.Nodes;
using NewsSearch.Evaluation;
using NewsSearch.Export;

namespace NewsSearch.Benchmarks;

/// <summary>
/// Searches for export-check.sh to run in Java Lucene 8.7 as Elasticsearch would: one line each, the search's label,
/// its request body (search --elasticsearch, on one line), and NewsSearch's own answer with plain BM25 (every match
/// counted, the first ten ids). The searches are the peers' benchmark queries and a set that uses the syntax those
/// leave out (phrases with stop words, slop, wildcards, fuzzy words, fields, date forms, exclusions, filters, date order).
/// </summary>
internal static class EsQueries
{
    private static readonly SearchRequest[] Syntax =
    [
        new() { Query = "\"bank of england\"" },
        new() { Query = "\"chairman of the board\"~2 profit" },
        new() { Query = "oil AND (iran OR iraq) NOT opec" },
        new() { Query = "+cocoa -brazil buffer" },
        new() { Query = "petrol* OR refin?ry" },
        new() { Query = "yeutter~1 trade" },
        new() { Query = "title:wheat body:export^2" },
        new() { Query = "dateline:tokyo yen" },
        new() { Query = "speaker:baker dollar" },
        new() { Query = "speaker:\"james baker\"" },
        new() { Query = "date:1987-03 grain" },
        new() { Query = "date:[1987-03-01 TO 1987-03-15] AND gold" },
        new() { Query = "date:{1987-03 TO *] coffee" },
        new() { Query = "id:reuters-12 OR id:reuters-15" },
        new() { Query = "interest rates", Speaker = "Volcker" },
        new() { Query = "shares", Dateline = "NEW YORK", From = new DateOnly(1987, 3, 1), To = new DateOnly(1987, 3, 10) },
        new() { Query = "dividend", Sort = SearchSort.Newest },
        new() { Query = "merger", Sort = SearchSort.Oldest, Dateline = "chicago" },
        new() { Dateline = "LONDON", From = new DateOnly(1987, 4, 1) },
        new() { Query = "crude OR (NOT opec)" },
    ];

    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: NewsSearch.Benchmarks es-queries INDEXDIR PEERQUERIES > QUERIES.tsv");
            return 2;
        }
        using var index = NewsIndex.Open(args[0]);
        var peers = LatencyBenchmark.ReadQueryLines(args[1]).Select(q => (q.Line, q.Request));
        var syntax = Syntax.Select(r => (Label: $"{r.Query} | {r.Speaker} {r.Dateline} {r.From} {r.To} {r.Sort}", Request: r));
        using var output = new StreamWriter(Console.OpenStandardOutput()) { NewLine = "\n" };
        foreach (var (label, shape) in peers.Concat(syntax))
        {
            var request = shape with { Limit = 10, SnippetLength = 0, Ranking = SearchRanking.Bm25, CountAll = true };
            var body = JsonNode.Parse(ElasticsearchQuery.Create(request))!.ToJsonString();
            var results = index.Search(request);
            output.WriteLine($"{label.Replace('\t', ' ')}\t{body}\t{results.TotalHits}\t{string.Join(',', results.Hits.Select(h => h.Id))}");
        }
        return 0;
    }
}
