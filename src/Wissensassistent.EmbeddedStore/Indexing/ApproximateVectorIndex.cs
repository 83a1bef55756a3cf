using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Text;
using Cloud.Unum.USearch;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>What an approximate index is built from: rows of a snapshot's vector array that chunks use.</summary>
internal sealed record ApproximateVectorSource(string Model, int Dimension, float[] Vectors, int[] Rows, string[] Hashes);

/// <summary>
/// An HNSW graph (USearch, cosine, vectors stored as float16) over the vectors of one store generation. Key k is the
/// k-th vector it was built from; the content hash of each key maps it to a row of whichever vector buffer is current,
/// so the graph survives reloads and compaction, and a row whose hash it does not know is left to an exact scan.
/// On disk it is one file beside the generation's SQLite file: the graph as USearch writes it, the key hashes, and a
/// footer that names model, dimension and checksums. The file is viewed in place (memory-mapped), never read whole.
/// </summary>
internal sealed class ApproximateVectorIndex : IDisposable
{
    /// <summary>Connectivity and expansions: USearch's defaults for building, a wider beam for searching.</summary>
    private const int Connectivity = 16;
    private const int ExpansionAdd = 128;
    private const int ExpansionSearch = 128;
    private const int FooterLength = 4096;
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "WISSHNSW"u8.ToArray();

    private readonly NativeHnsw _graph;
    private readonly string[]? _hashes;
    private readonly string? _path;
    private readonly long _hashesOffset;
    private readonly long _hashesLength;
    private readonly Lock _rowsLock = new();
    private WeakReference<VectorBuffer>? _rowsBuffer;
    private int[]? _rows;

    private ApproximateVectorIndex(NativeHnsw graph, string model, int dimension, int count, string[]? hashes, string? path, long hashesOffset, long hashesLength)
    {
        _graph = graph;
        Model = model;
        Dimension = dimension;
        Count = count;
        _hashes = hashes;
        _path = path;
        _hashesOffset = hashesOffset;
        _hashesLength = hashesLength;
        _graph.SetSearchThreads(Math.Max(4, Environment.ProcessorCount * 2));
        _graph.SetExpansionSearch(ExpansionSearch);
    }

    public string Model { get; }

    public int Dimension { get; }

    /// <summary>Vectors in the graph.</summary>
    public int Count { get; }

    /// <summary>How long building the graph took; zero for one opened from its file.</summary>
    public TimeSpan BuildTime { get; private set; }

    /// <summary>Builds the graph from all threads of the machine; the source's arrays must not change meanwhile.</summary>
    public static ApproximateVectorIndex Build(ApproximateVectorSource source, VectorBuffer buffer, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var graph = NativeHnsw.Create(source.Dimension, ScalarKind.Float16, Connectivity, ExpansionAdd, ExpansionSearch);
        try
        {
            var threads = Math.Max(1, Environment.ProcessorCount);
            graph.Reserve(source.Rows.Length, threads);
            Parallel.For(
                0,
                source.Rows.Length,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                key => graph.Add((ulong)key, source.Vectors.AsSpan(source.Rows[key] * source.Dimension, source.Dimension)));
        }
        catch
        {
            graph.Dispose();
            throw;
        }

        var index = new ApproximateVectorIndex(graph, source.Model, source.Dimension, source.Rows.Length, source.Hashes, null, 0, 0) { BuildTime = stopwatch.Elapsed };
        index.Prime(buffer, source.Rows);
        return index;
    }

    /// <summary>
    /// Writes the index to <paramref name="path"/> and returns it opened from there, or throws and leaves any previous
    /// file as it was: the file appears whole (written beside it, flushed to disk, then renamed over) or not at all.
    /// </summary>
    public ApproximateVectorIndex SaveAs(string path, VectorBuffer buffer)
    {
        var hashes = _hashes ?? throw new InvalidOperationException("Nur ein neu gebauter Index wird gespeichert.");
        var temporary = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            _graph.Save(temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                var graphLength = stream.Length;
                stream.Seek(0, SeekOrigin.End);
                var checksum = new Checksum();
                long hashesLength = 0;
                // Not disposed: that would close the file before it is flushed to disk.
                var writer = new BufferedStream(stream, 1 << 16);
                {
                    Span<byte> entry = stackalloc byte[2 + 1024];
                    foreach (var hash in hashes)
                    {
                        var length = Encoding.UTF8.GetBytes(hash, entry[2..]);
                        BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)length);
                        writer.Write(entry[..(2 + length)]);
                        checksum.Add(entry[..(2 + length)]);
                        hashesLength += 2 + length;
                    }

                    writer.Write(Footer(graphLength, hashesLength, checksum.Value));
                    writer.Flush();
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        var opened = Open(path) ?? throw new IOException($"Der eben geschriebene Vektorindex {path} fehlt.");
        opened.Prime(buffer, RowsOf(buffer));
        opened.BuildTime = BuildTime;
        return opened;
    }

    /// <summary>The index in <paramref name="path"/>; null when there is none. Throws <see cref="InvalidDataException"/> when it is damaged.</summary>
    public static ApproximateVectorIndex? Open(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        using (stream)
        {
            var footer = ReadFooter(stream);
            if (footer.GraphLength + footer.HashesLength + FooterLength != stream.Length)
            {
                throw new InvalidDataException("Die Länge des Vektorindex passt nicht zu seinem Abschluss.");
            }

            var checksum = new Checksum();
            stream.Position = footer.GraphLength;
            var buffer = new byte[1 << 16];
            for (var remaining = footer.HashesLength; remaining > 0;)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read == 0)
                {
                    throw new InvalidDataException("Der Vektorindex endet zu früh.");
                }

                checksum.Add(buffer.AsSpan(0, read));
                remaining -= read;
            }

            if (checksum.Value != footer.HashesChecksum)
            {
                throw new InvalidDataException("Die Prüfsumme der Schlüssel des Vektorindex stimmt nicht.");
            }

            var graph = ViewGraph(stream, footer);
            return new ApproximateVectorIndex(graph, footer.Model, footer.Dimension, footer.Count, null, path, footer.GraphLength, footer.HashesLength);
        }
    }

    /// <summary>
    /// The row of <paramref name="buffer"/> for each key, -1 where the buffer holds no vector of that key's hash. Cached
    /// for one buffer: rows are only ever appended to a buffer, so the answer stays valid for it. Under the store's state lock.
    /// </summary>
    public int[] RowsOf(VectorBuffer buffer)
    {
        lock (_rowsLock)
        {
            if (_rows is not null && _rowsBuffer is not null && _rowsBuffer.TryGetTarget(out var known) && ReferenceEquals(known, buffer))
            {
                return _rows;
            }
        }

        var rows = new int[Count];
        var key = 0;
        foreach (var hash in KeyHashes())
        {
            rows[key++] = buffer.TryGetRow(hash, out var row) ? row : -1;
        }

        Prime(buffer, rows);
        return rows;
    }

    /// <summary>Takes a reference on the native graph for one search; false once it has been released.</summary>
    public bool TryAcquire()
    {
        var acquired = false;
        try
        {
            _graph.DangerousAddRef(ref acquired);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return acquired;
    }

    public void Release() => _graph.DangerousRelease();

    public unsafe int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances, delegate* unmanaged<ulong, IntPtr, int> filter, IntPtr state) =>
        _graph.Search(query, keys, distances, filter, state);

    public void Dispose() => _graph.Dispose();

    /// <summary>Deletes files a crashed writer left beside <paramref name="path"/>.</summary>
    public static void DeleteLeftovers(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(path) + ".tmp-*"))
        {
            TryDelete(file);
        }
    }

    private void Prime(VectorBuffer buffer, int[] rows)
    {
        lock (_rowsLock)
        {
            _rowsBuffer = new WeakReference<VectorBuffer>(buffer);
            _rows = rows;
        }
    }

    private IEnumerable<string> KeyHashes()
    {
        if (_hashes is not null)
        {
            foreach (var hash in _hashes)
            {
                yield return hash;
            }

            yield break;
        }

        using var stream = new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
        stream.Position = _hashesOffset;
        var end = _hashesOffset + _hashesLength;
        var entry = new byte[1024];
        while (stream.Position < end)
        {
            stream.ReadExactly(entry, 0, 2);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(entry);
            stream.ReadExactly(entry, 0, length);
            yield return Encoding.UTF8.GetString(entry, 0, length);
        }
    }

    private byte[] Footer(long graphLength, long hashesLength, ulong hashesChecksum)
    {
        var footer = new byte[FooterLength];
        var span = footer.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], Dimension);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], Count);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], graphLength);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], hashesLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], hashesChecksum);
        var model = Encoding.UTF8.GetBytes(Model);
        if (model.Length > 1024)
        {
            throw new InvalidOperationException("Der Modellname ist zu lang für den Vektorindex.");
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[48..], model.Length);
        model.CopyTo(span[52..]);
        var checksum = new Checksum();
        checksum.Add(span[..(FooterLength - 8)]);
        BinaryPrimitives.WriteUInt64LittleEndian(span[(FooterLength - 8)..], checksum.Value);
        return footer;
    }

    private static FooterFields ReadFooter(FileStream stream)
    {
        if (stream.Length < FooterLength)
        {
            throw new InvalidDataException("Der Vektorindex ist zu kurz.");
        }

        var footer = new byte[FooterLength];
        stream.Position = stream.Length - FooterLength;
        stream.ReadExactly(footer);
        var span = footer.AsSpan();
        var checksum = new Checksum();
        checksum.Add(span[..(FooterLength - 8)]);
        if (!span[..8].SequenceEqual(Magic) || BinaryPrimitives.ReadUInt64LittleEndian(span[(FooterLength - 8)..]) != checksum.Value)
        {
            throw new InvalidDataException("Der Abschluss des Vektorindex ist beschädigt.");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(span[8..]) != FormatVersion)
        {
            throw new InvalidDataException("Der Vektorindex hat ein anderes Format.");
        }

        var modelLength = BinaryPrimitives.ReadInt32LittleEndian(span[48..]);
        if (modelLength is < 0 or > 1024)
        {
            throw new InvalidDataException("Der Abschluss des Vektorindex ist beschädigt.");
        }

        return new FooterFields(
            BinaryPrimitives.ReadInt32LittleEndian(span[12..]),
            checked((int)BinaryPrimitives.ReadInt64LittleEndian(span[16..])),
            BinaryPrimitives.ReadInt64LittleEndian(span[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[32..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[40..]),
            Encoding.UTF8.GetString(span.Slice(52, modelLength)));
    }

    private static unsafe NativeHnsw ViewGraph(FileStream stream, FooterFields footer)
    {
        // Copy-on-write: the library may touch pages it views; the file never changes under another reader.
        var mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.CopyOnWrite, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            view = mapped.CreateViewAccessor(0, footer.GraphLength, MemoryMappedFileAccess.CopyOnWrite);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            var backing = new MappedView(mapped, view);
            NativeHnsw graph;
            try
            {
                graph = NativeHnsw.View(pointer + view.PointerOffset, footer.GraphLength, footer.Dimension, backing);
            }
            catch (InvalidOperationException exception)
            {
                backing.Dispose();
                throw new InvalidDataException("Der Graph des Vektorindex ist beschädigt.", exception);
            }

            if (graph.Count != footer.Count || graph.Dimensions != footer.Dimension)
            {
                graph.Dispose();
                throw new InvalidDataException("Der Graph des Vektorindex passt nicht zu seinem Abschluss.");
            }

            return graph;
        }
        catch when (!acquired)
        {
            view?.Dispose();
            mapped.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is removed the next time the index is written.
        }
    }

    private sealed record FooterFields(int Dimension, int Count, long GraphLength, long HashesLength, ulong HashesChecksum, string Model);

    private sealed class MappedView(MemoryMappedFile file, MemoryMappedViewAccessor view) : IDisposable
    {
        public void Dispose()
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            file.Dispose();
        }
    }

    /// <summary>A 64-bit checksum that catches truncation and damage; not a cryptographic hash.</summary>
    private struct Checksum()
    {
        public ulong Value { get; private set; } = 14695981039346656037;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            var value = Value;
            foreach (var b in bytes)
            {
                value = (value ^ b) * 1099511628211;
            }

            Value = value;
        }
    }
}
