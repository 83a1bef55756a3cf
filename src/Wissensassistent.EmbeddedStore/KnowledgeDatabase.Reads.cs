using System.Globalization;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Reads: chunks, norms, laws, statistics and cross-references straight from SQLite.</summary>
internal sealed partial class KnowledgeDatabase
{
    public async Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, content_hash FROM documents;";
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    public async Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var command = StoreCommand.Create(connection, null, $"SELECT {ChunkRows.Columns} FROM {ChunkRows.Source} WHERE c.id = $id;", "$id");
        command.Parameters[0].Value = chunkId;
        return ReadChunks(command).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var command = StoreCommand.Create(
            connection,
            null,
            $"""
            SELECT {ChunkRows.Columns} FROM {ChunkRows.Source}
            JOIN chunks anchor ON anchor.id = $id AND c.document_id = anchor.document_id
            WHERE c.ordinal BETWEEN anchor.ordinal - $radius AND anchor.ordinal + $radius
            ORDER BY c.ordinal;
            """,
            "$id",
            "$radius");
        command.Parameters[0].Value = chunkId;
        command.Parameters[1].Value = radius;
        return ReadChunks(command);
    }

    public async Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(section);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var loaded = LoadedOf(CurrentSnapshot());
        var rows = new List<(string Id, Chunk? Chunk)>();
        using (var connection = OpenConnection())
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            // Which chunks, and whether the one kept in memory is still the row's (text and access): a law held by many
            // documents (a bylaw in every Gemeinde) has a norm in each, too many to decode on every lookup.
            var documentIds = DocumentsOfLaw(connection, transaction, law);
            foreach (var ids in documentIds.Chunk(MaxParametersPerStatement))
            {
                using var command = StoreCommand.Create(connection, transaction, string.Empty, "$section");
                command.Parameters[0].Value = ChunkRows.SectionKey(section);
                command.CommandText =
                    $"SELECT c.id, c.content_hash, c.access_groups FROM chunks c WHERE c.document_id IN ({AddParameters(command, ids)}) " +
                    "AND c.section_key = $section ORDER BY c.document_id, c.ordinal;";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    var current = loaded.TryGet(id, reader.GetString(1), out var kept) && ChunkRows.SerializeList(kept.AccessGroups) == reader.GetString(2);
                    rows.Add((id, current ? kept : null));
                }
            }
        }

        var missing = rows.Where(row => row.Chunk is null).Select(row => row.Id).ToArray();
        if (missing.Length > 0)
        {
            var read = ReadByIds(missing).Where(chunk => chunk is not null).ToDictionary(chunk => chunk!.Id, StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Chunk is null && read.TryGetValue(rows[i].Id, out var chunk))
                {
                    rows[i] = (rows[i].Id, chunk);
                    loaded.Add(chunk!);
                }
            }
        }

        // A chunk deleted between the two reads is left out.
        return [.. rows.Where(row => row.Chunk is not null).Select(row => row.Chunk!)];
    }

    public async Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(law);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var documentIds = DocumentsOfLaw(connection, transaction, law);

        // Distinct by section in order of first appearance; a norm is repealed when all its chunks are.
        var norms = new List<(Citation Citation, string? Title, bool IsRepealed, IReadOnlyList<string> Access)>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ids in documentIds.Chunk(MaxParametersPerStatement))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "SELECT c.law, c.kind, c.section, c.section_key, c.norm_title, c.is_repealed, c.access_groups FROM chunks c " +
                $"WHERE c.document_id IN ({AddParameters(command, ids)}) ORDER BY c.document_id, c.ordinal;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(3);
                var title = ChunkRows.NullableString(reader, 4);
                var repealed = reader.GetInt64(5) != 0;
                var groups = ChunkRows.DeserializeList(reader.GetString(6));
                if (positions.TryGetValue(key, out var position))
                {
                    var known = norms[position];
                    norms[position] = (known.Citation, known.Title ?? title, known.IsRepealed && repealed, DocumentAccess.Combine(known.Access, groups));
                }
                else
                {
                    positions[key] = norms.Count;
                    var citation = new Citation(reader.GetString(0), Enum.Parse<NormKind>(reader.GetString(1)), reader.GetString(2));
                    norms.Add((citation, title, repealed, groups));
                }
            }
        }

        return [.. norms.Select(norm => new NormInfo(norm.Citation, norm.Title, norm.IsRepealed) { AccessGroups = norm.Access })];
    }

    public async Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT d.law, d.title, d.aliases, d.level, d.type, d.stand, " +
            "(SELECT count(*) FROM chunks c WHERE c.document_id = d.id), d.access_groups FROM documents d ORDER BY d.id;";
        var laws = new Dictionary<string, LawInfo>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var law = reader.GetString(0);
            var aliases = ChunkRows.DeserializeList(reader.GetString(2));
            var stand = ChunkRows.NullableString(reader, 5);
            var chunks = reader.GetInt32(6);
            var groups = ChunkRows.DeserializeList(reader.GetString(7));
            var key = IndexedDocument.LawKey(law);
            if (laws.TryGetValue(key, out var known))
            {
                laws[key] = known with
                {
                    Aliases = [.. known.Aliases.Concat(aliases).Distinct(StringComparer.OrdinalIgnoreCase)],
                    Stand = known.Stand ?? stand,
                    Chunks = known.Chunks + chunks,
                    AccessGroups = DocumentAccess.Combine(known.AccessGroups, groups),
                };
            }
            else
            {
                laws[key] = new LawInfo(
                    law,
                    reader.GetString(1),
                    [.. aliases.Distinct(StringComparer.OrdinalIgnoreCase)],
                    Enum.Parse<Level>(reader.GetString(3)),
                    Enum.Parse<DocumentType>(reader.GetString(4)),
                    stand,
                    chunks) { AccessGroups = groups };
            }
        }

        return [.. laws.Values.OrderBy(law => law.Law, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);

        var laws = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        using (var command = StoreCommand.Create(connection, transaction, "SELECT law FROM documents;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                documents++;
                laws.Add(IndexedDocument.LawKey(reader.GetString(0)));
            }
        }

        int chunks, norms;
        using (var command = StoreCommand.Create(connection, transaction, "SELECT count(*), count(DISTINCT norm_key) FROM chunks;"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            chunks = reader.GetInt32(0);
            norms = reader.GetInt32(1);
        }

        var model = ReadMeta(connection, transaction, StoreSchema.CurrentModelKey);
        var embedded = 0;
        if (model is not null)
        {
            using var command = StoreCommand.Create(
                connection,
                transaction,
                "SELECT count(*) FROM chunks c WHERE EXISTS (SELECT 1 FROM embeddings e WHERE e.content_hash = c.content_hash AND e.model = $model);",
                "$model");
            command.Parameters[0].Value = model;
            embedded = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return new StoreStatistics(documents, laws.Count, norms, chunks, embedded, model);
    }

    /// <summary>
    /// Chunks in document order whose content hash has no vector of <paramref name="model"/>. Of several chunks with
    /// the same content hash only the first is returned, since one vector serves them all.
    /// </summary>
    public async Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (limit == 0)
        {
            return [];
        }

        using var connection = OpenConnection();
        using var command = StoreCommand.Create(
            connection,
            null,
            $"""
            SELECT {ChunkRows.Columns} FROM {ChunkRows.Source}
            WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.content_hash = c.content_hash AND e.model = $model)
              AND NOT EXISTS (
                SELECT 1 FROM chunks twin WHERE twin.content_hash = c.content_hash
                  AND (twin.document_id < c.document_id OR (twin.document_id = c.document_id AND twin.ordinal < c.ordinal)))
            ORDER BY c.document_id, c.ordinal
            LIMIT $limit;
            """,
            "$model",
            "$limit");
        command.Parameters[0].Value = model;
        command.Parameters[1].Value = limit;
        return ReadChunks(command);
    }

    public async Task<IReadOnlyList<Chunk>> GetReferringChunksAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(section);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var keys = LawKeysOf(connection, transaction, law).Select(key => ReferenceRows.TargetKey(key, section)).ToList();
        var ids = ReferenceRows.ReferringChunkIds(connection, transaction, keys);
        var chunks = new List<Chunk>(ids.Count);
        foreach (var group in ids.Chunk(MaxParametersPerStatement))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT {ChunkRows.Columns} FROM {ChunkRows.Source} WHERE c.id IN ({AddParameters(command, group)}) ORDER BY c.document_id, c.ordinal;";
            chunks.AddRange(ReadChunks(command));
        }

        return chunks;
    }

    public async Task<IReadOnlyList<CrossReference>> ListReferencesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        return ReferenceRows.ReadAll(connection);
    }

    /// <summary>The law itself and, when documents of it are held, their laws and aliases (lower-cased).</summary>
    private static List<string> LawKeysOf(SqliteConnection connection, SqliteTransaction transaction, string law)
    {
        var key = IndexedDocument.LawKey(law);
        var keys = new List<string> { key };
        using var command = StoreCommand.Create(connection, transaction, "SELECT law, aliases FROM documents;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var documentKeys = IndexedDocument.LawKeysOf(reader.GetString(0), ChunkRows.DeserializeList(reader.GetString(1)));
            if (documentKeys.Contains(key))
            {
                keys.AddRange(documentKeys);
            }
        }

        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<NormChunkHash>> ListNormChunkHashesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = OpenConnection();
        using var command = StoreCommand.Create(connection, null, "SELECT law, kind, section, content_hash FROM chunks ORDER BY document_id, ordinal;");
        var chunks = new List<NormChunkHash>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            chunks.Add(new NormChunkHash(new Citation(reader.GetString(0), Enum.Parse<NormKind>(reader.GetString(1)), reader.GetString(2)), reader.GetString(3)));
        }

        return chunks;
    }

    /// <summary>Ids of the documents whose law or alias is <paramref name="law"/> (case-insensitive), ordered by id.</summary>
    private IReadOnlyList<string> DocumentsOfLaw(SqliteConnection connection, SqliteTransaction transaction, string law)
    {
        // Read in the same transaction as the counter, so the map belongs to exactly the state it is stamped with.
        var changes = ReadChangeCounter(connection, transaction);
        var known = _documentLaws;
        if (known is null || known.Changes != changes)
        {
            known = DocumentLaws.Read(connection, transaction, changes);
            _documentLaws = known;
        }

        return known.Of(law);
    }

    private static List<Chunk> ReadChunks(SqliteCommand command)
    {
        var chunks = new List<Chunk>();
        var legacy = new List<int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (ChunkRows.IsLegacy(reader))
                {
                    legacy.Add(chunks.Count);
                }

                chunks.Add(ChunkRows.Read(reader));
            }
        }

        if (legacy.Count > 0)
        {
            var attached = ReferenceRows.Attach(command.Connection!, command.Transaction, [.. legacy.Select(i => chunks[i])]);
            for (var i = 0; i < legacy.Count; i++)
            {
                chunks[legacy[i]] = attached[i];
            }
        }

        return chunks;
    }

    private static string AddParameters(SqliteCommand command, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
