using System.IO.Hashing;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// The lexical side of an <see cref="IndexState"/> saved beside its SQLite file (<c>wissen.db.index</c>), so that opening
/// the store reads one compact file instead of every chunk's row and term blob. It is a cache, never the truth: it names
/// the store it was taken from and the change counter it reflects, ends in a checksum, and anything that does not match
/// is ignored (the store rebuilds from SQLite and writes a new one). It is written to a temporary file and renamed into
/// place, so a crash leaves the previous file or none, never half of one.
/// </summary>
/// <remarks>
/// Layout: magic, format, store id, change counter, BM25 parameters and title weights, the terms in id order; the
/// lexical index of the snapshot (per document its law keys and access groups, per chunk its id, hash and filter fields,
/// per term its idf and postings as chunk gaps with folded frequencies), which opening publishes as it is; then the state
/// it was built from (per chunk its ordinal, length and terms in analysis order), read only when a write needs it. Counts
/// are LEB128 varints. A trailer holds where the state starts and an XxHash3 of everything before the hash.
/// </remarks>
internal static class IndexFile
{
    private const uint Magic = 0x58444957; // "WIDX"
    private const int Format = 4;
    private const int BufferSize = 1 << 20;

    public static string PathOf(string databasePath) => databasePath + ".index";

    /// <summary>
    /// Writes the snapshot's lexical index and the state it was built from, as of <paramref name="changes"/>; the caller
    /// keeps both from changing meanwhile.
    /// </summary>
    public static void Write(string path, LexicalIndex lexical, IndexState state, TermDictionary terms, Bm25Parameters bm25, string storeId, long changes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                var writer = new IndexFileWriter(stream, BufferSize);
                WriteHeader(writer, storeId, changes, bm25);
                var byId = terms.TermsById();
                writer.Varint((ulong)byId.Length);
                for (var t = 0; t < byId.Length; t++)
                {
                    // An id lost to a race has no term; a placeholder no analysis emits keeps the ids in place.
                    writer.String(byId[t] ?? "\u0002" + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                WriteLexical(writer, lexical);
                var stateOffset = writer.Position;
                WriteState(writer, state);
                writer.Finish(stateOffset);
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
    /// The lexical index saved for store <paramref name="storeId"/> with these BM25 parameters, and the change counter it
    /// reflects; null when there is no file, or it is of another store or format, truncated or corrupt. Interns its terms
    /// into <paramref name="terms"/>, which must be empty, so that term ids are those of the file.
    /// </summary>
    public static (LexicalIndex Lexical, long Changes)? TryReadLexical(string path, string storeId, Bm25Parameters bm25, TermDictionary terms, out string? rejected)
    {
        rejected = null;
        try
        {
            using var stream = Open(path, storeId, bm25, null, out var reader, out var changes, out _, ref rejected);
            if (stream is null)
            {
                return null;
            }

            var termCount = (int)reader!.Varint();
            if (terms.Count != 0)
            {
                rejected = "terms";
                return null;
            }

            for (var t = 0; t < termCount; t++)
            {
                if (terms.GetOrAdd(reader.String()) != t)
                {
                    rejected = "terms";
                    return null;
                }
            }

            return (ReadLexical(reader), changes);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or UnauthorizedAccessException)
        {
            rejected = exception.GetType().Name;
            return null;
        }
    }

    /// <summary>
    /// The state saved beside <paramref name="lexical"/> in the same file, read when a write first needs it; null when
    /// the file is no longer the one the lexical index came from.
    /// </summary>
    public static IndexState? TryReadState(string path, string storeId, Bm25Parameters bm25, long changes, LexicalIndex lexical, VectorBuffer vectors)
    {
        string? rejected = null;
        try
        {
            using var stream = Open(path, storeId, bm25, changes, out var reader, out _, out var stateOffset, ref rejected);
            if (stream is null)
            {
                return null;
            }

            stream.Position = stateOffset;
            reader = new IndexFileReader(stream, BufferSize, stream.Length - Trailer);
            return ReadState(reader!, lexical, vectors);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private const int Trailer = 2 * sizeof(ulong);

    /// <summary>Opens and checks the file; null (and why in <paramref name="rejected"/>) when it does not fit.</summary>
    private static FileStream? Open(string path, string storeId, Bm25Parameters bm25, long? changes, out IndexFileReader? reader, out long savedChanges, out long stateOffset, ref string? rejected)
    {
        reader = null;
        savedChanges = 0;
        stateOffset = 0;
        if (!File.Exists(path))
        {
            rejected = "absent";
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            if (!ChecksumMatches(stream, out stateOffset))
            {
                rejected = "checksum";
                stream.Dispose();
                return null;
            }

            stream.Position = 0;
            reader = new IndexFileReader(stream, BufferSize, stream.Length - Trailer);
            if (reader.UInt32() != Magic || reader.Varint() != Format)
            {
                rejected = "format";
            }
            else if (reader.String() != storeId)
            {
                rejected = "other store";
            }
            else if ((savedChanges = (long)reader.Varint()) != (changes ?? savedChanges))
            {
                rejected = "replaced";
            }
            else if (reader.UInt64() != BitConverter.DoubleToUInt64Bits(bm25.K1) || reader.UInt64() != BitConverter.DoubleToUInt64Bits(bm25.B)
                || reader.UInt64() != BitConverter.DoubleToUInt64Bits(IndexedTerms.NormTitleWeight) || reader.UInt64() != BitConverter.DoubleToUInt64Bits(IndexedTerms.LawTitleWeight)
                || reader.UInt64() != BitConverter.DoubleToUInt64Bits(bm25.TitleB ?? -1))
            {
                rejected = "parameters";
            }
            else
            {
                return stream;
            }

            stream.Dispose();
            return null;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static void WriteHeader(IndexFileWriter writer, string storeId, long changes, Bm25Parameters bm25)
    {
        writer.UInt32(Magic);
        writer.Varint(Format);
        writer.String(storeId);
        writer.Varint((ulong)changes);

        // What the lexical index depends on besides the stored terms.
        writer.UInt64(BitConverter.DoubleToUInt64Bits(bm25.K1));
        writer.UInt64(BitConverter.DoubleToUInt64Bits(bm25.B));
        writer.UInt64(BitConverter.DoubleToUInt64Bits(IndexedTerms.NormTitleWeight));
        writer.UInt64(BitConverter.DoubleToUInt64Bits(IndexedTerms.LawTitleWeight));
        writer.UInt64(BitConverter.DoubleToUInt64Bits(bm25.TitleB ?? -1));
    }

    private static void WriteLexical(IndexFileWriter writer, LexicalIndex lexical)
    {
        writer.Varint((ulong)lexical.DocumentLawKeys.Length);
        for (var d = 0; d < lexical.DocumentLawKeys.Length; d++)
        {
            writer.Strings(lexical.DocumentLawKeys[d]);
            writer.Strings(lexical.DocumentAccess[d]);
        }

        writer.Varint((ulong)lexical.ChunkIds.Length);
        for (var c = 0; c < lexical.ChunkIds.Length; c++)
        {
            writer.String(lexical.ChunkIds[c]);
            writer.String(lexical.ContentHashes[c]);
            writer.Varint((uint)lexical.ChunkDocument[c]);
            writer.Byte(lexical.Levels[c]);
            writer.Byte(lexical.Types[c]);
            writer.Byte(lexical.Repealed[c] ? (byte)1 : (byte)0);
            writer.Int32(lexical.ValidFrom[c]);
            writer.Int32(lexical.ValidUntil[c]);
            writer.UInt32(BitConverter.SingleToUInt32Bits(lexical.LengthNorm[c]));
        }

        writer.UInt64(BitConverter.DoubleToUInt64Bits(lexical.K1));
        var termCount = lexical.TermStart.Length - 1;
        writer.Varint((ulong)termCount);
        writer.Varint((ulong)lexical.PostingChunks.Length);
        for (var t = 0; t < termCount; t++)
        {
            var start = lexical.TermStart[t];
            var end = lexical.TermStart[t + 1];
            writer.Varint((uint)(end - start));
            writer.UInt64(BitConverter.DoubleToUInt64Bits(lexical.Idf[t]));
            var previous = 0;
            for (var p = start; p < end; p++)
            {
                // Postings are in chunk order: the gaps are small.
                writer.Varint((uint)(lexical.PostingChunks[p] - previous));
                previous = lexical.PostingChunks[p];
                writer.UInt32(BitConverter.SingleToUInt32Bits(lexical.PostingFrequencies[p]));
            }
        }
    }

    private static LexicalIndex ReadLexical(IndexFileReader reader)
    {
        var documentCount = (int)reader.Varint();
        var lawKeys = new string[documentCount][];
        var access = new IReadOnlyList<string>[documentCount];
        for (var d = 0; d < documentCount; d++)
        {
            lawKeys[d] = reader.Strings();
            access[d] = reader.Strings();
        }

        var chunkCount = (int)reader.Varint();
        var ids = new string[chunkCount];
        var hashes = new string[chunkCount];
        var chunkDocument = new int[chunkCount];
        var levels = new byte[chunkCount];
        var types = new byte[chunkCount];
        var repealed = new bool[chunkCount];
        var validFrom = new int[chunkCount];
        var validUntil = new int[chunkCount];
        var lengthNorm = new float[chunkCount];
        for (var c = 0; c < chunkCount; c++)
        {
            ids[c] = reader.String();
            hashes[c] = reader.String();
            chunkDocument[c] = (int)reader.Varint();
            levels[c] = reader.Byte();
            types[c] = reader.Byte();
            repealed[c] = reader.Byte() != 0;
            validFrom[c] = reader.Int32();
            validUntil[c] = reader.Int32();
            lengthNorm[c] = BitConverter.UInt32BitsToSingle(reader.UInt32());
        }

        var k1 = BitConverter.UInt64BitsToDouble(reader.UInt64());
        var termCount = (int)reader.Varint();
        var termStart = new int[termCount + 1];
        var idf = new double[termCount];

        // Allocated once at their size: growing lists would hold the postings twice at the peak.
        var postings = (int)reader.Varint();
        var chunks = new int[postings];
        var frequencies = new float[postings];
        var p = 0;
        for (var t = 0; t < termCount; t++)
        {
            var count = (int)reader.Varint();
            if (count > postings - p)
            {
                throw new InvalidDataException("Beschädigte Indexdatei.");
            }

            idf[t] = BitConverter.UInt64BitsToDouble(reader.UInt64());
            var previous = 0;
            for (var i = 0; i < count; i++, p++)
            {
                previous += (int)reader.Varint();
                chunks[p] = previous;
                frequencies[p] = BitConverter.UInt32BitsToSingle(reader.UInt32());
            }

            termStart[t + 1] = termStart[t] + count;
        }

        if (p != postings)
        {
            throw new InvalidDataException("Beschädigte Indexdatei.");
        }

        return new LexicalIndex
        {
            DocumentLawKeys = lawKeys,
            DocumentAccess = access,
            ChunkIds = ids,
            ContentHashes = hashes,
            ChunkDocument = chunkDocument,
            Levels = levels,
            Types = types,
            Repealed = repealed,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            K1 = k1,
            LengthNorm = lengthNorm,
            TermStart = termStart,
            PostingChunks = chunks,
            PostingFrequencies = frequencies,
            Idf = idf,
        };
    }

    /// <summary>Per document its id, per chunk what the lexical index does not keep: ordinal, length and terms in analysis order.</summary>
    private static void WriteState(IndexFileWriter writer, IndexState state)
    {
        writer.Varint((ulong)state.DocumentCount);
        foreach (var document in state.Documents)
        {
            writer.String(document.Id);
            writer.Varint((ulong)document.Chunks.Length);
            foreach (var chunk in document.Chunks)
            {
                writer.Varint((uint)chunk.Ordinal);
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
    }

    private static IndexState ReadState(IndexFileReader reader, LexicalIndex lexical, VectorBuffer vectors)
    {
        var state = new IndexState(vectors);
        var documentCount = (int)reader.Varint();
        if (documentCount != lexical.DocumentLawKeys.Length)
        {
            throw new InvalidDataException("Die Indexdatei passt nicht zu sich selbst.");
        }

        var c = 0;
        for (var d = 0; d < documentCount; d++)
        {
            var documentId = reader.String();
            var chunks = new IndexedChunk[(int)reader.Varint()];
            for (var i = 0; i < chunks.Length; i++, c++)
            {
                var ordinal = (int)reader.Varint();
                var length = (int)reader.Varint();
                var ids = new int[(int)reader.Varint()];
                var frequencies = new ushort[ids.Length];
                for (var t = 0; t < ids.Length; t++)
                {
                    ids[t] = (int)reader.Varint();
                    frequencies[t] = (ushort)reader.Varint();
                }

                chunks[i] = new IndexedChunk(
                    lexical.ChunkIds[c],
                    lexical.ContentHashes[c],
                    ordinal,
                    lexical.Levels[c],
                    lexical.Types[c],
                    lexical.Repealed[c],
                    lexical.ValidFrom[c],
                    lexical.ValidUntil[c],
                    new AnalysedTerms(ids, frequencies, length));
            }

            state.Replace(new IndexedDocument(documentId, lexical.DocumentLawKeys[d], chunks) { AccessGroups = lexical.DocumentAccess[d] });
        }

        return state;
    }

    /// <summary>Whether the content hashes to the stored checksum; the trailer also gives where the state section starts.</summary>
    private static bool ChecksumMatches(FileStream stream, out long stateOffset)
    {
        stateOffset = 0;
        if (stream.Length < Trailer + 8)
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

        Span<byte> trailer = stackalloc byte[Trailer];
        stream.Position = stream.Length - Trailer;
        stream.ReadExactly(trailer);
        stateOffset = (long)BitConverter.ToUInt64(trailer);
        return BitConverter.ToUInt64(trailer[sizeof(ulong)..]) == hash.GetCurrentHashAsUInt64() && stateOffset > 0 && stateOffset < stream.Length - Trailer;
    }
}
