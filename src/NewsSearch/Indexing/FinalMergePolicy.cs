using Lucene.Net.Index;

namespace NewsSearch.Indexing;

/// <summary>
/// Lucene's tiered merge policy, except that a forced merge into more than one segment splits the segments into that
/// many groups of about equal size, merged side by side. Lucene's own policy merges all but the largest segment into
/// one, on one thread.
/// </summary>
/// <remarks>
/// A bulk run of a large index ends with a forced merge into two segments (<see cref="SegmentsFor"/>): the merge then
/// takes both cores instead of one. 200,000 Reuters articles, three interleaved rounds: the merge and its commit
/// 2.7–3.8 s into one segment, 2.0–2.4 s into two; query p50 per class on the two indexes within ±15 % of each other,
/// either way round by round. A small index is merged into one: on Reuters-21578 (a merge of a fraction of a second)
/// the second segment cost every query a fixed part, p50 91–106 µs in one segment against 117–147 in two (four
/// interleaved rounds, plain BM25), and opening it costs a one-shot search about 5 ms (README, Performance).
/// </remarks>
internal sealed class FinalMergePolicy : TieredMergePolicy
{
    /// <summary>Indexes of at least this many articles end a bulk run in two segments; smaller ones in one.</summary>
    public const int TwoSegmentArticles = 100_000;

    /// <summary>The merge threads: one per segment of a large index's final merge.</summary>
    private const int Threads = 2;

    /// <summary>The segments a bulk run that leaves this many articles in the index ends with.</summary>
    public static int SegmentsFor(int articles) => articles >= TwoSegmentArticles ? Threads : 1;

    /// <summary>Lucene's scheduler with a thread per final segment (its default is one thread per two cores).</summary>
    public static ConcurrentMergeScheduler Scheduler()
    {
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(maxMergeCount: Threads + 2, maxThreadCount: Threads);
        return scheduler;
    }

    public override MergeSpecification? FindForcedMerges(SegmentInfos infos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (maxSegmentCount <= 1)
        {
            return base.FindForcedMerges(infos, maxSegmentCount, segmentsToMerge);
        }
        var merging = m_writer.Get().MergingSegments;
        var eligible = new List<SegmentCommitInfo>();
        foreach (var info in infos.Segments)
        {
            if (!segmentsToMerge.ContainsKey(info))
            {
                continue;
            }
            // The writer asks again as each merge ends; the groups were chosen when the forced merge began.
            if (merging.Contains(info))
            {
                return null;
            }
            eligible.Add(info);
        }
        if (eligible.Count <= maxSegmentCount)
        {
            return null;
        }

        // Largest first, each into the group that is smallest so far.
        var groups = new List<SegmentCommitInfo>[maxSegmentCount];
        var groupBytes = new long[maxSegmentCount];
        for (var i = 0; i < maxSegmentCount; i++)
        {
            groups[i] = [];
        }
        foreach (var segment in eligible.Select(info => (Info: info, Bytes: Size(info))).OrderByDescending(segment => segment.Bytes))
        {
            var smallest = Array.IndexOf(groupBytes, groupBytes.Min());
            groups[smallest].Add(segment.Info);
            groupBytes[smallest] += segment.Bytes;
        }
        var merges = new MergeSpecification();
        foreach (var group in groups.Where(group => group.Count > 1))
        {
            merges.Add(new OneMerge(group));
        }
        return merges;
    }
}
