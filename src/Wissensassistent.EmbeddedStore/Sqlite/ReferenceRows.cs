using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;

namespace Wissensassistent.EmbeddedStore.Sqlite;

/// <summary>Maps the references of chunks to rows of <c>chunk_references</c> and back.</summary>
internal static class ReferenceRows
{
    private const int MaxParametersPerStatement = 500;

    public const string Columns = "r.start, r.length, r.basis, r.law, r.kind, r.section, r.absatz, r.satz, r.nummer, r.buchstabe";

    public const string DeleteOfDocument = "DELETE FROM chunk_references WHERE document_id = $id;";

    /// <summary>The key a target is found under: <c>baugb|34</c>, as <see cref="Citation.NormKey"/>.</summary>
    public static string TargetKey(string law, string section) => Citation.NormKeyOf(law, section);

    public static SqliteCommand CreateInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        string[] columns = ["chunk_id", "document_id", "position", "start", "length", "basis", "law", "kind", "section", "absatz", "satz", "nummer", "buchstabe", "target_key"];
        command.CommandText = $"INSERT INTO chunk_references ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))});";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }

        return command;
    }

    public static void Insert(SqliteCommand insert, Chunk chunk)
    {
        for (var position = 0; position < chunk.References.Count; position++)
        {
            var reference = chunk.References[position];
            var target = reference.Target;
            object?[] values =
            [
                chunk.Id, chunk.DocumentId, position, reference.Start, reference.Length, reference.Basis.ToString(), target.Law,
                target.Kind.ToString(), target.Section, target.Absatz, target.Satz, target.Nummer, target.Buchstabe,
                TargetKey(target.Law, target.Section),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The chunks with their references read from the same connection and transaction.</summary>
    public static List<Chunk> Attach(SqliteConnection connection, SqliteTransaction? transaction, List<Chunk> chunks)
    {
        if (chunks.Count == 0)
        {
            return chunks;
        }

        var byChunk = new Dictionary<string, List<CrossReference>>(StringComparer.Ordinal);
        foreach (var ids in chunks.Select(c => c.Id).Distinct(StringComparer.Ordinal).Chunk(MaxParametersPerStatement))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var names = new List<string>(ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                names.Add("$c" + i);
                command.Parameters.AddWithValue("$c" + i, ids[i]);
            }

            command.CommandText = $"SELECT r.chunk_id, {Columns} FROM chunk_references r WHERE r.chunk_id IN ({string.Join(", ", names)}) ORDER BY r.chunk_id, r.position;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!byChunk.TryGetValue(id, out var list))
                {
                    byChunk[id] = list = [];
                }

                list.Add(Read(reader, 1));
            }
        }

        return byChunk.Count == 0
            ? chunks
            : chunks.Select(c => byChunk.TryGetValue(c.Id, out var references) ? c with { References = references } : c).ToList();
    }

    /// <summary>Ids of the chunks that refer to any of the target keys, by document and position.</summary>
    public static List<string> ReferringChunkIds(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<string> targetKeys)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new List<string>(targetKeys.Count);
        for (var i = 0; i < targetKeys.Count; i++)
        {
            names.Add("$k" + i);
            command.Parameters.AddWithValue("$k" + i, targetKeys[i]);
        }

        command.CommandText =
            $"SELECT c.id FROM chunks c WHERE c.id IN (SELECT r.chunk_id FROM chunk_references r WHERE r.target_key IN ({string.Join(", ", names)})) " +
            "ORDER BY c.document_id, c.ordinal;";
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public static List<CrossReference> ReadAll(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM chunk_references r;";
        var references = new List<CrossReference>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            references.Add(Read(reader, 0));
        }

        return references;
    }

    public static CrossReference Read(SqliteDataReader reader, int first) => new(
        reader.GetInt32(first),
        reader.GetInt32(first + 1),
        new Citation(
            reader.GetString(first + 3),
            StoredEnum<NormKind>.Parse(reader.GetString(first + 4)),
            reader.GetString(first + 5),
            ChunkRows.NullableString(reader, first + 6),
            reader.IsDBNull(first + 7) ? null : reader.GetInt32(first + 7),
            ChunkRows.NullableString(reader, first + 8),
            ChunkRows.NullableString(reader, first + 9)),
        StoredEnum<ReferenceBasis>.Parse(reader.GetString(first + 2)));
}
