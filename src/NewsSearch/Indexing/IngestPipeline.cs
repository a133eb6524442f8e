using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NewsSearch.Indexing;

/// <summary>
/// Indexes what an <see cref="ArticleSource"/> yields on several threads with bounded memory. One thread reads
/// (decompresses, parses, finds wire datelines) and deals articles out to worker threads through bounded queues;
/// each worker checks, prepares (<see cref="ArticlePreparation"/>) and writes its articles, and Lucene's writer
/// takes documents from all of them at once. Articles with the same id always go to the same worker, in input
/// order, so the last copy of a duplicated id wins as it would in a single-threaded run.
/// </summary>
/// <remarks>
/// Commits happen every <see cref="IngestOptions.CommitEvery"/> written articles or
/// <see cref="IngestOptions.CommitInterval"/>, at the end and on cancellation; a bulk run ends by merging the index into
/// one segment, two for a large index (<see cref="NewsIndex.MergeAfterBulkWrite"/>). Each article is one atomic Lucene
/// update, so every commit holds whole articles: a kill leaves the last commit intact, and because unchanged
/// articles are skipped by fingerprint, the next run only does what is left.
/// </remarks>
internal static class IngestPipeline
{
    /// <summary>Articles waiting per worker: enough to ride out a slow article, small enough to bound memory.</summary>
    private const int QueueCapacity = 128;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public static IndexReport Run(NewsIndex index, ArticleSource source, IngestOptions options, IProgress<IngestProgress>? progress, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        using var run = new PipelineRun(index, options, cancellation);
        using var reporter = progress is null ? null : new ProgressReporter(source, run, started, progress);

        var workers = run.Queues.Select(queue => Task.Factory.StartNew(
            () => run.Work(queue), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var (rejected, seen) = ReadInto(source, run, options.Prune);
        // Not cancellable: on Ctrl-C the workers stop writing and drain, and the run then commits what they wrote.
        Task.WaitAll(workers, CancellationToken.None);
        if (run.Fatal is { } fatal)
        {
            ExceptionDispatchInfo.Throw(fatal);
        }

        var time = StageClock.Now;
        index.Commit();
        var interrupted = cancellation.IsCancellationRequested;
        if (!interrupted)
        {
            index.MergeAfterBulkWrite(run.Added + run.Updated);
        }
        run.Clock.Lap(Stage.Commit, ref time);
        var deleted = seen is not null && !interrupted ? Pruning.Run(index, source, seen) : 0;
        reporter?.Finish();

        return new IndexReport(run.Added, run.Updated, run.Unchanged, [.. rejected, .. run.Failures], started.Elapsed)
        {
            Deleted = deleted,
            Interrupted = interrupted,
            TextBytes = source.TextBytesRead,
            Stages = run.Clock.ToStages(run.Queues.Length),
        };
    }

    /// <summary>The reader: runs on the calling thread, deals articles to the workers, keeps the problems in input order.</summary>
    private static (List<IngestProblem> Rejected, HashSet<string>? Seen) ReadInto(ArticleSource source, PipelineRun run, bool remember)
    {
        var rejected = new List<IngestProblem>();
        var seen = remember ? new HashSet<string>(StringComparer.Ordinal) : null;
        try
        {
            var time = StageClock.Now;
            foreach (var item in source.Read(run.Stop))
            {
                run.Clock.Lap(Stage.Read, ref time);
                run.Stop.ThrowIfCancellationRequested();
                if (item.Problem is { } problem)
                {
                    rejected.Add(problem);
                    run.CountRejected();
                    continue;
                }
                var article = item.Article!;
                seen?.Add(article.Id);
                var worker = NewsIndex.IdStripe(article.Id) % run.Queues.Length;
                run.Queues[worker].Add(article, run.Stop);
                run.Clock.Lap(Stage.ReaderWaiting, ref time);
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            // Cancelled by the user (reported as interrupted) or by a failing worker (rethrown by the caller).
        }
        finally
        {
            foreach (var queue in run.Queues)
            {
                queue.CompleteAdding();
            }
        }
        return (rejected, seen);
    }

    /// <summary>The state the reader and the workers of one run share.</summary>
    private sealed class PipelineRun : IDisposable
    {
        private readonly NewsIndex index;
        private readonly IngestOptions options;
        private readonly CancellationTokenSource stop;
        private readonly ConcurrentQueue<IngestProblem> failures = new();
        private readonly Lock commitGate = new();
        private int added, updated, unchanged, rejected, sinceCommit;
        private long lastCommit = StageClock.Now;
        private Exception? fatal;

        public PipelineRun(NewsIndex index, IngestOptions options, CancellationToken cancellation)
        {
            this.index = index;
            this.options = options;
            stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            Queues = [.. Enumerable.Range(0, options.Threads).Select(_ => new BlockingCollection<Article>(QueueCapacity))];
        }

        public BlockingCollection<Article>[] Queues { get; }

        public StageClock Clock { get; } = new();

        public CancellationToken Stop => stop.Token;

        public int Added => Volatile.Read(ref added);

        public int Updated => Volatile.Read(ref updated);

        public int Unchanged => Volatile.Read(ref unchanged);

        public int Articles => Added + Updated + Unchanged;

        public int Rejected => Volatile.Read(ref rejected) + failures.Count;

        public IEnumerable<IngestProblem> Failures => failures;

        public Exception? Fatal => Volatile.Read(ref fatal);

        public void CountRejected() => Interlocked.Increment(ref rejected);

        public void Work(BlockingCollection<Article> queue)
        {
            var time = StageClock.Now;
            foreach (var article in queue.GetConsumingEnumerable())
            {
                Clock.Lap(Stage.WorkersWaiting, ref time);
                if (stop.IsCancellationRequested)
                {
                    // Stopping: let the reader's queue drain without writing more.
                    continue;
                }
                try
                {
                    Count(index.Upsert(article, Clock));
                    time = StageClock.Now;
                }
                catch (Exception e) when (IsFatal(e))
                {
                    Interlocked.CompareExchange(ref fatal, e, null);
                    stop.Cancel();
                    return;
                }
                catch (Exception e)
                {
                    // One article that trips extraction or Lucene (a term too long to index) is one rejected
                    // article; the batch goes on.
                    failures.Enqueue(new IngestProblem(article.Source ?? article.Id, null,
                        $"Internal error: article '{article.Id}' could not be indexed ({e.GetType().Name}: {e.Message}); please report it with the article"));
                    time = StageClock.Now;
                }
            }
        }

        public void Dispose() => stop.Dispose();

        /// <summary>Errors of the index itself (disk, lock, a closed writer, which Lucene.NET reports as ObjectDisposedException): no later article can succeed.</summary>
        private static bool IsFatal(Exception e) =>
            e is IOException or NewsSearchException or ObjectDisposedException or OutOfMemoryException or UnauthorizedAccessException;

        private void Count(UpsertOutcome outcome)
        {
            switch (outcome)
            {
                case UpsertOutcome.Added:
                    Interlocked.Increment(ref added);
                    break;
                case UpsertOutcome.Updated:
                    Interlocked.Increment(ref updated);
                    break;
                default:
                    Interlocked.Increment(ref unchanged);
                    return;
            }
            CommitIfDue();
        }

        private void CommitIfDue()
        {
            var due = Interlocked.Increment(ref sinceCommit) >= options.CommitEvery
                      || Stopwatch.GetElapsedTime(Interlocked.Read(ref lastCommit)) >= options.CommitInterval;
            // One worker commits while the others keep writing; a worker that finds a commit under way goes on.
            if (!due || !commitGate.TryEnter())
            {
                return;
            }
            try
            {
                Interlocked.Exchange(ref sinceCommit, 0);
                var time = StageClock.Now;
                index.Commit();
                Clock.Lap(Stage.Commit, ref time);
                Interlocked.Exchange(ref lastCommit, StageClock.Now);
            }
            finally
            {
                commitGate.Exit();
            }
        }
    }

    /// <summary>Tells the caller's progress a few times a second, from a timer thread.</summary>
    private sealed class ProgressReporter : IDisposable
    {
        private readonly ArticleSource source;
        private readonly PipelineRun run;
        private readonly Stopwatch started;
        private readonly IProgress<IngestProgress> progress;
        private readonly Timer timer;
        private readonly Lock gate = new();
        private long total = -1;

        public ProgressReporter(ArticleSource source, PipelineRun run, Stopwatch started, IProgress<IngestProgress> progress)
        {
            this.source = source;
            this.run = run;
            this.started = started;
            this.progress = progress;
            // The total size only feeds the time-left estimate: measure it beside the run instead of before it.
            _ = Task.Run(Measure);
            timer = new Timer(_ => Report(final: false), null, ProgressInterval, ProgressInterval);
        }

        public void Finish()
        {
            timer.Change(Timeout.Infinite, Timeout.Infinite);
            Report(final: true);
        }

        public void Dispose() => timer.Dispose();

        private void Measure()
        {
            try
            {
                Interlocked.Exchange(ref total, source.MeasureInputBytes() ?? -1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Without a total, progress shows no time left; the run itself reports unreadable inputs.
            }
        }

        private void Report(bool final)
        {
            // Timer callbacks can overlap when the caller is slow to draw: skip a tick rather than queue them, but
            // never the final report, which waits for a tick still drawing.
            if (final)
            {
                gate.Enter();
            }
            else if (!gate.TryEnter())
            {
                return;
            }
            try
            {
                var known = Interlocked.Read(ref total);
                progress.Report(new IngestProgress(run.Articles, run.Rejected, source.CurrentInput ?? string.Empty)
                {
                    InputBytesRead = source.InputBytesRead,
                    InputBytesTotal = known >= 0 ? known : null,
                    Elapsed = started.Elapsed,
                });
            }
            finally
            {
                gate.Exit();
            }
        }
    }
}
