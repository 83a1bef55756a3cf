namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The normalised vectors of the current model, one row per content hash, in one contiguous array. Rows are only
/// ever appended: a snapshot reads rows below the count it captured while the writer fills rows above it, and
/// growing or compacting allocates a new array, so published rows never change under a reader. Only the writer
/// mutates it.
/// </summary>
internal sealed class VectorBuffer
{
    private readonly Dictionary<string, int> _rowByHash = new(StringComparer.Ordinal);

    public VectorBuffer(string? model, int dimension, int capacity = 0)
    {
        Model = model;
        Dimension = dimension;
        Data = dimension > 0 && capacity > 0 ? new float[checked(capacity * dimension)] : [];
    }

    public string? Model { get; }

    public int Dimension { get; }

    public float[] Data { get; private set; }

    public int RowCount { get; private set; }

    public int Capacity => Dimension == 0 ? 0 : Data.Length / Dimension;

    public bool TryGetRow(string contentHash, out int row) => _rowByHash.TryGetValue(contentHash, out row);

    public bool Contains(string contentHash) => _rowByHash.ContainsKey(contentHash);

    /// <summary>Adds or replaces the vector of a content hash; a replaced row stays behind until compaction.</summary>
    public void Set(string contentHash, ReadOnlySpan<float> normalised)
    {
        if (normalised.Length != Dimension)
        {
            throw new ArgumentException($"Vektor mit {normalised.Length} statt {Dimension} Dimensionen.", nameof(normalised));
        }

        if (RowCount == Capacity)
        {
            var grown = new float[checked(Math.Max(1024, Capacity * 2) * Dimension)];
            Data.AsSpan(0, RowCount * Dimension).CopyTo(grown);
            Data = grown;
        }

        normalised.CopyTo(Data.AsSpan(RowCount * Dimension, Dimension));
        _rowByHash[contentHash] = RowCount++;
    }

    /// <summary>A new buffer with only the vectors of hashes still in use.</summary>
    public VectorBuffer Compact(Func<string, bool> isLive)
    {
        var live = _rowByHash.Where(entry => isLive(entry.Key)).OrderBy(entry => entry.Value).ToList();
        var compacted = new VectorBuffer(Model, Dimension, live.Count + live.Count / 8);
        foreach (var (hash, row) in live)
        {
            compacted.Set(hash, Data.AsSpan(row * Dimension, Dimension));
        }

        return compacted;
    }
}
