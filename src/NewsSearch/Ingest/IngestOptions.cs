namespace NewsSearch;

/// <summary>How inputs are chosen and indexed. Immutable; every property has a documented default.</summary>
public sealed record IngestOptions
{
    /// <summary>The defaults.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>
    /// Globs a file or archive member inside a named folder or archive must match to be read (<c>*</c> within a
    /// name, <c>**</c> across folders; without a slash a glob matches at any depth). Files named directly are always
    /// read. Default: empty, every file.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files, archives and folders to skip, written like <see cref="Include"/>. Default: empty.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Opens what the path <c>-</c> reads (JSON Lines, gzipped or not). Default: the process's standard input.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>
    /// Whether indexing deletes the articles that came from the given paths but were not read this time (their
    /// file, archive member or record is gone). Ignored by <see cref="ArticleSource"/>. Default: <c>false</c>.
    /// </summary>
    public bool Prune { get; init; }

    /// <summary>
    /// Threads that extract and write articles while one more thread reads the inputs. Ignored by
    /// <see cref="ArticleSource"/>. Default: the number of processors.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int Threads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Threads));
            field = value;
        }
    } = Environment.ProcessorCount;

    /// <summary>
    /// Articles written between two commits, at most. Default: 200,000. A commit flushes the writer's buffer into new
    /// segments, so fewer commits mean fewer, larger segments and less merging: against commits every 50,000 articles,
    /// a million articles without extraction took 0.81 of the time (four interleaved rounds) with peak memory 445–522
    /// MB instead of 336–379, and queries on the two indexes were level. Commits every 1,000,000 were no faster and
    /// peaked at 833–989 MB (README, "Performance").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int CommitEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(CommitEvery));
            field = value;
        }
    } = 200_000;

    /// <summary>Time between two commits, at most, so an interrupted run loses little work. Default: one minute.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public TimeSpan CommitInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(CommitInterval));
            field = value;
        }
    } = TimeSpan.FromMinutes(1);
}
