using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Tests;

public sealed class RankFusionTests
{
    [Fact]
    public void Fuse_KeyInBothRankings_SumsItsShares()
    {
        var fused = RankFusion.Fuse(60, (["a", "b"], 1.0), (["b", "c"], 0.5));

        Assert.Equal(["b", "a", "c"], fused.Select(f => f.Key));
        Assert.Equal((1.0 / 62) + (0.5 / 61), fused[0].Score, 12);
    }

    [Fact]
    public void Fuse_EqualScores_KeepTheOrderTheRankingsListedThem()
    {
        var fused = RankFusion.Fuse(60, (["a", "b"], 1.0), (["c", "d"], 1.0));

        Assert.Equal(["a", "c", "b", "d"], fused.Select(f => f.Key));
    }
}
