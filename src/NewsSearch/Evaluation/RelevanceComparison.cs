namespace NewsSearch.Evaluation;

/// <summary>How one measure differs between two rankings over a set of queries.</summary>
/// <param name="Difference">The mean of the per-query differences: the first ranking's figure minus the second's.</param>
/// <param name="PValue">
/// Two-sided p-value of a paired randomization test: the share of random relabellings (each query's two figures
/// swapped or not) whose mean difference is at least as far from zero as the one observed.
/// </param>
/// <param name="Better">Queries where the first ranking scores higher.</param>
/// <param name="Worse">Queries where it scores lower.</param>
public sealed record MeasureDifference(double Difference, double PValue, int Better, int Worse);

/// <summary>The differences over one set of queries (all, odd or even ids).</summary>
/// <param name="Queries">Queries compared.</param>
/// <param name="Exact">Whether every relabelling was counted (16 queries or fewer) rather than a random sample of them.</param>
/// <param name="AveragePrecision">Difference in MAP.</param>
/// <param name="PrecisionAt10">Difference in P@10.</param>
/// <param name="NdcgAt10">Difference in nDCG@10.</param>
public sealed record HalfDifference(int Queries, bool Exact, MeasureDifference AveragePrecision, MeasureDifference PrecisionAt10, MeasureDifference NdcgAt10);

/// <summary>
/// Two rankings measured on the same judged queries, compared query by query, overall and on each half. A test
/// collection of a few dozen queries moves by a few hundredths when one relevant article moves a rank or two, so a
/// difference in means says little without its p-value: the paired randomization (permutation) test is the one
/// Smucker, Allan and Carterette (CIKM 2007) found most reliable for IR measures.
/// </summary>
/// <param name="Name">The first ranking's name.</param>
/// <param name="Against">The second ranking's name.</param>
/// <param name="Permutations">Random relabellings drawn for each half larger than 16 queries.</param>
/// <param name="All">All judged queries.</param>
/// <param name="Odd">Queries with odd ids.</param>
/// <param name="Even">Queries with even ids.</param>
public sealed record RelevanceComparison(string Name, string Against, int Permutations, HalfDifference All, HalfDifference Odd, HalfDifference Even)
{
    /// <summary>Relabellings drawn by default: p-values of 0.01 are then within about ±0.001.</summary>
    public const int DefaultPermutations = 100_000;

    private const int ExactLimit = 16;

    /// <summary>Compares <paramref name="report"/> with <paramref name="against"/>, query by query.</summary>
    /// <param name="report">The first ranking.</param>
    /// <param name="against">The second ranking, measured on the same queries (as <see cref="RelevanceEvaluator"/> measures any two rankings of one queries file and judgments).</param>
    /// <param name="permutations">Random relabellings drawn per half and measure.</param>
    /// <param name="seed">Seed of the relabellings, so a comparison prints the same p-values every time.</param>
    /// <exception cref="ArgumentException">The reports measure different queries.</exception>
    public static RelevanceComparison Compare(RelevanceReport report, RelevanceReport against, int permutations = DefaultPermutations, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(against);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permutations);
        if (!report.Queries.Select(q => q.QueryId).SequenceEqual(against.Queries.Select(q => q.QueryId), StringComparer.Ordinal))
        {
            throw new ArgumentException("The two reports measure different queries; measure both on the same queries file and judgments.", nameof(against));
        }
        var pairs = report.Queries.Zip(against.Queries).ToList();
        HalfDifference Half(Func<QueryEvaluation, bool> include)
        {
            var half = pairs.Where(p => include(p.First)).ToList();
            MeasureDifference Measure(Func<QueryEvaluation, double> measure) =>
                Difference(half.ConvertAll(p => measure(p.First) - measure(p.Second)), permutations, seed);
            return new HalfDifference(
                half.Count, half.Count <= ExactLimit,
                Measure(q => q.AveragePrecision), Measure(q => q.PrecisionAt10), Measure(q => q.NdcgAt10));
        }
        return new RelevanceComparison(report.Name, against.Name, permutations, Half(_ => true), Half(q => q.IsOdd), Half(q => !q.IsOdd));
    }

    private static MeasureDifference Difference(List<double> differences, int permutations, int seed)
    {
        var n = differences.Count;
        if (n == 0)
        {
            return new MeasureDifference(0, 1, 0, 0);
        }
        var observed = Math.Abs(differences.Sum());
        // Sums that equal the observed one up to rounding must count as reaching it, or identical rankings would not get p = 1.
        var reach = observed - (1e-9 * n);
        var better = differences.Count(d => d > 0);
        var worse = differences.Count(d => d < 0);
        long atLeast = 0;
        long drawn;
        if (n <= ExactLimit)
        {
            drawn = 1L << n;
            for (var signs = 0L; signs < drawn; signs++)
            {
                if (Math.Abs(SignedSum(differences, signs)) >= reach)
                {
                    atLeast++;
                }
            }
            return new MeasureDifference(differences.Average(), (double)atLeast / drawn, better, worse);
        }
        var random = new Random(seed);
        var bits = new byte[(n + 7) / 8];
        drawn = permutations;
        for (var i = 0; i < permutations; i++)
        {
            random.NextBytes(bits);
            var sum = 0.0;
            for (var q = 0; q < n; q++)
            {
                sum += (bits[q >> 3] & (1 << (q & 7))) != 0 ? -differences[q] : differences[q];
            }
            if (Math.Abs(sum) >= reach)
            {
                atLeast++;
            }
        }
        // The observed labelling is one of the possible ones: counting it keeps a sampled p-value above zero.
        return new MeasureDifference(differences.Average(), (atLeast + 1.0) / (drawn + 1), better, worse);
    }

    private static double SignedSum(List<double> differences, long signs)
    {
        var sum = 0.0;
        for (var q = 0; q < differences.Count; q++)
        {
            sum += (signs & (1L << q)) != 0 ? -differences[q] : differences[q];
        }
        return sum;
    }
}
