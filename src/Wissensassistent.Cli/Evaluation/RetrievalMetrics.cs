namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// Ranking metrics over norm keys with binary relevance. A ranking is deduplicated by norm before scoring, since
/// gold labels name norms (§§), not Absätze.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>Share of the gold norms found among the first <paramref name="k"/>.</summary>
    public static double Recall(IReadOnlyList<string> ranking, IReadOnlySet<string> gold, int k) =>
        gold.Count == 0 ? 0 : (double)ranking.Take(k).Count(gold.Contains) / gold.Count;

    /// <summary>1 when any gold norm is among the first <paramref name="k"/>, else 0.</summary>
    public static double Hit(IReadOnlyList<string> ranking, IReadOnlySet<string> gold, int k) =>
        ranking.Take(k).Any(gold.Contains) ? 1 : 0;

    /// <summary>1 / rank of the first gold norm within <paramref name="k"/>, else 0.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlySet<string> gold, int k)
    {
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (gold.Contains(ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>DCG / ideal DCG with gain 1 per gold norm and discount log2(rank + 1).</summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlySet<string> gold, int k)
    {
        if (gold.Count == 0)
        {
            return 0;
        }

        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (gold.Contains(ranking[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(k, gold.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return dcg / ideal;
    }

    /// <summary>Keeps the first occurrence of each key, in order.</summary>
    public static IReadOnlyList<string> Deduplicate(IEnumerable<string> ranking)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ranking.Where(seen.Add).ToList();
    }

    /// <summary>The value below which <paramref name="percent"/> % of the sorted values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sortedValues, double percent)
    {
        if (sortedValues.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sortedValues.Count);
        return sortedValues[Math.Clamp(rank - 1, 0, sortedValues.Count - 1)];
    }
}
