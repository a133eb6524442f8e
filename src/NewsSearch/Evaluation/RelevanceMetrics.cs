namespace NewsSearch.Evaluation;

/// <summary>
/// Ranked-retrieval measures with binary relevance, as trec_eval defines them (<c>map</c>, <c>P_10</c>,
/// <c>ndcg_cut_10</c>): the ranking is taken as given, and an article not judged counts as not relevant.
/// </summary>
public static class RelevanceMetrics
{
    /// <summary>
    /// Average precision: the precision at the rank of each relevant article retrieved, summed and divided by the
    /// number of relevant articles (retrieved or not). 0 when nothing relevant exists.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0)
        {
            return 0;
        }
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                found++;
                sum += (double)found / (i + 1);
            }
        }
        return sum / relevant.Count;
    }

    /// <summary>Relevant articles among the first <paramref name="cutoff"/>, divided by <paramref name="cutoff"/> (even when fewer were retrieved).</summary>
    public static double PrecisionAt(int cutoff, IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cutoff);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevant);
        return (double)ranking.Take(cutoff).Count(relevant.Contains) / cutoff;
    }

    /// <summary>
    /// Normalised discounted cumulative gain at <paramref name="cutoff"/>: each relevant article at rank r gains
    /// 1 / log2(r + 1), divided by the gain of the ideal ranking (all relevant articles first). 0 when nothing
    /// relevant exists.
    /// </summary>
    public static double NdcgAt(int cutoff, IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cutoff);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevant);
        var ideal = 0.0;
        for (var rank = 1; rank <= Math.Min(cutoff, relevant.Count); rank++)
        {
            ideal += Discount(rank);
        }
        if (ideal == 0)
        {
            return 0;
        }
        var gain = 0.0;
        for (var rank = 1; rank <= Math.Min(cutoff, ranking.Count); rank++)
        {
            if (relevant.Contains(ranking[rank - 1]))
            {
                gain += Discount(rank);
            }
        }
        return gain / ideal;
    }

    private static double Discount(int rank) => 1 / Math.Log2(rank + 1);
}
