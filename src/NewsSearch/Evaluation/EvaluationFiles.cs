using System.Globalization;
using System.IO.Compression;

namespace NewsSearch.Evaluation;

/// <summary>A query of a test collection: its id and its text.</summary>
/// <param name="Id">The query id as the judgments name it.</param>
/// <param name="Text">The query text, as a person wrote it (not Lucene syntax).</param>
public sealed record EvaluationQuery(string Id, string Text);

/// <summary>Relevance judgments (qrels): for each query, the articles judged relevant. Binary: any grade above 0 is relevant.</summary>
public sealed class Judgments
{
    private readonly Dictionary<string, HashSet<string>> relevant;

    /// <summary>Creates judgments from query ids and their relevant article ids.</summary>
    public Judgments(IEnumerable<KeyValuePair<string, IEnumerable<string>>> relevantByQuery)
    {
        ArgumentNullException.ThrowIfNull(relevantByQuery);
        relevant = relevantByQuery.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Ids of the queries with at least one relevant article.</summary>
    public IEnumerable<string> JudgedQueries => relevant.Where(p => p.Value.Count > 0).Select(p => p.Key);

    /// <summary>The articles judged relevant for <paramref name="queryId"/>; empty when none are.</summary>
    public IReadOnlySet<string> RelevantFor(string queryId) =>
        relevant.TryGetValue(queryId, out var set) ? set : (IReadOnlySet<string>)new HashSet<string>();
}

/// <summary>Readers for the files of a test collection: query lists, TREC qrels, and corpora that may be gzipped.</summary>
public static class EvaluationFiles
{
    /// <summary>Reads queries, one a line: <c>id&lt;TAB&gt;text</c>. Blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <exception cref="NewsSearchException">The file cannot be read, or a line has no tab.</exception>
    public static IReadOnlyList<EvaluationQuery> ReadQueries(string path)
    {
        var queries = new List<EvaluationQuery>();
        var number = 0;
        foreach (var line in ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new NewsSearchException($"{path}:{number}: expected 'id<TAB>query text'; the queries file is tab-separated");
            }
            queries.Add(new EvaluationQuery(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return queries;
    }

    /// <summary>Reads TREC qrels: <c>query 0 article grade</c> a line, white-space separated.</summary>
    /// <exception cref="NewsSearchException">The file cannot be read, or a line does not have four fields.</exception>
    public static Judgments ReadJudgments(string path)
    {
        var byQuery = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (number, line, fields) in FieldLines(path))
        {
            if (fields.Length != 4 || !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new NewsSearchException($"{path}:{number}: expected 'query 0 article grade' (TREC qrels), got '{line.Trim()}'");
            }
            if (!byQuery.TryGetValue(fields[0], out var list))
            {
                byQuery[fields[0]] = list = [];
            }
            if (grade > 0)
            {
                list.Add(fields[2]);
            }
        }
        return new Judgments(byQuery.Select(p => KeyValuePair.Create(p.Key, (IEnumerable<string>)p.Value)));
    }

    /// <summary>
    /// Reads a TREC run (<c>query Q0 article rank score tag</c> a line, white-space separated), as another engine or
    /// <see cref="RelevanceReport.WriteRun"/> writes it. Each query's articles are ordered as trec_eval orders them: by
    /// score, highest first, and ties by article id, descending; the rank column is not used.
    /// </summary>
    /// <exception cref="NewsSearchException">The file cannot be read, a line does not have six fields or a numeric
    /// score, or a query lists an article twice.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<RankedArticle>> ReadRun(string path)
    {
        var byQuery = new Dictionary<string, List<(string Id, double Score, int Line)>>(StringComparer.Ordinal);
        foreach (var (number, line, fields) in FieldLines(path))
        {
            if (fields.Length != 6 || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
            {
                throw new NewsSearchException($"{path}:{number}: expected 'query Q0 article rank score tag' (a TREC run) with a numeric score, got '{line.Trim()}'");
            }
            if (!byQuery.TryGetValue(fields[0], out var list))
            {
                byQuery[fields[0]] = list = [];
            }
            list.Add((fields[2], score, number));
        }
        var rankings = new Dictionary<string, IReadOnlyList<RankedArticle>>(StringComparer.Ordinal);
        foreach (var (query, list) in byQuery)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (id, _, line) in list)
            {
                if (!seen.TryAdd(id, line))
                {
                    throw new NewsSearchException($"{path}:{line}: query {query} lists article {id} again (first on line {seen[id]}); a run ranks each article once");
                }
            }
            // Scores are compared as written (doubles): rounding them to floats first could tie articles the run tells apart.
            rankings[query] = list
                .OrderByDescending(e => e.Score)
                .ThenByDescending(e => e.Id, StringComparer.Ordinal)
                .Select(e => new RankedArticle(e.Id, (float)e.Score))
                .ToList();
        }
        return rankings;
    }

    /// <summary>Opens a file, decompressing it when it starts with the gzip magic bytes (whatever its name).</summary>
    /// <exception cref="NewsSearchException">The file cannot be opened.</exception>
    public static Stream OpenMaybeGzipped(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NewsSearchException($"cannot read '{path}': {e.Message}", e);
        }
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The lines of a white-space separated file (qrels, runs) that are not blank, numbered from 1, with their fields.</summary>
    private static IEnumerable<(int Number, string Line, string[] Fields)> FieldLines(string path)
    {
        var number = 0;
        foreach (var line in ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line, line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            }
        }
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(OpenMaybeGzipped(path));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
