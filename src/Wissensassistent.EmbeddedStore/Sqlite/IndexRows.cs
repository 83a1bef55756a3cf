using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Documents;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>
/// Reads what the in-memory index holds from the SQLite file, whole or by document, and keeps the change log that lets
/// another process follow a write without reading everything again.
/// </summary>
internal static class IndexRows
{
    /// <summary>
    /// How many changes the log keeps. A reader further behind, or an index file older than that, reads everything.
    /// </summary>
    public const long LoggedChanges = 50_000;

    /// <summary>In the change log: the write changed vectors or the model, not documents.</summary>
    public const string VectorsChanged = "";

    private const string ChunkColumns = "id, document_id, ordinal, level, type, is_repealed, valid_from, valid_until, content_hash, terms";

    /// <summary>Every document and chunk, and the vectors of the current model.</summary>
    public static IndexState LoadAll(SqliteConnection connection, SqliteTransaction transaction, TermDictionary terms)
    {
        var documents = ReadDocuments(connection, transaction, null);
        using var command = StoreCommand.Create(connection, transaction, $"SELECT {ChunkColumns} FROM chunks;");
        var chunks = ReadChunks(command, terms);
        var state = new IndexState(LoadVectors(connection, transaction));
        foreach (var (id, keys, access) in documents)
        {
            state.Replace(Document(id, keys, access, chunks.GetValueOrDefault(id)));
        }

        return state;
    }

    /// <summary>One document as the index holds it; null when it is gone.</summary>
    public static IndexedDocument? LoadDocument(SqliteConnection connection, SqliteTransaction transaction, string documentId, TermDictionary terms)
    {
        var documents = ReadDocuments(connection, transaction, documentId);
        if (documents.Count == 0)
        {
            return null;
        }

        using var command = StoreCommand.Create(connection, transaction, $"SELECT {ChunkColumns} FROM chunks WHERE document_id = $id;", "$id");
        command.Parameters[0].Value = documentId;
        var (id, keys, access) = documents[0];
        return Document(id, keys, access, ReadChunks(command, terms).GetValueOrDefault(id));
    }

    /// <summary>
    /// The vectors of the current model for content hashes some chunk has; empty without a model. Rows are copied
    /// straight into a buffer of the exact size: at a million 384-dimension vectors, a list of arrays first would hold
    /// them twice at open.
    /// </summary>
    public static VectorBuffer LoadVectors(SqliteConnection connection, SqliteTransaction transaction)
    {
        var model = ReadMeta(connection, transaction, StoreSchema.CurrentModelKey);
        if (model is null)
        {
            return new VectorBuffer(null, 0);
        }

        var dimension = int.Parse(ReadMeta(connection, transaction, StoreSchema.DimensionKeyPrefix + model) ?? "0", CultureInfo.InvariantCulture);
        const string OfModel = "FROM embeddings e WHERE e.model = $model AND e.content_hash IN (SELECT content_hash FROM chunks)";
        using var count = StoreCommand.Create(connection, transaction, $"SELECT COUNT(*) {OfModel};", "$model");
        count.Parameters[0].Value = model;
        var rows = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        var buffer = new VectorBuffer(model, dimension, rows + rows / 8);
        using var command = StoreCommand.Create(connection, transaction, $"SELECT e.content_hash, e.vector {OfModel};", "$model");
        command.Parameters[0].Value = model;
        var bytes = new byte[dimension * sizeof(float)];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetBytes(1, 0, null, 0, 0) != bytes.Length || reader.GetBytes(1, 0, bytes, 0, bytes.Length) != bytes.Length)
            {
                throw new InvalidDataException($"Ein gespeicherter Vektor des Modells {model} hat nicht {dimension} Dimensionen.");
            }

            buffer.Set(reader.GetString(0), MemoryMarshal.Cast<byte, float>(bytes));
        }

        return buffer;
    }

    /// <summary>All vectors of a model for content hashes some chunk has.</summary>
    public static List<KeyValuePair<string, float[]>> ReadVectorsOfModel(SqliteConnection connection, SqliteTransaction transaction, string model)
    {
        using var command = StoreCommand.Create(
            connection,
            transaction,
            "SELECT e.content_hash, e.vector FROM embeddings e WHERE e.model = $model AND e.content_hash IN (SELECT content_hash FROM chunks);",
            "$model");
        command.Parameters[0].Value = model;
        var vectors = new List<KeyValuePair<string, float[]>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            vectors.Add(new(reader.GetString(0), MemoryMarshal.Cast<byte, float>(reader.GetFieldValue<byte[]>(1)).ToArray()));
        }

        return vectors;
    }

    /// <summary>Records inside a write transaction which documents change <paramref name="change"/> wrote, and forgets old changes.</summary>
    public static void LogChange(SqliteConnection connection, SqliteTransaction transaction, long change, IEnumerable<string> documentIds)
    {
        using var insert = StoreCommand.Create(connection, transaction, "INSERT OR IGNORE INTO index_changes (change, document_id) VALUES ($change, $id);", "$change", "$id");
        insert.Parameters[0].Value = change;
        var any = false;
        foreach (var id in documentIds)
        {
            insert.Parameters[1].Value = id;
            insert.ExecuteNonQuery();
            any = true;
        }

        if (!any)
        {
            // Every change has a row, so that a reader can tell a complete log from a pruned one.
            insert.Parameters[1].Value = VectorsChanged;
            insert.ExecuteNonQuery();
        }

        using var prune = StoreCommand.Create(connection, transaction, "DELETE FROM index_changes WHERE change <= $oldest;", "$oldest");
        prune.Parameters[0].Value = change - LoggedChanges;
        prune.ExecuteNonQuery();
    }

    /// <summary>
    /// The documents written by the changes after <paramref name="from"/> up to <paramref name="to"/>, and whether any of
    /// them changed vectors; null when the log no longer covers every one of those changes.
    /// </summary>
    public static (HashSet<string> Documents, bool Vectors)? ReadChanges(SqliteConnection connection, SqliteTransaction transaction, long from, long to)
    {
        if (to - from > LoggedChanges)
        {
            return null;
        }

        using var command = StoreCommand.Create(connection, transaction, "SELECT change, document_id FROM index_changes WHERE change > $from AND change <= $to;", "$from", "$to");
        command.Parameters[0].Value = from;
        command.Parameters[1].Value = to;
        var changes = new HashSet<long>();
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var vectors = false;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            changes.Add(reader.GetInt64(0));
            var id = reader.GetString(1);
            if (id == VectorsChanged)
            {
                vectors = true;
            }
            else
            {
                documents.Add(id);
            }
        }

        return changes.Count == to - from ? (documents, vectors) : null;
    }

    public static string? ReadMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = StoreCommand.Create(connection, transaction, "SELECT value FROM meta WHERE key = $key;", "$key");
        command.Parameters[0].Value = key;
        return command.ExecuteScalar() as string;
    }

    /// <summary>How many documents and chunks the file holds: a cheap check that a state taken from elsewhere matches it.</summary>
    public static (int Documents, int Chunks) Count(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = StoreCommand.Create(connection, transaction, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks);");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private static IndexedDocument Document(string id, string[] lawKeys, string[] access, List<IndexedChunk>? chunks) =>
        new(id, lawKeys, chunks is null ? [] : [.. chunks.OrderBy(chunk => chunk.Ordinal)]) { AccessGroups = access };

    private static List<(string Id, string[] LawKeys, string[] Access)> ReadDocuments(SqliteConnection connection, SqliteTransaction transaction, string? only)
    {
        using var command = StoreCommand.Create(
            connection,
            transaction,
            only is null ? "SELECT id, law, aliases, access_groups FROM documents;" : "SELECT id, law, aliases, access_groups FROM documents WHERE id = $id;",
            "$id");
        command.Parameters[0].Value = (object?)only ?? DBNull.Value;
        var documents = new List<(string, string[], string[])>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add((
                reader.GetString(0),
                IndexedDocument.LawKeysOf(reader.GetString(1), ChunkRows.DeserializeList(reader.GetString(2))),
                ChunkRows.DeserializeList(reader.GetString(3))));
        }

        return documents;
    }

    private static Dictionary<string, List<IndexedChunk>> ReadChunks(SqliteCommand command, TermDictionary terms)
    {
        var chunksByDocument = new Dictionary<string, List<IndexedChunk>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var documentId = reader.GetString(1);
            if (!chunksByDocument.TryGetValue(documentId, out var chunks))
            {
                chunksByDocument[documentId] = chunks = [];
            }

            chunks.Add(new IndexedChunk(
                reader.GetString(0),
                reader.GetString(8),
                reader.GetInt32(2),
                (byte)StoredEnum<Level>.Parse(reader.GetString(3)),
                (byte)StoredEnum<DocumentType>.Parse(reader.GetString(4)),
                reader.GetInt64(5) != 0,
                IndexedChunk.DayOrMin(ChunkRows.NullableDate(reader, 6)),
                IndexedChunk.DayOrMax(ChunkRows.NullableDate(reader, 7)),
                TermBlob.Decode(reader.GetFieldValue<byte[]>(9), terms)));
        }

        return chunksByDocument;
    }
}
