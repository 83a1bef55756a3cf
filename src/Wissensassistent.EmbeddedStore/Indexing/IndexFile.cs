using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The lexical side of an <see cref="IndexState"/> saved beside its SQLite file (<c>wissen.db.index</c>), so that opening
/// the store reads one compact file instead of every chunk's row and term blob. It is a cache, never the truth: it names
/// the store it was taken from and the change counter it reflects, ends in a checksum, and anything that does not match
/// is ignored (the store rebuilds from SQLite and writes a new one). It is written to a temporary file and renamed into
/// place, so a crash leaves the previous file or none, never half of one.
/// </summary>
/// <remarks>
/// Layout: magic, format, store id, change counter, the terms in id order, then per document its id, law keys, access
/// groups and chunks (id, content hash, ordinal, level, type, repealed, validity days, length, and the term ids with
/// their frequencies in the order analysis gave them, which BM25F folds in), all counts as LEB128 varints; then an
/// XxHash3 of all that.
/// </remarks>
internal static class IndexFile
{
    private const uint Magic = 0x58444957; // "WIDX"
    private const int Format = 1;
    private const int BufferSize = 1 << 20;

    public static string PathOf(string databasePath) => databasePath + ".index";

    /// <summary>Writes the state as of <paramref name="changes"/>; the caller keeps the state from changing meanwhile.</summary>
    public static void Write(string path, IndexState state, TermDictionary terms, string storeId, long changes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                var writer = new Writer(stream);
                writer.UInt32(Magic);
                writer.Varint(Format);
                writer.String(storeId);
                writer.Varint((ulong)changes);
                var byId = terms.TermsById();
                writer.Varint((ulong)byId.Length);
                foreach (var term in byId)
                {
                    writer.String(term ?? string.Empty);
                }

                writer.Varint((ulong)state.DocumentCount);
                foreach (var document in state.Documents)
                {
                    writer.String(document.Id);
                    writer.Strings(document.LawKeys);
                    writer.Strings(document.AccessGroups);
                    writer.Varint((ulong)document.Chunks.Length);
                    foreach (var chunk in document.Chunks)
                    {
                        writer.String(chunk.Id);
                        writer.String(chunk.ContentHash);
                        writer.Varint((uint)chunk.Ordinal);
                        writer.Byte(chunk.Level);
                        writer.Byte(chunk.Type);
                        writer.Byte(chunk.IsRepealed ? (byte)1 : (byte)0);
                        writer.Int32(chunk.ValidFrom);
                        writer.Int32(chunk.ValidUntil);
                        writer.Varint((ulong)chunk.Terms.Length);
                        var ids = chunk.Terms.TermIds;
                        writer.Varint((ulong)ids.Length);
                        for (var i = 0; i < ids.Length; i++)
                        {
                            writer.Varint((uint)ids[i]);
                            writer.Varint(chunk.Terms.Frequencies[i]);
                        }
                    }
                }

                writer.Finish();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// The state saved for store <paramref name="storeId"/> and the change counter it reflects; null when there is no
    /// file, or it is of another store, another format, truncated or corrupt. Interns its terms into <paramref name="terms"/>.
    /// </summary>
    public static (IndexState State, long Changes)? TryRead(string path, string storeId, TermDictionary terms, VectorBuffer vectors, out string? rejected)
    {
        rejected = null;
        if (!File.Exists(path))
        {
            rejected = "absent";
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (!ChecksumMatches(stream))
            {
                rejected = "checksum";
                return null;
            }

            stream.Position = 0;
            var reader = new Reader(stream, stream.Length - sizeof(ulong));
            if (reader.UInt32() != Magic || reader.Varint() != Format)
            {
                rejected = "format";
                return null;
            }

            if (reader.String() != storeId)
            {
                rejected = "other store";
                return null;
            }

            var changes = (long)reader.Varint();
            var termCount = (int)reader.Varint();
            var termIds = new int[termCount];
            for (var t = 0; t < termCount; t++)
            {
                termIds[t] = terms.GetOrAdd(reader.String());
            }

            var state = new IndexState(vectors);
            var documentCount = (int)reader.Varint();
            for (var d = 0; d < documentCount; d++)
            {
                var documentId = reader.String();
                var lawKeys = reader.Strings();
                var access = reader.Strings();
                var chunks = new IndexedChunk[(int)reader.Varint()];
                for (var c = 0; c < chunks.Length; c++)
                {
                    var id = reader.String();
                    var hash = reader.String();
                    var ordinal = (int)reader.Varint();
                    var level = reader.Byte();
                    var type = reader.Byte();
                    var repealed = reader.Byte() != 0;
                    var validFrom = reader.Int32();
                    var validUntil = reader.Int32();
                    var length = (int)reader.Varint();
                    var ids = new int[(int)reader.Varint()];
                    var frequencies = new ushort[ids.Length];
                    for (var i = 0; i < ids.Length; i++)
                    {
                        ids[i] = termIds[(int)reader.Varint()];
                        frequencies[i] = (ushort)reader.Varint();
                    }

                    chunks[c] = new IndexedChunk(id, hash, ordinal, level, type, repealed, validFrom, validUntil, new AnalysedTerms(ids, frequencies, length));
                }

                state.Replace(new IndexedDocument(documentId, lawKeys, chunks) { AccessGroups = access });
            }

            return (state, changes);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            rejected = exception.GetType().Name;
            return null;
        }
    }

    private static bool ChecksumMatches(FileStream stream)
    {
        if (stream.Length < sizeof(ulong) + 8)
        {
            return false;
        }

        var hash = new XxHash3();
        var buffer = new byte[BufferSize];
        var remaining = stream.Length - sizeof(ulong);
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                return false;
            }

            hash.Append(buffer.AsSpan(0, read));
            remaining -= read;
        }

        Span<byte> stored = stackalloc byte[sizeof(ulong)];
        stream.ReadExactly(stored);
        return BitConverter.ToUInt64(stored) == hash.GetCurrentHashAsUInt64();
    }

    private sealed class Writer(Stream stream)
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private readonly XxHash3 _hash = new();
        private int _length;

        public void Byte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        public void UInt32(uint value)
        {
            Ensure(4);
            BitConverter.TryWriteBytes(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        public void Int32(int value) => UInt32((uint)value);

        public void Varint(ulong value)
        {
            Ensure(10);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[_length++] = (byte)value;
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Varint((ulong)length);
            if (length > _buffer.Length - 10)
            {
                Flush();
                var bytes = Encoding.UTF8.GetBytes(value);
                _hash.Append(bytes);
                stream.Write(bytes);
                return;
            }

            Ensure(length);
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        }

        public void Strings(IReadOnlyList<string> values)
        {
            Varint((ulong)values.Count);
            foreach (var value in values)
            {
                String(value);
            }
        }

        /// <summary>Writes what is buffered and the checksum after it.</summary>
        public void Finish()
        {
            Flush();
            Span<byte> checksum = stackalloc byte[sizeof(ulong)];
            BitConverter.TryWriteBytes(checksum, _hash.GetCurrentHashAsUInt64());
            stream.Write(checksum);
        }

        private void Ensure(int bytes)
        {
            if (_length + bytes > _buffer.Length)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _length));
            stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>Reads up to <c>end</c> (the checksum after it is not content); past it, the file is truncated.</summary>
    private sealed class Reader(Stream stream, long end)
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private long _consumed;
        private int _position;
        private int _length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public byte Byte()
        {
            if (_position == _length)
            {
                Fill();
            }

            return _buffer[_position++];
        }

        public uint UInt32() => (uint)(Byte() | (Byte() << 8) | (Byte() << 16) | (Byte() << 24));

        public int Int32() => (int)UInt32();

        public ulong Varint()
        {
            // Most varints are one or two bytes away from the end of the buffer by far.
            if (_length - _position >= 10)
            {
                var buffer = _buffer;
                var position = _position;
                ulong fast = 0;
                for (var shift = 0; shift < 64; shift += 7)
                {
                    var b = buffer[position++];
                    fast |= (ulong)(b & 0x7F) << shift;
                    if (b < 0x80)
                    {
                        _position = position;
                        return fast;
                    }
                }

                throw new InvalidDataException("Beschädigte Indexdatei.");
            }

            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("Beschädigte Indexdatei.");
        }

        public string String()
        {
            var length = (int)Varint();
            if (length <= _length - _position)
            {
                var text = Encoding.UTF8.GetString(_buffer, _position, length);
                _position += length;
                return text;
            }

            if (length > end)
            {
                throw new InvalidDataException("Beschädigte Indexdatei.");
            }

            var bytes = new byte[length];
            for (var i = 0; i < length; i++)
            {
                bytes[i] = Byte();
            }

            return Encoding.UTF8.GetString(bytes);
        }

        public string[] Strings()
        {
            var values = new string[(int)Varint()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = String();
            }

            return values;
        }

        private void Fill()
        {
            var remaining = end - _consumed;
            if (remaining <= 0)
            {
                throw new InvalidDataException("Die Indexdatei ist abgeschnitten.");
            }

            _length = stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, remaining));
            if (_length == 0)
            {
                throw new InvalidDataException("Die Indexdatei ist abgeschnitten.");
            }

            _consumed += _length;
            _position = 0;
        }
    }
}
