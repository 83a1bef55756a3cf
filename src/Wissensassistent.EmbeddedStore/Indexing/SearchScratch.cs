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
