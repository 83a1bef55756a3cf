using System.Buffers;
using System.Text;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The analysed terms of a chunk as stored in SQLite, so that opening the store rebuilds the postings without
/// running the analyzer again: a format byte, the number of distinct terms, then per term its UTF-8 length,
/// bytes and frequency, all counts as LEB128 varints.
/// </summary>
internal static class TermBlob
{
    private const byte Format = 1;

    public static IReadOnlyList<KeyValuePair<string, int>> Count(IReadOnlyList<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.Length > 0)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return [.. counts];
    }

    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, int>> frequencies)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + frequencies.Count * 12);
        buffer.GetSpan(1)[0] = Format;
        buffer.Advance(1);
        WriteVarint(buffer, (uint)frequencies.Count);
        foreach (var (term, frequency) in frequencies)
        {
            var length = Encoding.UTF8.GetByteCount(term);
            WriteVarint(buffer, (uint)length);
            Encoding.UTF8.GetBytes(term, buffer.GetSpan(length));
            buffer.Advance(length);
            WriteVarint(buffer, (uint)frequency);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static AnalysedTerms Decode(ReadOnlySpan<byte> blob, TermDictionary terms)
    {
        if (blob.Length == 0 || blob[0] != Format)
        {
            throw new InvalidDataException("Unbekanntes Format der gespeicherten Suchterme; der Index muss neu aufgebaut werden.");
        }

        var position = 1;
        var count = (int)ReadVarint(blob, ref position);
        var ids = new int[count];
        var frequencies = new ushort[count];
        var length = 0;
        Span<char> chars = stackalloc char[256];
        for (var i = 0; i < count; i++)
        {
            var byteLength = (int)ReadVarint(blob, ref position);
            var bytes = blob.Slice(position, byteLength);
            position += byteLength;
            bool isTitle;
            if (byteLength <= chars.Length)
            {
                var written = Encoding.UTF8.GetChars(bytes, chars);
                ids[i] = terms.GetOrAdd(chars[..written]);
                isTitle = IndexedTerms.IsTitleTerm(chars[..written]);
            }
            else
            {
                var term = Encoding.UTF8.GetString(bytes);
                ids[i] = terms.GetOrAdd(term);
                isTitle = IndexedTerms.IsTitleTerm(term);
            }

            var frequency = (int)ReadVarint(blob, ref position);
            frequencies[i] = (ushort)Math.Min(frequency, ushort.MaxValue);
            length += isTitle ? 0 : frequency;
        }

        return new AnalysedTerms(ids, frequencies, length);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        var span = buffer.GetSpan(5);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> blob, ref int position)
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var b = blob[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }
}
