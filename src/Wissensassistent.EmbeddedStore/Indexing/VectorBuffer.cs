using System.Numerics.Tensors;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The normalised vectors of the current model, one row per content hash, in one contiguous array of half-precision
/// floats: at a million 384-dimension vectors that is 0.75 GB instead of 1.5 GB, and rounding to 11 significant bits
/// moves a cosine by about 1e-5, far below the gaps that order real hits. SQLite keeps the single-precision vectors.
/// Rows are only
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
        Data = dimension > 0 && capacity > 0 ? new Half[checked(capacity * dimension)] : [];
    }

    public string? Model { get; }

    public int Dimension { get; }

    public Half[] Data { get; private set; }

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

        TensorPrimitives.ConvertToHalf(normalised, Append(contentHash));
    }

    /// <summary>Copies row <paramref name="row"/> into <paramref name="destination"/> as single-precision floats.</summary>
    public void CopyRow(int row, Span<float> destination) => TensorPrimitives.ConvertToSingle(Data.AsSpan(row * Dimension, Dimension), destination);

    /// <summary>
    /// The next row for a content hash. Growing adds a quarter rather than doubling: at a million rows the old and the
    /// new array exist side by side while readers finish, and a doubled one would stay half empty.
    /// </summary>
    private Span<Half> Append(string contentHash)
    {
        if (RowCount == Capacity)
        {
            var grown = new Half[checked(Math.Max(1024, Capacity + Capacity / 4) * Dimension)];
            Data.AsSpan(0, RowCount * Dimension).CopyTo(grown);
            Data = grown;
        }

        _rowByHash[contentHash] = RowCount;
        return Data.AsSpan(RowCount++ * Dimension, Dimension);
    }

    /// <summary>A new buffer with only the vectors of hashes still in use.</summary>
    public VectorBuffer Compact(Func<string, bool> isLive)
    {
        var live = _rowByHash.Where(entry => isLive(entry.Key)).OrderBy(entry => entry.Value).ToList();
        var compacted = new VectorBuffer(Model, Dimension, live.Count + live.Count / 8);
        foreach (var (hash, row) in live)
        {
            Data.AsSpan(row * Dimension, Dimension).CopyTo(compacted.Append(hash));
        }

        return compacted;
    }
}
