using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// The dot product of a half-precision row with a single-precision query, widening as it goes. Widening by bits is
    /// exact for every finite half, subnormals included (the magnitude moves into place and a multiplication by 2^112
    /// rebiases the exponent); infinities and NaN do not occur in normalised vectors. Several times faster than
    /// widening into a buffer with <see cref="TensorPrimitives.ConvertToSingle(ReadOnlySpan{Half}, Span{float})"/> first,
    /// which does it element by element on this runtime.
    /// </summary>
    public static float Dot(ReadOnlySpan<Half> row, ReadOnlySpan<float> query)
    {
        if (query.Length < row.Length)
        {
            throw new ArgumentException("Der Suchvektor ist kürzer als die Zeile.", nameof(query));
        }

        ref var bits = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(row));
        ref var weights = ref MemoryMarshal.GetReference(query);
        var i = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated)
        {
            var even = Vector512<float>.Zero;
            var odd = Vector512<float>.Zero;
            for (; i + 32 <= row.Length; i += 32)
            {
                var (low, high) = Vector512.Widen(Vector512.LoadUnsafe(ref bits, (nuint)i));
                even = Vector512.FusedMultiplyAdd(Widen(low), Vector512.LoadUnsafe(ref weights, (nuint)i), even);
                odd = Vector512.FusedMultiplyAdd(Widen(high), Vector512.LoadUnsafe(ref weights, (nuint)(i + 16)), odd);
            }

            sum = Vector512.Sum(even + odd);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var even = Vector256<float>.Zero;
            var odd = Vector256<float>.Zero;
            for (; i + 16 <= row.Length; i += 16)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref bits, (nuint)i));
                even = Vector256.FusedMultiplyAdd(Widen(low), Vector256.LoadUnsafe(ref weights, (nuint)i), even);
                odd = Vector256.FusedMultiplyAdd(Widen(high), Vector256.LoadUnsafe(ref weights, (nuint)(i + 8)), odd);
            }

            sum = Vector256.Sum(even + odd);
        }

        for (; i < row.Length; i++)
        {
            sum += (float)row[i] * query[i];
        }

        return sum;
    }

    /// <summary>
    /// Asks the processor to fetch <paramref name="length"/> elements of <paramref name="data"/> from
    /// <paramref name="start"/> into the cache while earlier rows are worked on: rows picked from all over an array of
    /// tens or hundreds of megabytes are each a cache miss, and fetching several ahead overlaps them.
    /// </summary>
    public static unsafe void Prefetch<T>(T[] data, int start, int length)
        where T : unmanaged
    {
        if (!Sse.IsSupported || length <= 0 || start < 0 || (uint)(start + length) > (uint)data.Length)
        {
            return;
        }

        // A prefetch is a hint that never faults, so the address need not stay pinned: if the collector moved the
        // array in between, the hint is wasted, nothing else.
        var first = (byte*)Unsafe.AsPointer(ref data[start]);
        var last = first + (length * sizeof(T)) - 1;
        for (var line = first; line <= last; line += 64)
        {
            Sse.Prefetch0(line);
        }

        // The last element may begin on one cache line and end on the next.
        Sse.Prefetch0(last);
    }

    /// <summary>2^112: the exponent bias of single precision (127) minus that of half precision (15).</summary>
    private static readonly float ExponentRebias = BitConverter.Int32BitsToSingle((127 + 112) << 23);

    private static Vector512<float> Widen(Vector512<uint> half)
    {
        var magnitude = Vector512.ShiftLeft(half & Vector512.Create(0x7FFFu), 13).AsSingle() * Vector512.Create(ExponentRebias);
        return (magnitude.AsUInt32() | Vector512.ShiftLeft(half & Vector512.Create(0x8000u), 16)).AsSingle();
    }

    private static Vector256<float> Widen(Vector256<uint> half)
    {
        var magnitude = Vector256.ShiftLeft(half & Vector256.Create(0x7FFFu), 13).AsSingle() * Vector256.Create(ExponentRebias);
        return (magnitude.AsUInt32() | Vector256.ShiftLeft(half & Vector256.Create(0x8000u), 16)).AsSingle();
    }

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
