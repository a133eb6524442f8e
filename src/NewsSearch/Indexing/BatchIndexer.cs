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

        foreach (var path in paths)
        {
            foreach (var (file, pathProblem) in InputFiles.Expand(path, index.Location))
            {
                cancellation.ThrowIfCancellationRequested();
                if (pathProblem is not null)
                {
                    rejected.Add(pathProblem);
                    continue;
                }
                using var records = ReadFile(file!).GetEnumerator();
                while (true)
                {
                    IngestRecord record;
                    try
                    {
                        if (!records.MoveNext())
                        {
                            break;
                        }
                        record = records.Current;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        rejected.Add(new IngestProblem(file!.DisplayPath, null, "read failed: " + e.Message));
                        break;
                    }
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
                progress?.Report(new IngestProgress(added + updated + unchanged, rejected.Count, file!.DisplayPath));
            }
        }
        index.Commit();
        return new IndexReport(added, updated, unchanged, rejected, clock.Elapsed);
    }

    private static IEnumerable<IngestRecord> ReadFile(InputFile file)
    {
        Stream stream;
        try
        {
            stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [IngestRecord.Rejected(file.DisplayPath, null, "cannot read: " + e.Message)];
        }
        return ReadAndClose(stream, file);
    }

    private static IEnumerable<IngestRecord> ReadAndClose(Stream stream, InputFile file)
    {
        using (stream)
        {
            foreach (var record in SeedFormatReader.Read(stream, file.DisplayPath, file.IdBase, file.FullPath))
            {
                yield return record;
            }
        }
    }
}
