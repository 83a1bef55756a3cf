using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// A whole chunk, its text and references included, as one blob of the <c>record</c> column. A search loads a few
/// hundred candidates; one blob per row costs a few native calls instead of some thirty column reads and a second
/// query for the references. Enum values are stored by name, as in the other columns, so that reordering an enum
/// never misreads a file.
/// </summary>
/// <remarks>
/// Layout: a format byte, then the fields in the order of <see cref="Encode"/>. Strings are a varint of their UTF-8
/// length plus one (zero: null) and the bytes; integers that may be null are a varint of the value plus one.
/// </remarks>
internal static class ChunkRecord
{
    private const byte Format = 1;

    public static byte[] Encode(Chunk chunk, IReadOnlyList<string> accessGroups)
    {
        var writer = new Writer(256 + chunk.Text.Length * 2);
        writer.Byte(Format);
        writer.String(chunk.Id);
        writer.String(chunk.DocumentId);
        writer.Int(chunk.Ordinal);
        writer.Int(chunk.Part);
        WriteCitation(ref writer, chunk.Citation);
        writer.Int(chunk.HeadingPath.Count);
        foreach (var heading in chunk.HeadingPath)
        {
            writer.String(heading);
        }

        writer.String(chunk.NormTitle);
        writer.String(chunk.Text);
        writer.Byte(chunk.IsRepealed ? (byte)1 : (byte)0);
        writer.String(chunk.LawTitle);
        writer.String(chunk.Level.ToString());
        writer.String(chunk.DocumentType.ToString());
        writer.String(chunk.Stand);
        writer.NullableInt(chunk.ValidFrom?.DayNumber);
        writer.NullableInt(chunk.ValidUntil?.DayNumber);
        writer.String(chunk.ContentHash);
        writer.Int(accessGroups.Count);
        foreach (var group in accessGroups)
        {
            writer.String(group);
        }

        writer.Int(chunk.References.Count);
        foreach (var reference in chunk.References)
        {
            writer.Int(reference.Start);
            writer.Int(reference.Length);
            writer.String(reference.Basis.ToString());
            WriteCitation(ref writer, reference.Target);
        }

        return writer.ToArray();
    }

    /// <exception cref="InvalidDataException">The blob is not a record of a known format.</exception>
    public static Chunk Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length == 0 || record[0] != Format)
        {
            throw new InvalidDataException("Unbekanntes Format eines gespeicherten Abschnitts; der Index muss neu aufgebaut werden.");
        }

        var reader = new Reader(record[1..]);
        var id = reader.String()!;
        var documentId = reader.String()!;
        var ordinal = reader.Int();
        var part = reader.Int();
        var citation = ReadCitation(ref reader);
        var headings = new string[reader.Int()];
        for (var i = 0; i < headings.Length; i++)
        {
            headings[i] = reader.String()!;
        }

        var normTitle = reader.String();
        var text = reader.String()!;
        var repealed = reader.Byte() != 0;
        var lawTitle = reader.String()!;
        var level = StoredEnum<Level>.Parse(reader.String()!);
        var type = StoredEnum<DocumentType>.Parse(reader.String()!);
        var stand = reader.String();
        var validFrom = reader.NullableInt();
        var validUntil = reader.NullableInt();
        var contentHash = reader.String()!;
        var groups = new string[reader.Int()];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = reader.String()!;
        }

        var references = new CrossReference[reader.Int()];
        for (var i = 0; i < references.Length; i++)
        {
            var start = reader.Int();
            var length = reader.Int();
            var basis = StoredEnum<ReferenceBasis>.Parse(reader.String()!);
            references[i] = new CrossReference(start, length, ReadCitation(ref reader), basis);
        }

        return new Chunk
        {
            Id = id,
            DocumentId = documentId,
            Ordinal = ordinal,
            Part = part,
            Citation = citation,
            HeadingPath = headings,
            NormTitle = normTitle,
            Text = text,
            IsRepealed = repealed,
            LawTitle = lawTitle,
            Level = level,
            DocumentType = type,
            Stand = stand,
            ValidFrom = validFrom is { } from ? DateOnly.FromDayNumber(from) : null,
            ValidUntil = validUntil is { } until ? DateOnly.FromDayNumber(until) : null,
            ContentHash = contentHash,
            AccessGroups = groups,
            References = references,
        };
    }

    private static void WriteCitation(ref Writer writer, Citation citation)
    {
        writer.String(citation.Law);
        writer.String(citation.Kind.ToString());
        writer.String(citation.Section);
        writer.String(citation.Absatz);
        writer.NullableInt(citation.Satz);
        writer.String(citation.Nummer);
        writer.String(citation.Buchstabe);
    }

    private static Citation ReadCitation(ref Reader reader) => new(
        reader.String()!,
        StoredEnum<NormKind>.Parse(reader.String()!),
        reader.String()!,
        reader.String(),
        reader.NullableInt(),
        reader.String(),
        reader.String());

    private struct Writer(int capacity)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(capacity);

        public readonly void Byte(byte value)
        {
            _buffer.GetSpan(1)[0] = value;
            _buffer.Advance(1);
        }

        public readonly void Int(int value) => Varint((uint)value);

        public readonly void NullableInt(int? value) => Varint(value is { } v ? (uint)v + 1 : 0);

        public readonly void String(string? value)
        {
            if (value is null)
            {
                Varint(0);
                return;
            }

            var length = Encoding.UTF8.GetByteCount(value);
            Varint((uint)length + 1);
            Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
            _buffer.Advance(length);
        }

        public readonly byte[] ToArray() => _buffer.WrittenSpan.ToArray();

        private readonly void Varint(uint value)
        {
            var span = _buffer.GetSpan(5);
            var i = 0;
            while (value >= 0x80)
            {
                span[i++] = (byte)(value | 0x80);
                value >>= 7;
            }

            span[i++] = (byte)value;
            _buffer.Advance(i);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public byte Byte() => _data[_position++];

        public int Int() => (int)Varint();

        public int? NullableInt() => Varint() is var value and > 0 ? (int)(value - 1) : null;

        public string? String()
        {
            var length = Varint();
            if (length == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(_data.Slice(_position, (int)length - 1));
            _position += (int)length - 1;
            return text;
        }

        private uint Varint()
        {
            uint value = 0;
            var shift = 0;
            while (true)
            {
                var b = _data[_position++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }

                shift += 7;
                if (shift > 28)
                {
                    throw new InvalidDataException("Beschädigter gespeicherter Abschnitt.");
                }
            }
        }
    }
}
