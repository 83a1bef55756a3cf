using System.Collections.Concurrent;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Chunks read from SQLite while one index snapshot is current, kept for the searches after: the 200 candidates of a
/// question overlap much with those of the next, and reading and decoding their records cost more than ranking them. One
/// instance belongs to one snapshot, and every write publishes a new snapshot, so a changed document is read again. Search
/// hits are kept by their place in the snapshot, checked against its content hash when read; chunks of norm lookups by
/// id, handed out only while their content hash is still the one asked for. Bounded by count: when full, it starts over
/// rather than keep an order of use.
/// </summary>
internal sealed class LoadedChunks(int chunkCount, int capacity)
{
    private readonly ConcurrentDictionary<string, Chunk> _byId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Chunk?[]? _byIndex;
    private int _count;

    /// <summary>The kept hit at <paramref name="index"/> of the snapshot, or null.</summary>
    public Chunk? Get(int index) => Volatile.Read(ref _byIndex) is { } kept ? Volatile.Read(ref kept[index]) : null;

    /// <summary>Keeps the hit at <paramref name="index"/>; the caller checked it against the snapshot's content hash.</summary>
    public void Add(int index, Chunk chunk)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            var kept = _byIndex ??= new Chunk?[chunkCount];
            if (_count >= capacity)
            {
                Array.Clear(kept);
                _byId.Clear();
                _count = 0;
            }

            if (kept[index] is null)
            {
                _count++;
            }

            Volatile.Write(ref kept[index], chunk);
        }
    }

    /// <summary>The kept chunk <paramref name="id"/> if its content hash is <paramref name="contentHash"/>.</summary>
    public bool TryGet(string id, string contentHash, out Chunk chunk)
    {
        if (_byId.TryGetValue(id, out var kept) && string.Equals(kept.ContentHash, contentHash, StringComparison.Ordinal))
        {
            chunk = kept;
            return true;
        }

        chunk = null!;
        return false;
    }

    public void Add(Chunk chunk)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_count >= capacity)
            {
                if (_byIndex is not null)
                {
                    Array.Clear(_byIndex);
                }

                _byId.Clear();
                _count = 0;
            }

            if (_byId.TryAdd(chunk.Id, chunk))
            {
                _count++;
            }
        }
    }
}
