using System.Collections.Concurrent;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Chunks read from SQLite while one index snapshot is current, kept for the searches after: the 200 candidates of a
/// question overlap much with those of the next, and reading and decoding their records cost more than ranking them. One
/// instance belongs to one snapshot, and every write publishes a new snapshot, so a changed document is read again; a
/// chunk is handed out only while its content hash is still the one asked for. Bounded by count: when full, it starts
/// over rather than keep an order of use.
/// </summary>
internal sealed class LoadedChunks(int capacity)
{
    private readonly ConcurrentDictionary<string, Chunk> _chunks = new(StringComparer.Ordinal);

    public int Count => _chunks.Count;

    /// <summary>The kept chunk <paramref name="id"/> if its content hash is <paramref name="contentHash"/>.</summary>
    public bool TryGet(string id, string contentHash, out Chunk chunk)
    {
        if (_chunks.TryGetValue(id, out var kept) && string.Equals(kept.ContentHash, contentHash, StringComparison.Ordinal))
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

        if (_chunks.Count >= capacity)
        {
            _chunks.Clear();
        }

        _chunks[chunk.Id] = chunk;
    }
}
