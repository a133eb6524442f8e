namespace NewsSearch;

/// <summary>One thing read from the inputs: an article ready to index, or the problem that rejected part of an input.</summary>
/// <param name="Article">The article, when the input held a good one.</param>
/// <param name="Problem">Why the input (or part of it) was rejected, otherwise.</param>
public readonly record struct ArticleInput(Article? Article, IngestProblem? Problem);

/// <summary>
/// Reads files and folders into articles exactly as <see cref="NewsIndex.IndexPaths"/> does (same formats, same
/// ids, same problems), without an index: for tools that look at articles, such as extraction.
/// </summary>
public static class ArticleInputs
{
    /// <summary>Every article and every problem in <paramref name="paths"/>, in the order indexing reads them.</summary>
    /// <param name="paths">Files and folders (read recursively; hidden files are skipped).</param>
    /// <param name="cancellation">Stops between files.</param>
    public static IEnumerable<ArticleInput> Read(IEnumerable<string> paths, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var input in Ingest.InputReader.Files(paths, skipFolder: null))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var record in input.Records)
            {
                yield return new ArticleInput(record.Article, record.Problem);
            }
        }
    }
}
