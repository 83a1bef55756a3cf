using System.Runtime.InteropServices;

namespace Wissensassistent.Core.Retrieval;

/// <summary>Weighted reciprocal rank fusion: score(d) = Σ wᵢ / (k + rankᵢ(d)), ranks from 1.</summary>
public static class RankFusion
{
    public static IReadOnlyList<(TKey Key, double Score)> Fuse<TKey>(int k, params (IReadOnlyList<TKey> Ranking, double Weight)[] rankings)
        where TKey : notnull
    {
        var fused = new Dictionary<TKey, (double Score, int FirstSeen)>();
        var order = 0;
        foreach (var (ranking, weight) in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(fused, ranking[i], out var seen);
                entry = (entry.Score + (weight / (k + i + 1)), seen ? entry.FirstSeen : order);
                order++;
            }
        }

        var keys = new TKey[fused.Count];
        var entries = new (double Score, int FirstSeen)[fused.Count];
        fused.Keys.CopyTo(keys, 0);
        fused.Values.CopyTo(entries, 0);

        // Ties keep the order in which the rankings listed them, so fusion is deterministic.
        Array.Sort(entries, keys, ByScoreThenFirstSeen.Instance);
        var result = new (TKey Key, double Score)[keys.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (keys[i], entries[i].Score);
        }

        return result;
    }

    private sealed class ByScoreThenFirstSeen : IComparer<(double Score, int FirstSeen)>
    {
        public static readonly ByScoreThenFirstSeen Instance = new();

        public int Compare((double Score, int FirstSeen) x, (double Score, int FirstSeen) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.FirstSeen.CompareTo(y.FirstSeen);
        }
    }
}
