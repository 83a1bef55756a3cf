using System.Collections.Concurrent;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Per-search working arrays, pooled because allocating several hundred kilobytes per query would dominate its
/// cost. Scores are reset lazily through a generation stamp instead of clearing the whole array.
/// </summary>
internal sealed class SearchScratch
{
    private int _generation;

    private SearchScratch(int size)
    {
        Scores = new double[size];
        Stamps = new int[size];
        Touched = new int[size];
        Mask = new bool[size];
    }

    public double[] Scores { get; }

    public int[] Stamps { get; }

    public int[] Touched { get; }

    public bool[] Mask { get; }

    public int Size => Scores.Length;

    private QueryLists? _lists;
    private TopHits? _best;

    /// <summary>The per-list arrays of one pruned search, for at least <paramref name="count"/> query terms.</summary>
    public QueryLists Lists(int count) => _lists is { Capacity: var capacity } && capacity >= count ? _lists : _lists = new QueryLists(Math.Max(count, 16));

    /// <summary>An empty top list of <paramref name="top"/> places.</summary>
    public TopHits Best(int top)
    {
        // A search asks for a few hundred at most; an unusually long list is not kept.
        if (top > MaxKeptTop)
        {
            return new TopHits(top);
        }

        var best = _best is { Capacity: var capacity } && capacity >= top ? _best : _best = new TopHits(Math.Max(top, 256));
        best.Reset(top);
        return best;
    }

    private const int MaxKeptTop = 4096;

    /// <summary>Per query term (by its place among the terms found): where its postings are and what it adds.</summary>
    public sealed class QueryLists(int capacity)
    {
        public int Capacity => capacity;

        public int[] Term { get; } = new int[capacity];

        public double[] Factor { get; } = new double[capacity];

        public int[] Position { get; } = new int[capacity];

        public int[] End { get; } = new int[capacity];

        public double[] Bound { get; } = new double[capacity];

        public int[] Order { get; } = new int[capacity];

        public double[] UpTo { get; } = new double[capacity];

        public double[] Contribution { get; } = new double[capacity];

        /// <summary>Stamped with the round (<see cref="NextRound"/>) in which the list holds the chunk being scored.</summary>
        public int[] Holds { get; } = new int[capacity];

        private int _round;

        /// <summary>A stamp no list holds yet: rounds count on across searches, so no stamp a search before left matches.</summary>
        public int NextRound()
        {
            if (_round == int.MaxValue)
            {
                Array.Clear(Holds);
                _round = 0;
            }

            return ++_round;
        }
    }

    public int NextGeneration()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(Stamps);
            _generation = 0;
        }

        return ++_generation;
    }

    public sealed class Pool
    {
        private readonly ConcurrentBag<SearchScratch> _free = [];

        public SearchScratch Rent(int size)
        {
            while (_free.TryTake(out var scratch))
            {
                if (scratch.Size >= size)
                {
                    return scratch;
                }
            }

            // Some headroom, so that a growing store does not reallocate on every write.
            return new SearchScratch(Math.Max(1024, size + size / 8));
        }

        public void Return(SearchScratch scratch) => _free.Add(scratch);
    }
}
