namespace NewsSearch;

/// <summary>What one indexing run did.</summary>
/// <param name="Added">Articles new to the index.</param>
/// <param name="Updated">Articles whose id was present with different content, now replaced.</param>
/// <param name="Unchanged">Articles already present with the same content, left as they were.</param>
/// <param name="Rejected">Input that was not indexed, with the reason for each, in input order.</param>
/// <param name="Elapsed">Wall time of the run, commit included.</param>
public sealed record IndexReport(int Added, int Updated, int Unchanged, IReadOnlyList<IngestProblem> Rejected, TimeSpan Elapsed)
{
    /// <summary>Articles read successfully, whether or not they changed.</summary>
    public int Indexed => Added + Updated + Unchanged;

    /// <summary>Articles deleted because their source is gone (<see cref="IngestOptions.Prune"/>). Default: 0.</summary>
    public int Deleted { get; init; }

    /// <summary>
    /// Whether the run was cancelled before it read every input. What it wrote is committed; running it again
    /// completes it. Default: <c>false</c>.
    /// </summary>
    public bool Interrupted { get; init; }

    /// <summary>Bytes of article text read (after decompression), for throughput. Default: 0.</summary>
    public long TextBytes { get; init; }

    /// <summary>Where the time went, stage by stage, or <c>null</c> when not measured.</summary>
    public IngestStages? Stages { get; init; }
}

/// <summary>
/// Time spent in each stage of the indexing pipeline. Worker stages are summed over threads, so they can exceed
/// the wall time; the waiting times tell which side is the bottleneck (readers waiting: the workers are; workers
/// waiting: the reader is).
/// </summary>
/// <param name="Threads">Worker threads (the reader is one more).</param>
/// <param name="Read">Reading, decompressing and parsing inputs (the reader thread), waits excluded.</param>
/// <param name="Check">Fingerprinting articles and looking them up to tell added, updated and unchanged.</param>
/// <param name="Prepare">The per-article step: extraction and building documents.</param>
/// <param name="Write">Handing documents to the index writer (analysis and in-memory indexing happen here).</param>
/// <param name="Commit">Commits (flushing segments to disk and syncing them), wall time.</param>
/// <param name="ReaderWaiting">The reader thread blocked because the workers' queues were full.</param>
/// <param name="WorkersWaiting">Worker threads idle because their queues were empty, summed.</param>
public sealed record IngestStages(
    int Threads, TimeSpan Read, TimeSpan Check, TimeSpan Prepare, TimeSpan Write, TimeSpan Commit, TimeSpan ReaderWaiting, TimeSpan WorkersWaiting);

/// <summary>What <see cref="NewsIndex.Upsert(Article)"/> did with an article.</summary>
public enum UpsertOutcome
{
    /// <summary>The id was new.</summary>
    Added,

    /// <summary>The id was present with other content; the old copy was replaced.</summary>
    Updated,

    /// <summary>The id was present with the same content; nothing was written.</summary>
    Unchanged,
}

/// <summary>Progress of an indexing run, reported a few times a second.</summary>
/// <param name="Articles">Articles read so far (indexed or unchanged).</param>
/// <param name="Rejected">Problems found so far.</param>
/// <param name="CurrentInput">The input being read.</param>
public readonly record struct IngestProgress(int Articles, int Rejected, string CurrentInput)
{
    /// <summary>Bytes of the inputs read so far (compressed size for compressed inputs).</summary>
    public long InputBytesRead { get; init; }

    /// <summary>Total bytes of the inputs, or <c>null</c> while unknown (being measured, or standard input).</summary>
    public long? InputBytesTotal { get; init; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }
}
