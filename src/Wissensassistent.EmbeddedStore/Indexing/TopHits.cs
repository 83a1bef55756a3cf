namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The best <c>capacity</c> chunks seen so far, as a binary min-heap with the weakest hit at the root. Equal
/// scores prefer the lower chunk index, i.e. document order, so that results are deterministic.
/// </summary>
internal sealed class TopHits
{
    private readonly int[] _chunks;
    private readonly double[] _scores;
    private int _count;
    private int _limit;

    public TopHits(int capacity)
    {
        _chunks = new int[capacity];
        _scores = new double[capacity];
        _limit = capacity;
    }

    public int Capacity => _chunks.Length;

    /// <summary>Whether every place is taken, so that a hit must beat <see cref="WeakestScore"/> to enter.</summary>
    public bool IsFull => _count > 0 && _count == _limit;

    /// <summary>The score of the weakest hit held; meaningful once <see cref="IsFull"/>.</summary>
    public double WeakestScore => _scores[0];

    /// <summary>Empties the list for reuse, with <paramref name="limit"/> places (at most its capacity).</summary>
    public void Reset(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, _chunks.Length);
        _count = 0;
        _limit = limit;
    }

    public void Offer(int chunk, double score)
    {
        if (_count < _limit)
        {
            _chunks[_count] = chunk;
            _scores[_count] = score;
            SiftUp(_count++);
        }
        else if (_count > 0 && IsWeaker(_scores[0], _chunks[0], score, chunk))
        {
            _chunks[0] = chunk;
            _scores[0] = score;
            SiftDown(0);
        }
    }

    public IndexHit[] ToSortedArray()
    {
        var hits = new IndexHit[_count];
        for (var i = 0; i < _count; i++)
        {
            hits[i] = new IndexHit(_chunks[i], _scores[i]);
        }

        Array.Sort(hits, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Chunk.CompareTo(b.Chunk));
        return hits;
    }

    /// <summary>Whether hit a ranks below hit b.</summary>
    private static bool IsWeaker(double scoreA, int chunkA, double scoreB, int chunkB) =>
        scoreA < scoreB || (scoreA == scoreB && chunkA > chunkB);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsWeaker(_scores[i], _chunks[i], _scores[parent], _chunks[parent]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var weakest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < _count && IsWeaker(_scores[left], _chunks[left], _scores[weakest], _chunks[weakest]))
            {
                weakest = left;
            }

            if (right < _count && IsWeaker(_scores[right], _chunks[right], _scores[weakest], _chunks[weakest]))
            {
                weakest = right;
            }

            if (weakest == i)
            {
                return;
            }

            Swap(i, weakest);
            i = weakest;
        }
    }

    private void Swap(int a, int b)
    {
        (_chunks[a], _chunks[b]) = (_chunks[b], _chunks[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
