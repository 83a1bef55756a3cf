using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.References;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Reads the chunks of search hits by rowid through statements prepared once per connection: a search loads a few
/// hundred candidates, and preparing a long <c>IN (…)</c> list each time cost more than the ranking itself.
/// </summary>
internal sealed class ChunkReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _chunk;
    private readonly SqliteCommand _references;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _end;
    private readonly ChunkRows.ListCache _lists = new();

    private ChunkReader(SqliteConnection connection)
    {
        _connection = connection;

        // Hits are read where they lie: through the map, rows cost no read() call and no copy into SQLite's cache.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA mmap_size = 268435456;";
            pragma.ExecuteNonQuery();
        }

        // One statement for all hits: the rowids travel as one JSON array, so the statement is prepared once.
        _chunk = Prepare(connection, $"SELECT {ChunkRows.Columns}, c.rowid FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rowids));", "$rowids");
        _references = Prepare(
            connection,
            $"SELECT r.chunk_id, {ReferenceRows.Columns} FROM chunk_references r " +
            "WHERE r.chunk_id IN (SELECT id FROM chunks WHERE rowid IN (SELECT value FROM json_each($rowids))) ORDER BY r.chunk_id, r.position;",
            "$rowids");
        _begin = Prepare(connection, "BEGIN DEFERRED;");
        _end = Prepare(connection, "COMMIT;");
    }

    /// <summary>
    /// The chunks at <paramref name="rowIds"/>, read in one read transaction so that they come from one state of the
    /// file; null where the row is gone. The caller checks that each is still the chunk it ranked.
    /// </summary>
    public Chunk?[] Read(ReadOnlySpan<long> rowIds)
    {
        var chunks = new Chunk?[rowIds.Length];
        var positions = new Dictionary<long, int>(rowIds.Length);
        var json = new StringBuilder(rowIds.Length * 8).Append('[');
        for (var i = 0; i < rowIds.Length; i++)
        {
            positions.TryAdd(rowIds[i], i);
            json.Append(i == 0 ? "" : ",").Append(rowIds[i].ToString(CultureInfo.InvariantCulture));
        }

        var list = json.Append(']').ToString();
        var byId = new Dictionary<string, int>(rowIds.Length, StringComparer.Ordinal);
        var anyLegacy = false;
        _begin.ExecuteNonQuery();
        try
        {
            _chunk.Parameters[0].Value = list;
            using (var reader = _chunk.ExecuteReader())
            {
                while (reader.Read())
                {
                    anyLegacy |= ChunkRows.IsLegacy(reader);
                    var chunk = ChunkRows.Read(reader, _lists);
                    var position = positions[reader.GetInt64(ChunkRows.ColumnCount)];
                    chunks[position] = chunk;
                    byId[chunk.Id] = position;
                }
            }

            if (!anyLegacy)
            {
                return chunks;
            }

            _references.Parameters[0].Value = list;
            using (var reader = _references.ExecuteReader())
            {
                string? current = null;
                List<CrossReference>? references = null;
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    if (id != current)
                    {
                        Attach(chunks, byId, current, references);
                        current = id;
                        references = [];
                    }

                    references!.Add(ReferenceRows.Read(reader, 1));
                }

                Attach(chunks, byId, current, references);
            }
        }
        finally
        {
            _end.ExecuteNonQuery();
        }

        return chunks;
    }

    public void Dispose()
    {
        _chunk.Dispose();
        _references.Dispose();
        _begin.Dispose();
        _end.Dispose();
        _connection.Dispose();
    }

    private static void Attach(Chunk?[] chunks, Dictionary<string, int> byId, string? chunkId, List<CrossReference>? references)
    {
        if (chunkId is not null && references is not null && byId.TryGetValue(chunkId, out var position))
        {
            chunks[position] = chunks[position]! with { References = references };
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>Readers with open connections, one per concurrent search; closed with the store file.</summary>
    public sealed class Pool(Func<SqliteConnection> open) : IDisposable
    {
        private readonly ConcurrentBag<ChunkReader> _free = [];
        private volatile bool _disposed;

        public ChunkReader Rent() => _free.TryTake(out var reader) ? reader : new ChunkReader(open());

        public void Return(ChunkReader reader)
        {
            _free.Add(reader);
            if (_disposed)
            {
                Drain();
            }
        }

        public void Dispose()
        {
            _disposed = true;
            Drain();
        }

        private void Drain()
        {
            while (_free.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
    }
}

