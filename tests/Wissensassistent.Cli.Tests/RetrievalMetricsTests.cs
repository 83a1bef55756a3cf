using Wissensassistent.Cli.Evaluation;

namespace Wissensassistent.Cli.Tests;

public sealed class RetrievalMetricsTests
{
    // Ranking: a, g1, b, g2, c …; gold {g1, g2, g3}. Worked by hand:
    //   Recall@1 = 0/3, Recall@5 = 2/3, MRR@10 = 1/2,
    //   DCG@10 = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161
    //   IDCG@10 = 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.63093 + 0.5 = 2.13093
    //   nDCG@10 = 1.06161 / 2.13093 = 0.49819
    private static readonly string[] Ranking = ["a", "g1", "b", "g2", "c", "d", "e", "f", "h", "i", "g3"];
    private static readonly HashSet<string> Gold = ["g1", "g2", "g3"];

    [Fact]
    public void Recall_CountsGoldFoundWithinK()
    {
        Assert.Equal(0.0, RetrievalMetrics.Recall(Ranking, Gold, 1));
        Assert.Equal(2.0 / 3, RetrievalMetrics.Recall(Ranking, Gold, 5), 6);
        Assert.Equal(2.0 / 3, RetrievalMetrics.Recall(Ranking, Gold, 10), 6);
        Assert.Equal(1.0, RetrievalMetrics.Recall(Ranking, Gold, 100));
    }

    [Fact]
    public void ReciprocalRank_IsOneOverFirstGoldRank_ZeroBeyondK()
    {
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRank(Ranking, Gold, 10));
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRank(Ranking, Gold, 1));
    }

    [Fact]
    public void Ndcg_MatchesHandComputedValue()
    {
        Assert.Equal(0.49819, RetrievalMetrics.Ndcg(Ranking, Gold, 10), 5);
    }

    [Fact]
    public void Ndcg_PerfectRankingIsOne()
    {
        Assert.Equal(1.0, RetrievalMetrics.Ndcg(["g1", "g2", "g3", "a"], Gold, 10), 10);
    }

    [Fact]
    public void Deduplicate_KeepsFirstOccurrenceOfEachNorm()
    {
        Assert.Equal(["x", "y", "z"], RetrievalMetrics.Deduplicate(["x", "y", "x", "z", "y"]));
    }

    [Fact]
    public void Percentile_UsesNearestRank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, RetrievalMetrics.Percentile(sorted, 50));
        Assert.Equal(10, RetrievalMetrics.Percentile(sorted, 95));
        Assert.Equal(1, RetrievalMetrics.Percentile(sorted, 1));
    }

    [Fact]
    public void Accumulator_AveragesOverQuestions()
    {
        var accumulator = new EvaluationAccumulator("test");
        accumulator.Add(["g1", "a"], new HashSet<string> { "g1" }, 10);
        accumulator.Add(["a", "b"], new HashSet<string> { "g1" }, 30);

        var summary = accumulator.Summarize();

        Assert.Equal(2, summary.Questions);
        Assert.Equal(0.5, summary.RecallAt10);
        Assert.Equal(0.5, summary.MrrAt10);
        Assert.Equal(10, summary.LatencyP50Ms);
        Assert.Equal(30, summary.LatencyP95Ms);
    }
}
