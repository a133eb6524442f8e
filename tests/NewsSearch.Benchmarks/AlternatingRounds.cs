namespace NewsSearch.Benchmarks;

/// <summary>
/// Two measurements of the same work, round by round on the same machine, the first of each round alternating so
/// that neither always runs on a warmer (or busier) machine; with the ratio of each round (second over first).
/// </summary>
internal static class AlternatingRounds
{
    /// <param name="report">Told each round's number (from 1) and its two rates.</param>
    public static (List<double> First, List<double> Second, List<double> Ratios) Run(int rounds, Func<double> first, Func<double> second,
        Action<int, double, double> report)
    {
        var firstRates = new List<double>();
        var secondRates = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            double a, b;
            if (round % 2 == 0)
            {
                a = first();
                b = second();
            }
            else
            {
                b = second();
                a = first();
            }
            firstRates.Add(a);
            secondRates.Add(b);
            ratios.Add(b / a);
            report(round + 1, a, b);
        }
        return (firstRates, secondRates, ratios);
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
