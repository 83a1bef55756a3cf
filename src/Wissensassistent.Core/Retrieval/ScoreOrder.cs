using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Retrieval;

/// <summary>
/// Candidates by score, highest first, equal scores in the order they came: what <c>OrderByDescending(h =&gt; h.Score)</c>
/// gives, without its per-call machinery, and without sorting at all when a step changed no order.
/// </summary>
public static class ScoreOrder
{
    /// <summary>Sorts <paramref name="hits"/> in place (stable) and returns it.</summary>
    public static ScoredChunk[] Descending(ScoredChunk[] hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (IsDescending(hits))
        {
            // A stable sort of a sorted list is that list.
            return hits;
        }

        var keys = new double[hits.Length];
        var order = new int[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            if (double.IsNaN(hits[i].Score))
            {
                return DescendingWithNaN(hits);
            }

            keys[i] = -hits[i].Score;
            order[i] = i;
        }

        // The primitive sort is not stable: within each run of equal scores, the earlier position goes first again.
        Array.Sort(keys, order);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        var copy = (ScoredChunk[])hits.Clone();
        for (var i = 0; i < order.Length; i++)
        {
            hits[i] = copy[order[i]];
        }

        return hits;
    }

    /// <summary>A score that is not a number goes last, as <see cref="double.CompareTo(double)"/> orders it.</summary>
    private static ScoredChunk[] DescendingWithNaN(ScoredChunk[] hits)
    {
        var order = new int[hits.Length];
        var scores = new double[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            order[i] = i;
            scores[i] = hits[i].Score;
        }

        Array.Sort(order, new Stable(scores));
        var copy = (ScoredChunk[])hits.Clone();
        for (var i = 0; i < order.Length; i++)
        {
            hits[i] = copy[order[i]];
        }

        return hits;
    }

    private static bool IsDescending(ScoredChunk[] hits)
    {
        for (var i = 1; i < hits.Length; i++)
        {
            if (hits[i - 1].Score.CompareTo(hits[i].Score) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Higher score first (as <see cref="double.CompareTo(double)"/> orders them, NaN last), then the earlier position.</summary>
    private sealed class Stable(double[] scores) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byScore = scores[y].CompareTo(scores[x]);
            return byScore != 0 ? byScore : x.CompareTo(y);
        }
    }
}
