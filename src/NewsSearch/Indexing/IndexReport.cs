namespace NewsSearch;

/// <summary>What one indexing run did.</summary>
/// <param name="Added">Articles new to the index.</param>
/// <param name="Updated">Articles whose id was present with different content, now replaced.</param>
/// <param name="Unchanged">Articles already present with the same content, left as they were.</param>
/// <param name="Rejected">Input that was not indexed, with the reason for each.</param>
/// <param name="Elapsed">Wall time of the run, commit included.</param>
public sealed record IndexReport(int Added, int Updated, int Unchanged, IReadOnlyList<IngestProblem> Rejected, TimeSpan Elapsed)
{
    /// <summary>Articles read successfully, whether or not they changed.</summary>
    public int Indexed => Added + Updated + Unchanged;
}

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

/// <summary>Progress of an indexing run, reported after each input file.</summary>
/// <param name="Articles">Articles read so far (indexed or unchanged).</param>
/// <param name="Rejected">Problems found so far.</param>
/// <param name="CurrentInput">The input being read.</param>
public readonly record struct IngestProgress(int Articles, int Rejected, string CurrentInput);
