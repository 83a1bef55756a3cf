using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Lexical top-k by MaxScore, document at a time: once the list is full, a chunk that only the weakest terms could still
/// lift over the weakest hit is never scored, and those terms' postings are skipped by binary search instead of walked.
/// Every scored chunk sums its terms in query order, exactly as the exhaustive walk does, so scores and ranking are
/// bit-identical to it; only chunks that could not have entered the list are left out.
/// </summary>
internal sealed partial class IndexSnapshot
{
    /// <summary>Bounds are compared with this much room, so that rounding in a sum never prunes a chunk that would enter.</summary>
    private const double BoundSlack = 1e-9;

    /// <summary>Per term, lazily: the largest frequency / (frequency + length norm) among its postings; 0 until first used.</summary>
    private double[]? _termBounds;

    private bool TrySearchLexicalPruned(LexicalQuery query, bool[]? mask, int top, TermDictionary terms, SearchScratch scratch, out IndexHit[] hits)
    {
        hits = [];
        var lists = scratch.Lists(query.Terms.Count);
        var count = 0;
        var saturation = _k1 + 1;
        foreach (var (term, weight) in query.Terms)
        {
            if (weight == 0 || !terms.TryGetId(term, out var id) || id >= _termCount)
            {
                continue;
            }

            if (weight < 0)
            {
                // A negative weight has no upper bound to prune by; the exhaustive walk handles it.
                return false;
            }

            lists.Term[count] = id;
            lists.Factor[count++] = weight * _idf[id] * saturation;
        }

        var position = lists.Position;
        var end = lists.End;
        var factors = lists.Factor;
        var contribution = lists.Contribution;
        var holds = lists.Holds;
        var order = lists.Order;
        var upTo = lists.UpTo;
        var bound = lists.Bound;
        for (var i = 0; i < count; i++)
        {
            position[i] = _termStart[lists.Term[i]];
            end[i] = _termStart[lists.Term[i] + 1];
            bound[i] = factors[i] * TermBound(lists.Term[i]);
            order[i] = i;
        }

        // Lists by rising bound; below `essential` lie the lists whose bounds together cannot beat the weakest hit.
        Array.Sort(bound, order, 0, count);
        for (var j = 0; j < count; j++)
        {
            upTo[j] = bound[j] + (j > 0 ? upTo[j - 1] : 0);
        }

        var best = scratch.Best(top);
        var essential = 0;
        while (essential < count)
        {
            var chunk = int.MaxValue;
            for (var j = essential; j < count; j++)
            {
                var i = order[j];
                if (position[i] < end[i] && _postingChunks[position[i]] < chunk)
                {
                    chunk = _postingChunks[position[i]];
                }
            }

            if (chunk == int.MaxValue)
            {
                break;
            }

            // A list holds the chunk when its stamp is this round's.
            var round = lists.NextRound();
            var partial = 0.0;
            for (var j = essential; j < count; j++)
            {
                var i = order[j];
                if (position[i] < end[i] && _postingChunks[position[i]] == chunk)
                {
                    contribution[i] = Score(factors[i], position[i], chunk);
                    holds[i] = round;
                    partial += contribution[i];
                    position[i]++;
                }
            }

            if (mask is not null && !mask[chunk])
            {
                continue;
            }

            var threshold = best.IsFull ? best.WeakestScore : double.NegativeInfinity;
            var possible = true;
            for (var j = essential - 1; j >= 0; j--)
            {
                if ((partial + upTo[j]) * (1 + BoundSlack) < threshold)
                {
                    possible = false;
                    break;
                }

                var i = order[j];
                position[i] = SkipTo(position[i], end[i], chunk);
                if (position[i] < end[i] && _postingChunks[position[i]] == chunk)
                {
                    contribution[i] = Score(factors[i], position[i], chunk);
                    holds[i] = round;
                    partial += contribution[i];
                }
            }

            if (!possible)
            {
                continue;
            }

            // In query order, as the exhaustive walk adds them.
            var score = 0.0;
            for (var i = 0; i < count; i++)
            {
                if (holds[i] == round)
                {
                    score += contribution[i];
                }
            }

            if (score > 0)
            {
                best.Offer(chunk, score);
                if (best.IsFull)
                {
                    while (essential < count && upTo[essential] * (1 + BoundSlack) < best.WeakestScore)
                    {
                        essential++;
                    }
                }
            }
        }

        hits = best.ToSortedArray();
        return true;
    }

    private double Score(double factor, int posting, int chunk)
    {
        double frequency = _postingFrequencies[posting];
        return factor * frequency / (frequency + _lengthNorm[chunk]);
    }

    /// <summary>The first posting at or after <paramref name="from"/> whose chunk is at least <paramref name="chunk"/>.</summary>
    /// <remarks>
    /// The posting sought usually lies a few steps ahead: doubling the step from here brackets it among postings still in the
    /// cache, where halving the whole rest of a long list would touch a new line of memory at every probe.
    /// </remarks>
    private int SkipTo(int from, int end, int chunk)
    {
        if (from >= end || _postingChunks[from] >= chunk)
        {
            return from;
        }

        // Below `low` every chunk is less than the one sought; at `high` (or the end) it is reached.
        var low = from;
        var step = 1;
        var high = from + 1;
        while (high < end && _postingChunks[high] < chunk)
        {
            low = high;
            step <<= 1;
            high = (int)Math.Min((long)low + step, end);
        }

        var found = _postingChunks.AsSpan(low + 1, high - low - 1).BinarySearch(chunk);
        return low + 1 + (found >= 0 ? found : ~found);
    }

    private double TermBound(int term)
    {
        var bounds = _termBounds ??= new double[_termCount];
        var known = bounds[term];
        if (known > 0)
        {
            return known;
        }

        var largest = 0.0;
        for (var p = _termStart[term]; p < _termStart[term + 1]; p++)
        {
            double frequency = _postingFrequencies[p];
            largest = Math.Max(largest, frequency / (frequency + _lengthNorm[_postingChunks[p]]));
        }

        // Benign race: every thread computes the same value.
        bounds[term] = largest;
        return largest;
    }
}
