using Lucene.Net.Index;

namespace NewsSearch.Indexing;

/// <summary>
/// Lucene's tiered merge policy, except that a forced merge into more than one segment splits the segments into that
/// many groups of about equal size, merged side by side. Lucene's own policy merges all but the largest segment into
/// one, on one thread.
/// </summary>
/// <remarks>
/// A bulk run ends with a forced merge into <see cref="Segments"/> segments: the merge then takes both cores instead
/// of one, and queries do not notice the second segment. 200,000 Reuters articles, three interleaved rounds: the merge
/// and its commit 2.7–3.8 s into one segment, 2.0–2.4 s into two; query p50 per class on the two indexes within ±15 %
/// of each other, either way round by round (README, Performance).
/// </remarks>
internal sealed class FinalMergePolicy : TieredMergePolicy
{
    /// <summary>The segments a bulk run ends with, each merged on a thread of its own.</summary>
    public const int Segments = 2;

    /// <summary>Lucene's scheduler with a thread per final segment (its default is one thread per two cores).</summary>
    public static ConcurrentMergeScheduler Scheduler()
    {
        var scheduler = new ConcurrentMergeScheduler();
        scheduler.SetMaxMergesAndThreads(maxMergeCount: Segments + 2, maxThreadCount: Segments);
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
        foreach (var (info, bytes) in eligible.Select(info => (info, Size(info))).OrderByDescending(segment => segment.Item2))
        {
            var smallest = Array.IndexOf(groupBytes, groupBytes.Min());
            groups[smallest].Add(info);
            groupBytes[smallest] += bytes;
        }
        var merges = new MergeSpecification();
        foreach (var group in groups.Where(group => group.Count > 1))
        {
            merges.Add(new OneMerge(group));
        }
        return merges;
    }
}
