using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Dense search through an approximate index: the graph proposes rows, every proposal is scored exactly against the
/// float32 vectors and checked against the filter, and rows the graph does not know yet (vectors stored after it was
/// built) are scanned exactly. Results are therefore exact cosine scores of allowed chunks; only recall is approximate.
/// </summary>
internal sealed partial class IndexSnapshot
{
    /// <summary>Below this share of admitted chunks the exact scan is cheaper and never misses: it skips the rest.</summary>
    private const double ApproximateMinimumShare = 0.2;

    private volatile BoundApproximateIndex? _approximate;

    /// <summary>The approximate index this snapshot searches; null: exact scan only.</summary>
    public BoundApproximateIndex? Approximate => _approximate;

    /// <summary>Rows of the vector array that at least one chunk uses.</summary>
    public int UsedVectorRows
    {
        get
        {
            var used = 0;
            for (var row = 0; row < VectorRows; row++)
            {
                if (_rowStart[row] < _rowStart[row + 1])
                {
                    used++;
                }
            }

            return used;
        }
    }

    /// <summary>
    /// Lets this snapshot search through <paramref name="index"/> from now on; searches already running finish as they
    /// started. Both paths return exact scores of allowed chunks, so a reader may see either.
    /// </summary>
    public void UseApproximate(ApproximateVectorIndex? index, VectorBuffer buffer)
    {
        if (index is null || index.Model != Model || index.Dimension != Dimension)
        {
            _approximate = null;
            return;
        }

        var keyRows = index.RowsOf(buffer);
        var covered = new bool[VectorRows];
        var coveredRows = 0;
        foreach (var row in keyRows)
        {
            if ((uint)row < (uint)VectorRows && !covered[row])
            {
                covered[row] = true;
                coveredRows++;
            }
        }

        var uncovered = new List<int>();
        for (var row = 0; row < VectorRows; row++)
        {
            if (!covered[row] && _rowStart[row] < _rowStart[row + 1])
            {
                uncovered.Add(row);
            }
        }

        _approximate = new BoundApproximateIndex(index, keyRows, [.. uncovered], coveredRows);
    }

    /// <summary>The rows chunks use, with the content hash of each: what an approximate index is built from.</summary>
    public ApproximateVectorSource ApproximateSource()
    {
        var rows = new List<int>(VectorRows);
        var hashes = new List<string>(VectorRows);
        for (var row = 0; row < VectorRows; row++)
        {
            if (_rowStart[row] < _rowStart[row + 1])
            {
                rows.Add(row);
                hashes.Add(ContentHashes[_rowChunks[_rowStart[row]]]);
            }
        }

        return new ApproximateVectorSource(Model!, Dimension, _vectors, [.. rows], [.. hashes]);
    }

    /// <summary>False when there is no approximate index or the filter admits so few chunks that the exact scan is the better path.</summary>
    private unsafe bool TrySearchApproximate(ReadOnlySpan<float> query, bool[]? mask, int top, out IndexHit[] hits)
    {
        hits = [];
        var bound = _approximate;
        if (bound is null || (mask is not null && Admitted(mask) < ChunkCount * ApproximateMinimumShare))
        {
            return false;
        }

        var index = bound.Index;
        if (!index.TryAcquire())
        {
            return false;
        }

        // More rows than places: several chunks may share a row, and exact rescoring reorders the graph's proposals.
        var wanted = Math.Min(Math.Max(top, 10) * 4, index.Count);
        var keys = new ulong[wanted];
        var distances = new float[wanted];
        var state = new AdmissionState(bound.KeyRows, _rowStart, _rowChunks, mask, VectorRows);
        var handle = GCHandle.Alloc(state);
        int found;
        try
        {
            found = index.Search(query, keys, distances, &Admits, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
            index.Release();
        }

        var best = new TopHits(Math.Min(top, ChunkCount));
        for (var i = 0; i < found; i++)
        {
            var row = keys[i] < (ulong)bound.KeyRows.Length ? bound.KeyRows[(int)keys[i]] : -1;
            if ((uint)row < (uint)VectorRows)
            {
                OfferRow(row, query, mask, best);
            }
        }

        foreach (var row in bound.UncoveredRows)
        {
            OfferRow(row, query, mask, best);
        }

        hits = best.ToSortedArray();
        return true;
    }

    private void OfferRow(int row, ReadOnlySpan<float> query, bool[]? mask, TopHits best)
    {
        var start = _rowStart[row];
        var end = _rowStart[row + 1];
        if (start == end || (mask is not null && !AnyAllowed(mask, start, end)))
        {
            return;
        }

        double score = TensorPrimitives.Dot(_vectors.AsSpan(row * Dimension, Dimension), query);
        for (var i = start; i < end; i++)
        {
            var chunk = _rowChunks[i];
            if (mask is null || mask[chunk])
            {
                best.Offer(chunk, score);
            }
        }
    }

    private int Admitted(bool[] mask) =>
        System.MemoryExtensions.Count(MemoryMarshal.AsBytes(mask.AsSpan(0, ChunkCount)), (byte)1);

    /// <summary>Called by the library for each candidate it would keep: whether any chunk of the key's row may be shown.</summary>
    [UnmanagedCallersOnly]
    private static int Admits(ulong key, IntPtr state)
    {
        try
        {
            var admission = Unsafe.As<AdmissionState>(GCHandle.FromIntPtr(state).Target!);
            return admission.Admits(key) ? 1 : 0;
        }
        catch
        {
            // An exception must not cross into native code; a key that cannot be checked is not shown.
            return 0;
        }
    }

    private sealed class AdmissionState(int[] keyRows, int[] rowStart, int[] rowChunks, bool[]? mask, int rows)
    {
        public bool Admits(ulong key)
        {
            if (key >= (ulong)keyRows.Length)
            {
                return false;
            }

            var row = keyRows[key];
            if ((uint)row >= (uint)rows)
            {
                return false;
            }

            var start = rowStart[row];
            var end = rowStart[row + 1];
            if (mask is null)
            {
                return start < end;
            }

            for (var i = start; i < end; i++)
            {
                if (mask[rowChunks[i]])
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>An approximate index as one snapshot sees it: the snapshot's row of each key and the rows left to scan exactly.</summary>
internal sealed record BoundApproximateIndex(ApproximateVectorIndex Index, int[] KeyRows, int[] UncoveredRows, int CoveredRows);
