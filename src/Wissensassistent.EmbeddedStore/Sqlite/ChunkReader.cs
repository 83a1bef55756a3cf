using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Reads the chunks of search hits from their records through statements prepared once per connection: a search loads a few
/// hundred candidates, and preparing a long <c>IN (…)</c> list each time cost more than the ranking itself.
/// </summary>
internal sealed class ChunkReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _records;
    private readonly SqliteCommand _legacy;
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

        // One statement for all hits: the ids travel as one JSON array, so the statement is prepared once.
        _records = Prepare(connection, "SELECT record FROM chunk_records WHERE chunk_id IN (SELECT value FROM json_each($ids));", "$ids");
        _legacy = Prepare(connection, $"SELECT {ChunkRows.Columns} FROM {ChunkRows.Source} WHERE c.id IN (SELECT value FROM json_each($ids));", "$ids");
        _begin = Prepare(connection, "BEGIN DEFERRED;");
        _end = Prepare(connection, "COMMIT;");
    }

    /// <summary>
    /// The chunks <paramref name="ids"/>, read in one read transaction so that they come from one state of the file;
    /// null where the chunk is gone. The caller checks that each still has the text it ranked.
    /// </summary>
    public Chunk?[] Read(string[] ids)
    {
        var chunks = new Chunk?[ids.Length];
        var positions = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            positions.TryAdd(ids[i], i);
        }

        var list = ChunkRows.SerializeList(ids);
        var found = 0;
        _begin.ExecuteNonQuery();
        try
        {
            _records.Parameters[0].Value = list;
            using (var reader = _records.ExecuteReader())
            {
                while (reader.Read())
                {
                    var chunk = ChunkRows.ReadRecord(reader, 0);
                    chunks[positions[chunk.Id]] = chunk;
                    found++;
                }
            }

            if (found < positions.Count)
            {
                // Rows written before records: their columns and reference table.
                _legacy.Parameters[0].Value = list;
                var legacy = new List<Chunk>();
                using (var reader = _legacy.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        if (ChunkRows.IsLegacy(reader))
                        {
                            legacy.Add(ChunkRows.Read(reader, _lists));
                        }
                    }
                }

                foreach (var chunk in ReferenceRows.Attach(_connection, null, legacy))
                {
                    chunks[positions[chunk.Id]] = chunk;
                }
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
        _records.Dispose();
        _legacy.Dispose();
        _begin.Dispose();
        _end.Dispose();
        _connection.Dispose();
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

