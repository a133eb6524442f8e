using System.Diagnostics;
using NewsSearch.Ingest;

namespace NewsSearch.Indexing;

/// <summary>
/// Reads files and folders into an index: every readable article is written, every problem is recorded, and one
/// bad article never stops the rest. Changes are committed at the end (and every <see cref="CommitEvery"/>
/// articles), so an interrupted run leaves the last commit intact and the next run picks up from there.
/// </summary>
internal static class BatchIndexer
{
    private const int CommitEvery = 50_000;

    public static IndexReport Run(NewsIndex index, IEnumerable<string> paths, IProgress<IngestProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        int added = 0, updated = 0, unchanged = 0, sinceCommit = 0;
        var rejected = new List<IngestProblem>();

        foreach (var input in InputReader.Files(paths, index.Location))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var record in input.Records)
            {
                if (record.Problem is { } problem)
                {
                    rejected.Add(problem);
                    continue;
                }
                switch (index.Upsert(record.Article!))
                {
                    case UpsertOutcome.Added: added++; break;
                    case UpsertOutcome.Updated: updated++; break;
                    default: unchanged++; break;
                }
                if (++sinceCommit >= CommitEvery)
                {
                    index.Commit();
                    sinceCommit = 0;
                }
            }
            progress?.Report(new IngestProgress(added + updated + unchanged, rejected.Count, input.DisplayPath));
        }
        index.Commit();
        return new IndexReport(added, updated, unchanged, rejected, clock.Elapsed);
    }
}
