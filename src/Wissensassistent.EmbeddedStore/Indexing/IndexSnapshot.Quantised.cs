using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Dense search over binary codes: every row the filter admits is ranked by the Hamming distance of its code to the
/// query's, and the closest few thousand are scored exactly against their stored vectors. Every vector takes part
/// (those stored a moment ago too) and the filter is checked row by row, so permissions hold inside the search; the
/// scores returned are exact cosines, only the candidate cut is approximate.
/// </summary>
internal sealed partial class IndexSnapshot
{
    /// <summary>
    /// Rows kept after the Hamming pass: a fifth of all rows, within bounds. Measured on the bench's MiniLM vectors at
    /// 100 000 rows, keeping 20 % and rescoring 5 % gave Recall@10 0.996 on question embeddings; 10 % and 2 % gave 0.975.
    /// At 1 000 000 rows, keeping 80 000 (8 %) and rescoring 15 000 gave 0.992, keeping 150 000 gave 0.996; the estimate
    /// is the costliest pass (3.3 ms for 150 000 rows on a quiet core, 13 to 21 ms with the machine loaded), as its rows
    /// are read from all over the codes.
    /// </summary>
    private const int EstimatedShare = 5;
    private const int MinimumEstimated = 10_000;
    private const int MaximumEstimated = 80_000;

    /// <summary>Rows scored exactly after the estimate: a twentieth of all rows, within bounds.</summary>
    private const int RescoredShare = 20;
    private const int MinimumRescored = 2_000;
    private const int MaximumRescored = 15_000;

    /// <summary>How many rows ahead the rescoring asks for a row's vector: enough to overlap the misses, few enough to stay cached.</summary>
    private const int RescoreLookahead = 8;

    /// <summary>How many selected rows ahead the estimate asks for a row's code: the selected rows are spread over the whole code array.</summary>
    private const int EstimateLookahead = 16;

    private BinaryCodeView? _codes;

    /// <summary>Per row, whether it holds a chunk that is not repealed: the rows the default filter admits.</summary>
    private bool[]? _rowsNotRepealed;

    /// <summary>Whether dense search goes through binary codes instead of the full scan.</summary>
    public bool HasBinaryCodes => _codes is not null;

    /// <summary>Before publishing: dense search ranks candidates by these codes of this snapshot's rows.</summary>
    public void UseBinaryCodes(BinaryVectorCodes codes)
    {
        if (codes.Buffer.Model != Model || codes.Buffer.Dimension != Dimension || codes.Rows < VectorRows)
        {
            throw new ArgumentException("Die Codes gehören nicht zu den Vektoren dieses Stands.", nameof(codes));
        }

        _codes = new BinaryCodeView(codes.Codes, codes.Words, codes.Centre, codes.Spread);

        // Most searches filter nothing but repealed passages: which rows that admits is fixed for the snapshot, and one
        // byte per row is read faster than each row's chunks and their flags.
        var admitted = new bool[VectorRows];
        for (var row = 0; row < admitted.Length; row++)
        {
            admitted[row] = AnyAllowed(_notRepealed, _rowStart[row], _rowStart[row + 1]);
        }

        _rowsNotRepealed = admitted;
    }

    /// <summary>
    /// Three passes, each over fewer rows: Hamming distance of every admitted row's code to the query's code; for the
    /// closest, a score estimated from the code against the unquantised query (each set bit adds its dimension's
    /// query weight times the spread there); for the best estimates, the exact cosine. The passes between them cut by
    /// histogram instead of keeping a heap, and their buffers are pooled, so a query allocates only its result.
    /// </summary>
    private bool TrySearchQuantised(ReadOnlySpan<float> query, bool[]? mask, int top, out IndexHit[] hits)
    {
        hits = [];
        var codes = _codes;
        if (codes is null)
        {
            return false;
        }

        var words = codes.Words;
        Span<ulong> queryCode = stackalloc ulong[words];
        BinaryVectorCodes.Encode(query, codes.Centre, queryCode);
        var estimated = Math.Min(Math.Clamp(VectorRows / EstimatedShare, MinimumEstimated, MaximumEstimated), VectorRows);
        var rescored = Math.Clamp(VectorRows / RescoredShare, Math.Max(MinimumRescored, top * 10), MaximumRescored);

        var unused = (ushort)(words * 64 + 1);
        Span<int> histogram = stackalloc int[unused + 1];
        histogram.Clear();
        var distances = ArrayPool<ushort>.Shared.Rent(VectorRows);
        var candidates = ArrayPool<int>.Shared.Rent(estimated);
        var estimates = ArrayPool<float>.Shared.Rent(estimated);
        var table = ArrayPool<float>.Shared.Rent(words * 8 * 256);
        try
        {
            var rows = distances.AsSpan(0, VectorRows);
            HammingDistances(codes.Codes, words, queryCode, rows);
            Admit(mask, rows, histogram, unused);

            // The distance up to which rows go on, and how many rows at exactly that distance still fit.
            var cut = 0;
            var below = 0;
            while (cut < unused && below + histogram[cut] < estimated)
            {
                below += histogram[cut++];
            }

            var count = SelectWithin(rows, cut, estimated - below, unused, candidates);
            FillEstimateTable(query, codes, table);
            var (lowest, highest) = EstimateAll(table, codes.Codes, words, candidates.AsSpan(0, count), estimates.AsSpan(0, count));

            var best = new TopHits(Math.Min(top, ChunkCount));
            var chosen = BestEstimates(candidates.AsSpan(0, count), estimates.AsSpan(0, count), lowest, highest, rescored);
            for (var i = 0; i < chosen.Length; i++)
            {
                if (i + RescoreLookahead < chosen.Length)
                {
                    VectorBuffer.Prefetch(_vectors, chosen[i + RescoreLookahead] * Dimension, Dimension);
                }

                OfferRow(chosen[i], query, mask, best);
            }

            hits = best.ToSortedArray();
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(table);
            ArrayPool<float>.Shared.Return(estimates);
            ArrayPool<int>.Shared.Return(candidates);
            ArrayPool<ushort>.Shared.Return(distances);
        }
    }

    /// <summary>
    /// The Hamming distance of each row's code to the query's, every row alike, so that the loop does nothing but
    /// count bits. 384 dimensions (six words) get a loop of their own: it is the bench's and the shipped model's size,
    /// and the unrolled loop keeps the query in registers.
    /// </summary>
    private static void HammingDistances(ulong[] codes, int words, ReadOnlySpan<ulong> queryCode, Span<ushort> distances)
    {
        if (words == 6)
        {
            ulong q0 = queryCode[0], q1 = queryCode[1], q2 = queryCode[2], q3 = queryCode[3], q4 = queryCode[4], q5 = queryCode[5];
            ref var code = ref MemoryMarshal.GetArrayDataReference(codes);
            if ((long)distances.Length * 6 > codes.Length)
            {
                throw new ArgumentException("Mehr Zeilen als Codes.", nameof(distances));
            }

            for (var row = 0; row < distances.Length; row++)
            {
                ref var c = ref Unsafe.Add(ref code, row * 6);
                distances[row] = (ushort)(BitOperations.PopCount(c ^ q0) + BitOperations.PopCount(Unsafe.Add(ref c, 1) ^ q1)
                    + BitOperations.PopCount(Unsafe.Add(ref c, 2) ^ q2) + BitOperations.PopCount(Unsafe.Add(ref c, 3) ^ q3)
                    + BitOperations.PopCount(Unsafe.Add(ref c, 4) ^ q4) + BitOperations.PopCount(Unsafe.Add(ref c, 5) ^ q5));
            }

            return;
        }

        for (var row = 0; row < distances.Length; row++)
        {
            var offset = row * words;
            var distance = 0;
            for (var w = 0; w < words; w++)
            {
                distance += BitOperations.PopCount(codes[offset + w] ^ queryCode[w]);
            }

            distances[row] = (ushort)distance;
        }
    }

    /// <summary>
    /// Sets rows without an admitted chunk to <paramref name="unused"/> and counts how many admitted rows lie at each
    /// distance. Two histograms, for even and odd rows, so that runs of equal distances do not wait on one counter.
    /// </summary>
    private void Admit(bool[]? mask, Span<ushort> distances, Span<int> histogram, ushort unused)
    {
        var rowStart = _rowStart;
        var admittedRows = ReferenceEquals(mask, _notRepealed) ? _rowsNotRepealed : null;
        Span<int> odd = stackalloc int[histogram.Length];
        odd.Clear();
        for (var row = 0; row < distances.Length; row++)
        {
            var admitted = admittedRows is not null
                ? admittedRows[row]
                : rowStart[row] != rowStart[row + 1] && (mask is null || AnyAllowed(mask, rowStart[row], rowStart[row + 1]));
            if (!admitted)
            {
                distances[row] = unused;
            }
            else if ((row & 1) == 0)
            {
                histogram[distances[row]]++;
            }
            else
            {
                odd[distances[row]]++;
            }
        }

        for (var d = 0; d < histogram.Length; d++)
        {
            histogram[d] += odd[d];
        }
    }

    /// <summary>The admitted rows closer than <paramref name="cut"/> and the first <paramref name="atCut"/> at it, in row order; returns their count.</summary>
    private static int SelectWithin(ReadOnlySpan<ushort> distances, int cut, int atCut, ushort unused, int[] selected)
    {
        var count = 0;
        for (var row = 0; row < distances.Length; row++)
        {
            var distance = distances[row];
            if (distance < cut || (distance == cut && distance != unused && atCut-- > 0))
            {
                selected[count++] = row;
            }
        }

        return count;
    }

    /// <summary>The estimated score of each selected row's code, and the lowest and highest of them.</summary>
    private static (float Lowest, float Highest) EstimateAll(float[] table, ulong[] codes, int words, ReadOnlySpan<int> rows, Span<float> estimates)
    {
        var bytes = MemoryMarshal.AsBytes(codes.AsSpan());
        var rowBytes = words * 8;
        var lowest = float.MaxValue;
        var highest = float.MinValue;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i + EstimateLookahead < rows.Length)
            {
                VectorBuffer.Prefetch(codes, rows[i + EstimateLookahead] * words, words);
            }

            var estimate = Estimate(table, bytes.Slice(rows[i] * rowBytes, rowBytes));
            estimates[i] = estimate;
            lowest = Math.Min(lowest, estimate);
            highest = Math.Max(highest, estimate);
        }

        return (lowest, highest);
    }

    /// <summary>
    /// The rows of the <paramref name="wanted"/> highest estimates, in row order: a histogram of the estimates finds the
    /// bucket where the cut falls, and rows in that bucket are taken in order until the count is reached. The estimate
    /// only picks candidates, so the bucket's width (a 4 096th of the range) does not touch the exact scores.
    /// </summary>
    private static int[] BestEstimates(Span<int> rows, Span<float> estimates, float lowest, float highest, int wanted)
    {
        if (rows.Length <= wanted)
        {
            return rows.ToArray();
        }

        const int Buckets = 4096;
        // Equal estimates (width zero) all fall into the first bucket.
        var width = Math.Max((highest - lowest) / (Buckets - 1), float.Epsilon);
        Span<int> histogram = stackalloc int[Buckets];
        histogram.Clear();
        for (var i = 0; i < estimates.Length; i++)
        {
            histogram[Bucket(estimates[i])]++;
        }

        var cut = 0;
        var above = 0;
        while (above + histogram[cut] < wanted)
        {
            above += histogram[cut++];
        }

        var atCut = wanted - above;
        var chosen = new int[wanted];
        var count = 0;
        for (var i = 0; i < estimates.Length && count < wanted; i++)
        {
            var bucket = Bucket(estimates[i]);
            if (bucket < cut || (bucket == cut && atCut-- > 0))
            {
                chosen[count++] = rows[i];
            }
        }

        return chosen;

        int Bucket(float estimate) => Math.Min(Buckets - 1, (int)((highest - estimate) / width));
    }

    /// <summary>
    /// The estimated score of one code: four sums, so that the lookups do not wait for each other. The table holds 256
    /// entries for every byte of a code, so a byte value indexes within its own entries without a check.
    /// </summary>
    private static float Estimate(float[] table, ReadOnlySpan<byte> code)
    {
        if (table.Length < code.Length << 8)
        {
            throw new ArgumentException("Die Tabelle ist zu klein für den Code.", nameof(table));
        }

        ref var entries = ref MemoryMarshal.GetArrayDataReference(table);
        ref var bytes = ref MemoryMarshal.GetReference(code);
        float a = 0, b = 0, c = 0, d = 0;
        nint i = 0;
        for (; i + 4 <= code.Length; i += 4)
        {
            a += Unsafe.Add(ref entries, (i << 8) | Unsafe.Add(ref bytes, i));
            b += Unsafe.Add(ref entries, ((i + 1) << 8) | Unsafe.Add(ref bytes, i + 1));
            c += Unsafe.Add(ref entries, ((i + 2) << 8) | Unsafe.Add(ref bytes, i + 2));
            d += Unsafe.Add(ref entries, ((i + 3) << 8) | Unsafe.Add(ref bytes, i + 3));
        }

        for (; i < code.Length; i++)
        {
            a += Unsafe.Add(ref entries, (i << 8) | Unsafe.Add(ref bytes, i));
        }

        return a + b + c + d;
    }

    /// <summary>For byte b of a code and its value v: the sum of query weight times spread over the dimensions whose bits v sets.</summary>
    private static void FillEstimateTable(ReadOnlySpan<float> query, BinaryCodeView codes, float[] table)
    {
        for (var b = 0; b < codes.Words * 8; b++)
        {
            var row = table.AsSpan(b << 8, 256);
            row[0] = 0;
            for (var v = 1; v < 256; v++)
            {
                var lowest = BitOperations.TrailingZeroCount(v);
                var dimension = b * 8 + lowest;
                row[v] = row[v & (v - 1)] + (dimension < query.Length ? query[dimension] * codes.Spread[dimension] : 0);
            }
        }
    }

    private void OfferRow(int row, ReadOnlySpan<float> query, bool[]? mask, TopHits best)
    {
        var start = _rowStart[row];
        var end = _rowStart[row + 1];
        double score = RowDot(row, query);
        for (var i = start; i < end; i++)
        {
            var chunk = _rowChunks[i];
            if (mask is null || mask[chunk])
            {
                best.Offer(chunk, score);
            }
        }
    }

    private sealed record BinaryCodeView(ulong[] Codes, int Words, float[] Centre, float[] Spread);
}
