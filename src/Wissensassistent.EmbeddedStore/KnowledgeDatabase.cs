using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore.Indexing;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore;

/// <summary>
/// One SQLite file of the embedded store (WAL mode): documents, chunks with their analysed terms, and embeddings cached
/// by content hash and model. Search runs in memory against an immutable snapshot (BM25 postings and one contiguous
/// vector array) that is rebuilt lazily after writes. <see cref="EmbeddedKnowledgeStore"/> serves the live file through
/// it and swaps files when a new generation goes live.
/// </summary>
/// <remarks>
/// <para>Every write is one transaction; killing the process mid-write leaves the previous content intact.</para>
/// <para>
/// The current embedding model is the model of the last <see cref="StoreEmbeddingsAsync"/> call that stored at
/// least one vector; it is persisted. Dense search covers only chunks with a vector of that model, so switching
/// models narrows dense search until the new vectors are filled in.
/// </para>
/// <para>Safe for many concurrent readers and writers; writers are serialised.</para>
/// <para>
/// Every write transaction advances a change counter in the file. Before an operation the counter is compared with
/// the last one this instance saw; when another process (or another instance) wrote, the in-memory index is reloaded.
/// </para>
/// <para>
/// Embeddings stay cached after their chunks are deleted or changed, so that restoring a text computes nothing;
/// they are not pruned.
/// </para>
/// </remarks>
internal sealed partial class KnowledgeDatabase : IKnowledgeStore, INormHashSource, ICrossReferenceIndex, IAsyncDisposable, IDisposable
{
    /// <summary>SQLite's limit on parameters is far higher; this keeps statements short.</summary>
    private const int MaxParametersPerStatement = 500;

    private readonly ITextAnalyzer _analyzer;
    private readonly ILogger _logger;
    private readonly string _createConnectionString;
    private readonly string _connectionString;
    private readonly Bm25Parameters _bm25;
    private readonly TermDictionary _terms = new();
    private readonly SearchScratch.Pool _scratch = new();
    private readonly ChunkReader.Pool _readers;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _stateLock = new();

    private IndexState _state = new(new VectorBuffer(null, 0));
    private volatile IndexSnapshot _snapshot = IndexSnapshot.Empty;
    private long _stateVersion;
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>The change counter of the file as this instance last wrote or loaded it.</summary>
    private long _knownChanges = -1;

    /// <summary>The change counter of the state in the index file beside the SQLite file, as far as this instance knows.</summary>
    private long _savedChanges = -1;

    private string _storeId = string.Empty;

    public KnowledgeDatabase(string databasePath, ITextAnalyzer analyzer, Bm25Parameters bm25, ILogger logger, int approximateVectorsFrom = int.MaxValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(logger);
        _analyzer = analyzer;
        _logger = logger;
        _bm25 = bm25;
        DatabasePath = databasePath;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        };
        _createConnectionString = builder.ToString();

        // Once open, a vanished file is an error rather than a new empty store: the file may have been retired.
        builder.Mode = SqliteOpenMode.ReadWrite;
        _connectionString = builder.ToString();
        _readers = new ChunkReader.Pool(OpenConnection);
        ApproximateVectorsFrom = approximateVectorsFrom;
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Opens the file, creates or migrates the schema and loads the index. Every operation does this on first use;
    /// hosts may call it at start to fail fast and to keep the load time out of the first request.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default) =>
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

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

    public async Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return;
        }

        // Analysis is the expensive part and needs no lock.
        var prepared = Prepare(batch, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<KeyValuePair<string, float[]>> cachedVectors;
            bool upToDate;
            long written;
            using (var connection = OpenConnection())
            using (var transaction = connection.BeginTransaction())
            {
                using var deleteChunks = StoreCommand.Create(connection, transaction, ChunkRows.DeleteOfDocument + ReferenceRows.DeleteOfDocument, "$id");
                using var upsertDocument = ChunkRows.CreateDocumentUpsert(connection, transaction);
                using var insertChunk = ChunkRows.CreateChunkInsert(connection, transaction);
                using var insertReference = ReferenceRows.CreateInsert(connection, transaction);
                foreach (var document in prepared)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    deleteChunks.Parameters[0].Value = document.Batch.Document.Id;
                    deleteChunks.ExecuteNonQuery();
                    ChunkRows.BindDocument(upsertDocument, document.Batch.Document);
                    upsertDocument.ExecuteNonQuery();
                    for (var i = 0; i < document.Batch.Chunks.Count; i++)
                    {
                        ChunkRows.BindChunk(insertChunk, document.Batch.Chunks[i], document.TermBlobs[i], document.Indexed.AccessGroups);
                        insertChunk.ExecuteNonQuery();
                        ReferenceRows.Insert(insertReference, document.Batch.Chunks[i]);
                    }
                }

                // Chunks whose text is already embedded get their cached vector: re-ingesting computes nothing.
                var newHashes = prepared.SelectMany(document => document.Indexed.Chunks).Select(chunk => chunk.ContentHash);
                // Only the writer changes the vector buffer, and this one holds the write lock.
                cachedVectors = ReadCachedVectors(connection, transaction, _state.Vectors, newHashes);
                cancellationToken.ThrowIfCancellationRequested();
                upToDate = AdvanceChangeCounter(connection, transaction, prepared.Select(document => document.Indexed.Id), out written);
                transaction.Commit();
            }

            Committed(upToDate, written, state =>
            {
                foreach (var document in prepared)
                {
                    state.Replace(document.Indexed);
                }

                foreach (var (hash, vector) in cachedVectors)
                {
                    state.Vectors.Set(hash, vector);
                }
            });
            _logger.DocumentsUpserted(prepared.Count, prepared.Sum(document => document.Indexed.Chunks.Length), stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.WriteRolledBack(exception);
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (documentIds.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            bool upToDate;
            long written;
            using (var connection = OpenConnection())
            using (var transaction = connection.BeginTransaction())
            {
                using var delete = StoreCommand.Create(
                    connection,
                    transaction,
                    ChunkRows.DeleteOfDocument + "DELETE FROM documents WHERE id = $id; " + ReferenceRows.DeleteOfDocument,
                    "$id");
                foreach (var id in documentIds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    delete.Parameters[0].Value = id;
                    delete.ExecuteNonQuery();
                }

                upToDate = AdvanceChangeCounter(connection, transaction, documentIds, out written);
                transaction.Commit();
            }

            Committed(upToDate, written, state =>
            {
                foreach (var id in documentIds)
                {
                    state.Remove(id);
                }
            });
            _logger.DocumentsDeleted(documentIds.Count);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (query.IsEmpty || top == 0)
        {
            return [];
        }

        return await SearchAsync((snapshot, scratch) => snapshot.SearchLexical(query, filter, top, _terms, scratch), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        SearchDenseAsync(vector, filter, top, exact: false, cancellationToken);

    /// <param name="exact">Score every vector even where the snapshot searches through binary codes (the reference for recall).</param>
    private async Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, bool exact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var query = Normalise(vector.Span);
        if (top == 0 || query is null)
        {
            return [];
        }

        return await SearchAsync(
            (snapshot, scratch) =>
            {
                if (snapshot.Model is null)
                {
                    return [];
                }

                if (query.Length != snapshot.Dimension)
                {
                    throw new ArgumentException(
                        $"Der Suchvektor hat {query.Length} Dimensionen, die gespeicherten Vektoren des Modells {snapshot.Model} haben {snapshot.Dimension}.",
                        nameof(vector));
                }

                return snapshot.SearchDense(query, filter, top, scratch, exact);
            },
            cancellationToken).ConfigureAwait(false);
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
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var documentIds = DocumentsOfLaw(connection, transaction, law);
        var chunks = new List<Chunk>();
        foreach (var ids in documentIds.Chunk(MaxParametersPerStatement))
        {
            using var command = StoreCommand.Create(connection, transaction, string.Empty, "$section");
            command.Parameters[0].Value = ChunkRows.SectionKey(section);
            command.CommandText =
                $"SELECT {ChunkRows.Columns} FROM {ChunkRows.Source} WHERE c.document_id IN ({AddParameters(command, ids)}) " +
                "AND c.section_key = $section ORDER BY c.document_id, c.ordinal;";
            chunks.AddRange(ReadChunks(command));
        }

        return chunks;
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

    public async Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (embeddings.Count == 0)
        {
            return;
        }

        var dimension = embeddings[0].Vector.Length;
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var embedding in embeddings)
        {
            if (embedding.Vector.Length != dimension)
            {
                throw new ArgumentException(
                    $"Alle Vektoren eines Aufrufs brauchen dieselbe Dimension ({dimension}); {embedding.ChunkId} hat {embedding.Vector.Length}.",
                    nameof(embeddings));
            }

            vectors[embedding.ContentHash] = Normalise(embedding.Vector.Span)
                ?? throw new ArgumentException($"Der Vektor für {embedding.ChunkId} ist leer, null oder nicht endlich.", nameof(embeddings));
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? previousModel;
            List<KeyValuePair<string, float[]>> modelVectors = [];
            bool upToDate;
            long written;
            using (var connection = OpenConnection())
            using (var transaction = connection.BeginTransaction())
            {
                var dimensionKey = StoreSchema.DimensionKeyPrefix + model;
                var knownDimension = ReadMeta(connection, transaction, dimensionKey);
                if (knownDimension is null)
                {
                    WriteMeta(connection, transaction, dimensionKey, dimension.ToString(CultureInfo.InvariantCulture));
                }
                else if (int.Parse(knownDimension, CultureInfo.InvariantCulture) != dimension)
                {
                    throw new ArgumentException(
                        $"Das Modell {model} hat bereits Vektoren mit {knownDimension} Dimensionen, nicht {dimension}. Ein anderes Modell braucht einen anderen Namen.",
                        nameof(embeddings));
                }

                using (var insert = StoreCommand.Create(
                    connection,
                    transaction,
                    "INSERT OR REPLACE INTO embeddings (content_hash, model, vector) VALUES ($hash, $model, $vector);",
                    "$hash",
                    "$model",
                    "$vector"))
                {
                    insert.Parameters[1].Value = model;
                    foreach (var (hash, vector) in vectors)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        insert.Parameters[0].Value = hash;
                        insert.Parameters[2].Value = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
                        insert.ExecuteNonQuery();
                    }
                }

                previousModel = ReadMeta(connection, transaction, StoreSchema.CurrentModelKey);
                if (previousModel != model)
                {
                    WriteMeta(connection, transaction, StoreSchema.CurrentModelKey, model);
                    modelVectors = IndexRows.ReadVectorsOfModel(connection, transaction, model);
                }

                upToDate = AdvanceChangeCounter(connection, transaction, [], out written);
                transaction.Commit();
            }

            Committed(upToDate, written, state =>
            {
                if (previousModel != model)
                {
                    state.Vectors = new VectorBuffer(model, dimension, modelVectors.Count + modelVectors.Count / 8);
                    foreach (var (hash, vector) in modelVectors)
                    {
                        state.Vectors.Set(hash, vector);
                    }
                }
                else
                {
                    // Vectors of texts no chunk has stay in SQLite only, until such a chunk arrives.
                    foreach (var (hash, vector) in vectors)
                    {
                        if (state.IsReferenced(hash))
                        {
                            state.Vectors.Set(hash, vector);
                        }
                    }
                }
            });

            if (previousModel != model)
            {
                _logger.EmbeddingModelChanged(previousModel, model, modelVectors.Count);
            }

            _logger.EmbeddingsStored(vectors.Count, model);
        }
        finally
        {
            _writeLock.Release();
        }
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

    /// <summary>
    /// Copies the embedding cache (vectors, current model and dimensions) of another store file into this one, so that
    /// a new generation finds the vectors of unchanged texts by content hash instead of computing them again.
    /// </summary>
    public async Task CopyEmbeddingsFromAsync(string sourcePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(sourcePath))
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            using (var attach = StoreCommand.Create(connection, null, "ATTACH DATABASE $path AS source;", "$path"))
            {
                attach.Parameters[0].Value = sourcePath;
                attach.ExecuteNonQuery();
            }

            try
            {
                using (var transaction = connection.BeginTransaction())
                {
                    using (var copy = StoreCommand.Create(
                        connection,
                        transaction,
                        """
                        INSERT OR IGNORE INTO embeddings (content_hash, model, vector) SELECT content_hash, model, vector FROM source.embeddings;
                        INSERT OR REPLACE INTO meta (key, value) SELECT key, value FROM source.meta
                          WHERE key = $model OR substr(key, 1, length($dimension)) = $dimension;
                        """,
                        "$model",
                        "$dimension"))
                    {
                        copy.Parameters[0].Value = StoreSchema.CurrentModelKey;
                        copy.Parameters[1].Value = StoreSchema.DimensionKeyPrefix;
                        copy.ExecuteNonQuery();
                    }

                    AdvanceChangeCounter(connection, transaction, [], out _);
                    transaction.Commit();
                }

                LoadAndSwapState(connection);
            }
            finally
            {
                using var detach = StoreCommand.Create(connection, null, "DETACH DATABASE source;");
                detach.ExecuteNonQuery();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SaveIndexIfChanged();
        _readers.Dispose();

        // Closing the pooled connections checkpoints the WAL and releases the file.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        using var creating = new SqliteConnection(_createConnectionString);
        SqliteConnection.ClearPool(creating);
    }

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_initialized)
        {
            ReloadIfChangedElsewhere();
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                Initialize();
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    private void Initialize()
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using var connection = OpenConnection(_createConnectionString);
            using (var journal = StoreCommand.Create(connection, null, "PRAGMA journal_mode = WAL;"))
            {
                journal.ExecuteNonQuery();
            }

            var previousVersion = StoreSchema.Apply(connection, DatabasePath);
            if (previousVersion < StoreSchema.CurrentVersion)
            {
                _logger.SchemaMigrated(DatabasePath, previousVersion, StoreSchema.CurrentVersion);
            }

            _storeId = EnsureStoreId(connection);
            OpenState(connection);
            var snapshot = CurrentSnapshot();
            _logger.StoreOpened(DatabasePath, snapshot.DocumentCount, snapshot.ChunkCount, snapshot.VectorRows, snapshot.Model, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception)
        {
            _logger.OpenFailed(DatabasePath, exception);
            throw;
        }
    }

    /// <summary>Reads the whole file into a new in-memory state and swaps it in; readers keep the old snapshot meanwhile.</summary>
    private IndexState LoadAndSwapState(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var changes = ReadChangeCounter(connection, transaction);
        var state = IndexRows.LoadAll(connection, transaction, _terms);
        lock (_stateLock)
        {
            _state = state;
            _documentsLoaded = true;
            _fileLexical = null;
            Interlocked.Increment(ref _stateVersion);
            BuildSnapshot();
        }

        Volatile.Write(ref _knownChanges, changes);
        return state;
    }

    /// <summary>
    /// Reloads the index when another process or store instance committed to the file since this one last looked. Runs
    /// under the write lock, so that no write of this instance is half-way; when the lock is busy the check waits for
    /// the next operation.
    /// </summary>
    private void ReloadIfChangedElsewhere()
    {
        if (!_writeLock.Wait(0))
        {
            return;
        }

        try
        {
            using var connection = OpenConnection();
            if (ReadChangeCounter(connection, null) == Volatile.Read(ref _knownChanges))
            {
                return;
            }

            FollowChanges(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Advances the change counter inside a write transaction. Returns false when the file changed elsewhere since this
    /// instance last looked: the caller then reloads instead of applying its change to a stale in-memory state.
    /// </summary>
    private bool AdvanceChangeCounter(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> documentIds, out long written)
    {
        var current = ReadChangeCounter(connection, transaction);
        written = current + 1;
        WriteMeta(connection, transaction, StoreSchema.ChangeCounterKey, written.ToString(CultureInfo.InvariantCulture));
        IndexRows.LogChange(connection, transaction, written, documentIds);
        return current == Volatile.Read(ref _knownChanges);
    }

    /// <summary>After a commit: applies the change in memory, or reloads everything when the file changed elsewhere.</summary>
    private void Committed(bool upToDate, long written, Action<IndexState> change)
    {
        if (upToDate)
        {
            Apply(change);
            Volatile.Write(ref _knownChanges, written);
            return;
        }

        using var connection = OpenConnection();
        FollowChanges(connection);
    }

    private static long ReadChangeCounter(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = StoreCommand.Create(connection, transaction, "SELECT value FROM meta WHERE key = $key;", "$key");
        command.Parameters[0].Value = StoreSchema.ChangeCounterKey;
        return command.ExecuteScalar() is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    private List<PreparedDocument> Prepare(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken)
    {
        var chunkIds = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<PreparedDocument>(batch.Count);
        foreach (var item in batch)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(batch));
            cancellationToken.ThrowIfCancellationRequested();
            var document = item.Document;
            var blobs = new byte[item.Chunks.Count][];
            var indexed = new IndexedChunk[item.Chunks.Count];
            for (var i = 0; i < item.Chunks.Count; i++)
            {
                var chunk = item.Chunks[i];
                if (chunk.DocumentId != document.Id)
                {
                    throw new ArgumentException(
                        $"Der Abschnitt {chunk.Id} gehört zum Dokument {chunk.DocumentId}, nicht zu {document.Id}.", nameof(batch));
                }

                if (!chunkIds.Add(chunk.Id))
                {
                    throw new ArgumentException($"Der Abschnitt {chunk.Id} kommt im selben Aufruf zweimal vor.", nameof(batch));
                }

                var frequencies = TermBlob.Count(IndexedTerms.Of(_analyzer, chunk));
                blobs[i] = TermBlob.Encode(frequencies);
                indexed[i] = new IndexedChunk(
                    chunk.Id,
                    chunk.ContentHash,
                    chunk.Ordinal,
                    (byte)chunk.Level,
                    (byte)chunk.DocumentType,
                    chunk.IsRepealed,
                    IndexedChunk.DayOrMin(chunk.ValidFrom),
                    IndexedChunk.DayOrMax(chunk.ValidUntil),
                    AnalysedTerms.From(frequencies, _terms));
            }

            var ordered = indexed.OrderBy(chunk => chunk.Ordinal).ToArray();
            prepared.Add(new PreparedDocument(
                item,
                blobs,
                new IndexedDocument(document.Id, IndexedDocument.LawKeysOf(document), ordered) { AccessGroups = DocumentAccess.NormalizeGroups(document.AccessGroups) }));
        }

        return prepared;
    }

    /// <summary>
    /// Changes the state and builds its snapshot at once, in the writer: a search never pays for the build (a batch of
    /// embeddings every few seconds would otherwise slow the next question each time), and a write that returned is seen
    /// by every later search.
    /// </summary>
    private void Apply(Action<IndexState> change)
    {
        lock (_stateLock)
        {
            EnsureDocuments();
            change(_state);
            if (_state.CompactVectorsIfWasteful())
            {
                _logger.VectorsCompacted(_state.Vectors.RowCount);
            }

            Interlocked.Increment(ref _stateVersion);
            BuildSnapshot();
        }
    }

    /// <summary>
    /// The latest snapshot. Every state change builds its snapshot under <see cref="_stateLock"/> before it returns, so a
    /// search never builds one and never waits; while a writer builds a newer one, searches use the one before it.
    /// </summary>
    private IndexSnapshot CurrentSnapshot() => _snapshot;

    /// <summary>Under <see cref="_stateLock"/>.</summary>
    /// <summary>Under <see cref="_stateLock"/>: makes a snapshot the one searches use, with the binary codes of its vectors.</summary>
    private void Publish(IndexSnapshot snapshot, VectorBuffer vectors)
    {
        AttachBinaryCodes(snapshot, vectors);
        _snapshot = snapshot;
    }

    /// <summary>Under <see cref="_stateLock"/>, with the documents loaded.</summary>
    private IndexSnapshot BuildSnapshot()
    {
        var stopwatch = Stopwatch.StartNew();
        var built = IndexSnapshot.Build(_state, _terms, _bm25, Interlocked.Read(ref _stateVersion));
        Publish(built, _state.Vectors);
        _logger.SnapshotBuilt(built.ChunkCount, built.TermCount, built.PostingCount, built.EmbeddedChunks, stopwatch.ElapsedMilliseconds);
        return built;
    }

    private async Task<IReadOnlyList<ScoredChunk>> SearchAsync(Func<IndexSnapshot, SearchScratch, IndexHit[]> search, CancellationToken cancellationToken)
    {
        var snapshot = CurrentSnapshot();
        var hits = Rank(search, snapshot);
        if (hits.Length == 0)
        {
            return [];
        }

        var results = LoadHits(snapshot, hits, out var consistent);
        if (consistent)
        {
            return results;
        }

        // A write committed between ranking and loading. Under the write lock SQLite and the in-memory state agree.
        _logger.SearchRepeated();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = CurrentSnapshot();
            return LoadHits(snapshot, Rank(search, snapshot), out _);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private IndexHit[] Rank(Func<IndexSnapshot, SearchScratch, IndexHit[]> search, IndexSnapshot snapshot)
    {
        var scratch = _scratch.Rent(snapshot.ChunkCount);
        try
        {
            return search(snapshot, scratch);
        }
        finally
        {
            _scratch.Return(scratch);
        }
    }

    /// <summary>Loads the chunks of ranked hits; inconsistent when one vanished or changed its text since the snapshot.</summary>
    private List<ScoredChunk> LoadHits(IndexSnapshot snapshot, IndexHit[] hits, out bool consistent)
    {
        var ids = new string[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            ids[i] = snapshot.ChunkIds[hits[i].Chunk];
        }

        var reader = _readers.Rent();
        Chunk?[] loaded;
        try
        {
            loaded = reader.Read(ids);
        }
        finally
        {
            _readers.Return(reader);
        }

        consistent = true;
        var results = new List<ScoredChunk>(hits.Length);
        for (var i = 0; i < hits.Length; i++)
        {
            var chunk = loaded[i];
            var index = hits[i].Chunk;
            if (chunk is not null && chunk.ContentHash == snapshot.ContentHashes[index])
            {
                results.Add(new ScoredChunk(chunk, hits[i].Score));
            }
            else
            {
                consistent = false;
            }
        }

        return results;
    }

    /// <summary>Vectors of the current model for hashes that have none in memory yet.</summary>
    private static List<KeyValuePair<string, float[]>> ReadCachedVectors(SqliteConnection connection, SqliteTransaction transaction, VectorBuffer vectors, IEnumerable<string> hashes)
    {
        var found = new List<KeyValuePair<string, float[]>>();
        if (vectors.Model is null)
        {
            return found;
        }

        using var command = StoreCommand.Create(
            connection,
            transaction,
            "SELECT vector FROM embeddings WHERE content_hash = $hash AND model = $model;",
            "$hash",
            "$model");
        command.Parameters[1].Value = vectors.Model;
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal))
        {
            if (vectors.Contains(hash))
            {
                continue;
            }

            command.Parameters[0].Value = hash;
            if (command.ExecuteScalar() is byte[] blob && blob.Length == vectors.Dimension * sizeof(float))
            {
                found.Add(new(hash, MemoryMarshal.Cast<byte, float>(blob).ToArray()));
            }
        }

        return found;
    }

    /// <summary>Ids of the documents whose law or alias is <paramref name="law"/> (case-insensitive), ordered by id.</summary>
    private static List<string> DocumentsOfLaw(SqliteConnection connection, SqliteTransaction transaction, string law)
    {
        var key = IndexedDocument.LawKey(law);
        using var command = StoreCommand.Create(connection, transaction, "SELECT id, law, aliases FROM documents ORDER BY id;");
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (IndexedDocument.LawKeysOf(reader.GetString(1), ChunkRows.DeserializeList(reader.GetString(2))).Contains(key))
            {
                ids.Add(reader.GetString(0));
            }
        }

        return ids;
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

    private static string? ReadMeta(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using var command = StoreCommand.Create(connection, transaction, "SELECT value FROM meta WHERE key = $key;", "$key");
        command.Parameters[0].Value = key;
        return command.ExecuteScalar() as string;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = StoreCommand.Create(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value);", "$key", "$value");
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = value;
        command.ExecuteNonQuery();
    }

    private static float[]? Normalise(ReadOnlySpan<float> vector)
    {
        if (vector.Length == 0)
        {
            return null;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!float.IsFinite(norm) || norm == 0)
        {
            return null;
        }

        var normalised = new float[vector.Length];
        TensorPrimitives.Divide(vector, norm, normalised);
        return normalised;
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

    private SqliteConnection OpenConnection() => OpenConnection(_connectionString);

    private static SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();

        // In WAL mode NORMAL keeps every commit atomic; only the newest commits may be lost on power failure.
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private sealed record PreparedDocument(DocumentBatch Batch, byte[][] TermBlobs, IndexedDocument Indexed);
}
