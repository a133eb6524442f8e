using NewsSearch.Evaluation;

namespace NewsSearch.Tests.Evaluation;

/// <summary>Comparing two rankings query by query: run files, the differences and their randomization p-values.</summary>
public sealed class RelevanceComparisonTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadRun_OrdersByScore_TiesByIdDescending_AsTrecEvalDoes()
    {
        var path = folder.Write("a.run", "1 Q0 d1 1 2.5 x\n1 Q0 d3 2 7 x\n\n1 Q0 d2 3 2.5 x\n2 Q0 d9 1 1e-3 x\n");

        var run = EvaluationFiles.ReadRun(path);

        Assert.Equal(["d3", "d2", "d1"], run["1"].Select(a => a.Id));
        Assert.Equal(["d9"], run["2"].Select(a => a.Id));
    }

    [Fact]
    public void ReadRun_ScoresAreComparedAsWritten_NotRoundedToFloats()
    {
        // As floats 16777217 rounds to 16777216, and the tie would put b first.
        var run = EvaluationFiles.ReadRun(folder.Write("a.run", "1 Q0 b 1 16777216 x\n1 Q0 a 2 16777217 x\n"));

        Assert.Equal(["a", "b"], run["1"].Select(a => a.Id));
    }

    [Theory]
    [InlineData("1 Q0 d1 1 high x\n", ":1:")]
    [InlineData("1 Q0 d1 1 2 x\n1 Q0 d1\n", ":2:")]
    [InlineData("1 Q0 d1 1 2 x\n1 Q0 d1 2 1 x\n", ":2: query 1 lists article d1 again (first on line 1)")]
    [InlineData("1 Q0 d1 1 NaN x\n", ":1:")]
    public void ReadRun_BadLine_IsAnErrorNamingTheLine(string text, string expected)
    {
        var error = Assert.Throws<NewsSearchException>(() => EvaluationFiles.ReadRun(folder.Write("bad.run", text)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_AJudgedQueryTheRunLacks_CountsAsFindingNothing()
    {
        var report = RelevanceEvaluator.Measure("run", Queries(2), Judge(2), Rankings(("1", ["r1"])));

        Assert.Equal(2, report.All.Queries);
        Assert.Equal(1.0, report.Odd.MeanAveragePrecision, 12);
        Assert.Equal(0, report.Even.MeanAveragePrecision);
        Assert.Equal("run", report.Name);
    }

    [Fact]
    public void Compare_IdenticalRankings_DifferByNothing_WithPOne()
    {
        var queries = Queries(40);
        var rankings = Rankings(Enumerable.Range(1, 40).Select(i => ($"{i}", (string[])(i % 3 == 0 ? ["n", $"r{i}"] : [$"r{i}"]))).ToArray());
        var report = RelevanceEvaluator.Measure("a", queries, Judge(40), rankings);

        var comparison = RelevanceComparison.Compare(report, report with { Name = "b" });

        foreach (var half in new[] { comparison.All, comparison.Odd, comparison.Even })
        {
            foreach (var measure in new[] { half.AveragePrecision, half.PrecisionAt10, half.NdcgAt10 })
            {
                Assert.Equal(0, measure.Difference, 12);
                Assert.Equal(1.0, measure.PValue, 12);
                Assert.Equal((0, 0), (measure.Better, measure.Worse));
            }
        }
        Assert.Equal(("a", "b"), (comparison.Name, comparison.Against));
    }

    [Fact]
    public void Compare_FewQueries_CountsEveryRelabelling()
    {
        // Four queries, each one better: of the 16 relabellings only "all better" and "all worse" reach the observed sum.
        var better = RelevanceEvaluator.Measure("better", Queries(4), Judge(4), Rankings([.. Enumerable.Range(1, 4).Select(i => ($"{i}", new[] { $"r{i}" }))]));
        var worse = RelevanceEvaluator.Measure("worse", Queries(4), Judge(4), Rankings([.. Enumerable.Range(1, 4).Select(i => ($"{i}", new[] { "n", $"r{i}" }))]));

        var comparison = RelevanceComparison.Compare(better, worse);

        Assert.True(comparison.All.Exact);
        Assert.Equal(0.5, comparison.All.AveragePrecision.Difference, 12);
        Assert.Equal(2.0 / 16, comparison.All.AveragePrecision.PValue, 12);
        Assert.Equal((4, 0), (comparison.All.AveragePrecision.Better, comparison.All.AveragePrecision.Worse));
        Assert.Equal(2.0 / 4, comparison.Odd.AveragePrecision.PValue, 12);
        Assert.Equal(1.0, comparison.All.PrecisionAt10.PValue, 12);
    }

    [Fact]
    public void Compare_ManyQueries_SampledPValue_IsCloseToTheExactOne_AndRepeats()
    {
        // 20 queries, mixed: better at most ranks, worse at some, so the exact p-value is neither tiny nor one.
        var first = new List<(string, string[])>();
        var second = new List<(string, string[])>();
        for (var i = 1; i <= 20; i++)
        {
            var near = (string[])[$"r{i}"];
            var far = Enumerable.Repeat("n", i % 5).Append($"r{i}").Select((id, k) => id == "n" ? $"n{k}" : id).ToArray();
            first.Add(($"{i}", i % 4 == 0 ? far : near));
            second.Add(($"{i}", i % 4 == 0 ? near : far));
        }
        var a = RelevanceEvaluator.Measure("a", Queries(20), Judge(20), Rankings([.. first]));
        var b = RelevanceEvaluator.Measure("b", Queries(20), Judge(20), Rankings([.. second]));

        var comparison = RelevanceComparison.Compare(a, b, permutations: 20_000, seed: 7);
        var again = RelevanceComparison.Compare(a, b, permutations: 20_000, seed: 7);

        var differences = a.Queries.Zip(b.Queries, (x, y) => x.AveragePrecision - y.AveragePrecision).ToArray();
        var exact = ExactPValue(differences);
        Assert.False(comparison.All.Exact);
        Assert.InRange(exact, 0.01, 0.5);
        Assert.InRange(comparison.All.AveragePrecision.PValue, exact - 0.01, exact + 0.01);
        Assert.Equal(comparison, again);
    }

    [Fact]
    public void Compare_ReportsOfDifferentQueries_IsAnError()
    {
        var two = RelevanceEvaluator.Measure("a", Queries(2), Judge(2), Rankings());
        var three = RelevanceEvaluator.Measure("b", Queries(3), Judge(3), Rankings());

        Assert.Throws<ArgumentException>(() => RelevanceComparison.Compare(two, three));
    }

    /// <summary>The test's own oracle: every one of the 2^n relabellings, counted.</summary>
    private static double ExactPValue(double[] differences)
    {
        var observed = Math.Abs(differences.Sum());
        var atLeast = 0;
        for (var signs = 0; signs < 1 << differences.Length; signs++)
        {
            var sum = differences.Select((d, q) => (signs & (1 << q)) != 0 ? -d : d).Sum();
            if (Math.Abs(sum) >= observed - 1e-9)
            {
                atLeast++;
            }
        }
        return (double)atLeast / (1 << differences.Length);
    }

    private static List<EvaluationQuery> Queries(int count) => [.. Enumerable.Range(1, count).Select(i => new EvaluationQuery($"{i}", $"query {i}"))];

    /// <summary>Query i has one relevant article, r{i}.</summary>
    private static Judgments Judge(int count) =>
        new(Enumerable.Range(1, count).Select(i => KeyValuePair.Create($"{i}", (IEnumerable<string>)[$"r{i}"])));

    private static Dictionary<string, IReadOnlyList<RankedArticle>> Rankings(params (string Query, string[] Ids)[] rankings) =>
        rankings.ToDictionary(r => r.Query, r => (IReadOnlyList<RankedArticle>)[.. r.Ids.Select((id, i) => new RankedArticle(id, r.Ids.Length - i))]);
}
