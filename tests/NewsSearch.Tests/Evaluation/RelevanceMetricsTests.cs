using NewsSearch.Evaluation;

namespace NewsSearch.Tests.Evaluation;

/// <summary>The measures against values worked out by hand from trec_eval's definitions (map, P_10, ndcg_cut_10).</summary>
public sealed class RelevanceMetricsTests
{
    private static readonly HashSet<string> Relevant = ["r1", "r2", "r3"];

    [Fact]
    public void AveragePrecision_SumsPrecisionAtEachRelevantHit_OverAllRelevant()
    {
        // r1 at rank 1 (precision 1/1), r2 at rank 3 (2/3); r3 never retrieved still counts in the divisor.
        Assert.Equal((1.0 + (2.0 / 3)) / 3, RelevanceMetrics.AveragePrecision(["r1", "n1", "r2", "n2"], Relevant), 12);
    }

    [Fact]
    public void AveragePrecision_NothingRelevantRetrieved_IsZero()
    {
        Assert.Equal(0, RelevanceMetrics.AveragePrecision(["n1", "n2"], Relevant));
        Assert.Equal(0, RelevanceMetrics.AveragePrecision([], Relevant));
        Assert.Equal(0, RelevanceMetrics.AveragePrecision(["r1"], new HashSet<string>()));
    }

    [Fact]
    public void PrecisionAt10_DividesByTen_EvenWhenFewerWereRetrieved()
    {
        Assert.Equal(0.2, RelevanceMetrics.PrecisionAt(10, ["r1", "n1", "r2", "n2"], Relevant), 12);
        Assert.Equal(0.1, RelevanceMetrics.PrecisionAt(10, ["r1"], Relevant), 12);
    }

    [Fact]
    public void PrecisionAt10_IgnoresHitsPastTheCutoff()
    {
        var ranking = Enumerable.Range(0, 10).Select(i => $"n{i}").Append("r1").ToList();

        Assert.Equal(0, RelevanceMetrics.PrecisionAt(10, ranking, Relevant));
    }

    [Fact]
    public void NdcgAt10_DiscountsByLog2OfRankPlusOne_AgainstTheIdealRanking()
    {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.1309...
        var expected = 1.5 / (1 + (1 / Math.Log2(3)) + 0.5);

        Assert.Equal(expected, RelevanceMetrics.NdcgAt(10, ["r1", "n1", "r2", "n2"], Relevant), 12);
        Assert.Equal(0.7039, RelevanceMetrics.NdcgAt(10, ["r1", "n1", "r2", "n2"], Relevant), 4);
    }

    [Fact]
    public void NdcgAt10_IdealRanking_IsOne_AndIdealIsCutAtTen()
    {
        Assert.Equal(1, RelevanceMetrics.NdcgAt(10, ["r2", "r1", "r3", "n1"], Relevant), 12);

        var many = Enumerable.Range(0, 12).Select(i => $"r{i}").ToHashSet();
        Assert.Equal(1, RelevanceMetrics.NdcgAt(10, many.ToList(), many), 12);
    }
}
