namespace NewsSearch.Evaluation;

/// <summary>What loading an evaluation corpus did.</summary>
/// <param name="Articles">Articles indexed.</param>
/// <param name="Skipped">Lines that were not indexed, with the reason for each.</param>
/// <param name="Elapsed">Wall time, commit included.</param>
public sealed record CorpusLoadReport(int Articles, IReadOnlyList<IngestProblem> Skipped, TimeSpan Elapsed);

/// <summary>
/// Indexes a corpus in the shared JSON Lines format (<c>{"id", "date", "dateline", "title", "body"}</c> a line, gzipped
/// or not) through <see cref="NewsIndex.IndexPaths(IEnumerable{string}, IngestOptions, IProgress{IngestProgress}?, CancellationToken)"/>,
/// so evaluations measure the indexing path users get.
/// </summary>
public static class EvaluationCorpus
{
    /// <summary>Indexes every article of <paramref name="path"/> into <paramref name="index"/> and commits.</summary>
    /// <exception cref="NewsSearchException">There is no such file.</exception>
    public static CorpusLoadReport IndexInto(NewsIndex index, string path, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new NewsSearchException($"cannot read {path}: no such file; give a JSON Lines corpus (.jsonl or .jsonl.gz)");
        }
        // One writer, so the articles are numbered in file order in every run: Lucene breaks ties between equal
        // scores by that number, and with a writer per core the Reuters topics' MAP moved by up to 0.005 between runs.
        var report = index.IndexPaths([path], IngestOptions.Default with { Threads = 1 }, progress: null, cancellation);
        return new CorpusLoadReport(report.Added + report.Updated + report.Unchanged, report.Rejected, report.Elapsed);
    }
}
