using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Indexing;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore;

/// <summary>Writes: documents and chunks in one transaction each, the change counter, and the in-memory state after a commit.</summary>
internal sealed partial class KnowledgeDatabase
{
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

    private sealed record PreparedDocument(DocumentBatch Batch, byte[][] TermBlobs, IndexedDocument Indexed);
}
