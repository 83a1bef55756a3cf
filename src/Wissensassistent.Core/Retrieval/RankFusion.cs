namespace Wissensassistent.Core.Retrieval;

/// <summary>Weighted reciprocal rank fusion: score(d) = Σ wᵢ / (k + rankᵢ(d)), ranks from 1.</summary>
public static class RankFusion
{
    public static IReadOnlyList<(TKey Key, double Score)> Fuse<TKey>(int k, params (IReadOnlyList<TKey> Ranking, double Weight)[] rankings)
        where TKey : notnull
    {
        var scores = new Dictionary<TKey, double>();
        var firstSeen = new Dictionary<TKey, int>();
        var order = 0;
        foreach (var (ranking, weight) in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var key = ranking[i];
                scores[key] = scores.GetValueOrDefault(key) + weight / (k + i + 1);
                firstSeen.TryAdd(key, order++);
            }
        }

        // Ties keep the order in which the rankings listed them, so fusion is deterministic.
        return scores
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => firstSeen[kv.Key])
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }
}
