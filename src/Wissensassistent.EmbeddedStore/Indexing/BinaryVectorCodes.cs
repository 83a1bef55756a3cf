using System.Runtime.Intrinsics;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// One bit per dimension for each row of a <see cref="VectorBuffer"/>: whether the vector lies above the centre of the
/// stored vectors in that dimension (centring matters: sentence embeddings share a common direction, and plain signs
/// would spend most bits on it). Hamming distance between codes ranks rows roughly as cosine does, at 48 bytes per
/// 384-dimension vector instead of 1 536. Like the buffer, codes are only appended: a snapshot reads the rows it
/// captured while the writer encodes rows above them, and growing allocates a new array. Only the writer mutates it.
/// </summary>
internal sealed class BinaryVectorCodes
{
    /// <summary>The centre is the mean of up to this many rows, spread over the buffer.</summary>
    private const int CentreSample = 100_000;

    public BinaryVectorCodes(VectorBuffer buffer)
    {
        Buffer = buffer;
        Words = (buffer.Dimension + 63) / 64;
        Centre = new float[buffer.Dimension];
        var rows = buffer.RowCount;
        var step = Math.Max(1, rows / CentreSample);
        var sampled = 0;
        var vector = new float[buffer.Dimension];
        for (var row = 0; row < rows; row += step)
        {
            buffer.CopyRow(row, vector);
            for (var i = 0; i < vector.Length; i++)
            {
                Centre[i] += vector[i];
            }

            sampled++;
        }

        for (var i = 0; sampled > 0 && i < Centre.Length; i++)
        {
            Centre[i] /= sampled;
        }

        Spread = new float[buffer.Dimension];
        for (var row = 0; row < rows; row += step)
        {
            buffer.CopyRow(row, vector);
            for (var i = 0; i < vector.Length; i++)
            {
                Spread[i] += Math.Abs(vector[i] - Centre[i]);
            }
        }

        for (var i = 0; sampled > 0 && i < Spread.Length; i++)
        {
            Spread[i] /= sampled;
        }

        Codes = new ulong[Math.Max(1024, rows + rows / 8) * Words];
    }

    /// <summary>The buffer these codes encode; a new buffer (reload, compaction, model change) needs new codes.</summary>
    public VectorBuffer Buffer { get; }

    /// <summary>64-bit words per row.</summary>
    public int Words { get; }

    public float[] Centre { get; }

    /// <summary>Mean distance from the centre per dimension: what a bit stands for when a row's score is estimated from its code.</summary>
    public float[] Spread { get; }

    public ulong[] Codes { get; private set; }

    /// <summary>Rows encoded so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Encodes the rows the buffer gained since the last call.</summary>
    public void Update()
    {
        var rows = Buffer.RowCount;
        if (rows * Words > Codes.Length)
        {
            var grown = new ulong[Math.Max(rows, Rows * 2) * Words];
            Codes.AsSpan(0, Rows * Words).CopyTo(grown);
            Codes = grown;
        }

        Span<float> vector = stackalloc float[Buffer.Dimension];
        for (var row = Rows; row < rows; row++)
        {
            Buffer.CopyRow(row, vector);
            Encode(vector, Centre, Codes.AsSpan(row * Words, Words));
        }

        Rows = rows;
    }

    /// <summary>Bit i of the code: <c>vector[i] &gt; centre[i]</c>.</summary>
    public static void Encode(ReadOnlySpan<float> vector, ReadOnlySpan<float> centre, Span<ulong> code)
    {
        code.Clear();
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= vector.Length; i += Vector512<float>.Count)
            {
                var above = Vector512.GreaterThan(Vector512.Create(vector.Slice(i, Vector512<float>.Count)), Vector512.Create(centre.Slice(i, Vector512<float>.Count)));
                code[i / 64] |= (ulong)above.ExtractMostSignificantBits() << (i % 64);
            }
        }

        for (; i < vector.Length; i++)
        {
            if (vector[i] > centre[i])
            {
                code[i / 64] |= 1UL << (i % 64);
            }
        }
    }
}
