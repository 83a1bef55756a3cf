using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Wissensassistent.EmbeddedStore.Indexing;
using Wissensassistent.EmbeddedStore.Sqlite;

namespace Wissensassistent.EmbeddedStore;

/// <summary>
/// Opening from the saved index file and following other processes' writes through the change log: reading every
/// chunk's row is the fallback, not the rule.
/// </summary>
internal sealed partial class KnowledgeDatabase
{
    /// <summary>Applied changes of more documents than this make the opening process save a fresh index file.</summary>
    private const int ResaveAfterDocuments = 256;

    public string IndexFilePath => IndexFile.PathOf(DatabasePath);

    private static string EnsureStoreId(SqliteConnection connection)
    {
        if (IndexRows.ReadMeta(connection, null, StoreSchema.StoreIdKey) is { } known)
        {
            return known;
        }

        // Two processes creating the file at once agree on the first id written.
        using var transaction = connection.BeginTransaction();
        using (var insert = CreateCommand(connection, transaction, "INSERT OR IGNORE INTO meta (key, value) VALUES ($key, $value);", "$key", "$value"))
        {
            insert.Parameters[0].Value = StoreSchema.StoreIdKey;
            insert.Parameters[1].Value = Guid.NewGuid().ToString("N");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return IndexRows.ReadMeta(connection, null, StoreSchema.StoreIdKey)!;
    }

    /// <summary>
    /// The state at open: from the index file plus the changes logged since it was saved, checked against the file's
    /// counts; else read whole from SQLite, and saved for the next open.
    /// </summary>
    private IndexState OpenState(SqliteConnection connection)
    {
        var stopwatch = Stopwatch.StartNew();
        IndexState state;
        long changes;
        var save = false;
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            changes = ReadChangeCounter(connection, transaction);
            var vectors = IndexRows.LoadVectors(connection, transaction);
            var saved = IndexFile.TryRead(IndexFilePath, _storeId, _terms, vectors, out var rejected);
            var replayed = saved is { } file && file.Changes <= changes ? Replay(connection, transaction, file.State, file.Changes, changes) : null;
            if (replayed is { } documents && Matches(connection, transaction, saved!.Value.State))
            {
                state = saved.Value.State;
                _savedChanges = saved.Value.Changes;
                save = documents > ResaveAfterDocuments;
                _logger.IndexFileLoaded(IndexFilePath, saved.Value.Changes, changes, documents, stopwatch.ElapsedMilliseconds);
            }
            else
            {
                _logger.IndexFileNotUsed(IndexFilePath, rejected ?? "stale");
                state = IndexRows.LoadAll(connection, transaction, _terms);
                save = true;
            }
        }

        lock (_stateLock)
        {
            _state = state;
            Interlocked.Increment(ref _stateVersion);
            BuildSnapshot();
        }

        Volatile.Write(ref _knownChanges, changes);
        if (save)
        {
            SaveIndex();
        }

        return state;
    }

    /// <summary>
    /// Follows what other processes or instances committed since this one last looked: the logged documents are read
    /// again, or everything when the log no longer reaches back that far. Under the write lock.
    /// </summary>
    private void FollowChanges(SqliteConnection connection)
    {
        var stopwatch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction(deferred: true);
        var changes = ReadChangeCounter(connection, transaction);
        var known = Volatile.Read(ref _knownChanges);
        if (changes == known)
        {
            return;
        }

        int? replayed;
        lock (_stateLock)
        {
            // Searches keep the published snapshot meanwhile; only snapshot builds read the state.
            replayed = Replay(connection, transaction, _state, known, changes);
            if (replayed is null)
            {
                _state = IndexRows.LoadAll(connection, transaction, _terms);
            }

            Interlocked.Increment(ref _stateVersion);
            BuildSnapshot();
        }

        Volatile.Write(ref _knownChanges, changes);
        _logger.ReloadedAfterExternalWrite(DatabasePath, replayed ?? -1, _state.ChunkCount, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>Applies the logged changes after <paramref name="from"/>; the number of documents read again, or null when the log does not cover them.</summary>
    private int? Replay(SqliteConnection connection, SqliteTransaction transaction, IndexState state, long from, long to)
    {
        if (from == to)
        {
            return 0;
        }

        if (IndexRows.ReadChanges(connection, transaction, from, to) is not { } logged)
        {
            return null;
        }

        if (logged.Vectors)
        {
            state.Vectors = IndexRows.LoadVectors(connection, transaction);
        }

        var hashes = new List<string>();
        foreach (var id in logged.Documents)
        {
            if (IndexRows.LoadDocument(connection, transaction, id, _terms) is { } document)
            {
                state.Replace(document);
                hashes.AddRange(document.Chunks.Select(chunk => chunk.ContentHash));
            }
            else
            {
                state.Remove(id);
            }
        }

        foreach (var (hash, vector) in ReadCachedVectors(connection, transaction, state.Vectors, hashes))
        {
            state.Vectors.Set(hash, vector);
        }

        return logged.Documents.Count;
    }

    /// <summary>Whether a state taken from the index file holds as many documents and chunks as SQLite: a last guard.</summary>
    private static bool Matches(SqliteConnection connection, SqliteTransaction transaction, IndexState state)
    {
        var (documents, chunks) = IndexRows.Count(connection, transaction);
        return documents == state.DocumentCount && chunks == state.ChunkCount;
    }

    /// <summary>Saves the index for the next open when this instance changed it since the file was saved.</summary>
    private void SaveIndexIfChanged()
    {
        if (!_initialized || Volatile.Read(ref _knownChanges) == _savedChanges)
        {
            return;
        }

        // A write still running would change the state under the file; then the next open reads the log instead.
        if (!_writeLock.Wait(TimeSpan.FromSeconds(5)))
        {
            return;
        }

        try
        {
            SaveIndex();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void SaveIndex()
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            lock (_stateLock)
            {
                var changes = Volatile.Read(ref _knownChanges);
                IndexFile.Write(IndexFilePath, _state, _terms, _storeId, changes);
                _savedChanges = changes;
            }

            _logger.IndexFileSaved(IndexFilePath, _savedChanges, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only the next open is slower for it.
            _logger.IndexFileNotSaved(IndexFilePath, exception);
        }
    }
}
