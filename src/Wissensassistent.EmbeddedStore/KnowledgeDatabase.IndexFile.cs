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

    /// <summary>False while the published snapshot came from the index file and its state was not needed yet.</summary>
    private bool _documentsLoaded = true;

    /// <summary>The lexical index read from the index file, until its state is read.</summary>
    private LexicalIndex? _fileLexical;

    private static string EnsureStoreId(SqliteConnection connection)
    {
        if (IndexRows.ReadMeta(connection, null, StoreSchema.StoreIdKey) is { } known)
        {
            return known;
        }

        // Two processes creating the file at once agree on the first id written.
        using var transaction = connection.BeginTransaction();
        using (var insert = StoreCommand.Create(connection, transaction, "INSERT OR IGNORE INTO meta (key, value) VALUES ($key, $value);", "$key", "$value"))
        {
            insert.Parameters[0].Value = StoreSchema.StoreIdKey;
            insert.Parameters[1].Value = Guid.NewGuid().ToString("N");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return IndexRows.ReadMeta(connection, null, StoreSchema.StoreIdKey)!;
    }

    /// <summary>
    /// The index at open. When the index file is of the file's current change, its lexical index is published as it is
    /// and the state behind it is read only when a write first needs it (<see cref="EnsureDocuments"/>). When it is older,
    /// its state plus the changes logged since are rebuilt into a snapshot. Either is checked against SQLite's counts;
    /// otherwise, or without a usable file, everything is read from SQLite and the file saved for the next open.
    /// </summary>
    private void OpenState(SqliteConnection connection)
    {
        var stopwatch = Stopwatch.StartNew();
        DeleteAbandonedSaves();
        long changes;
        var save = false;
        using (var transaction = connection.BeginTransaction(deferred: true))
        {
            changes = ReadChangeCounter(connection, transaction);
            var vectors = IndexRows.LoadVectors(connection, transaction);
            var saved = IndexFile.TryReadLexical(IndexFilePath, _storeId, _bm25, _terms, out var rejected);
            var counts = IndexRows.Count(connection, transaction);
            if (saved is { } current && current.Changes == changes && counts == (current.Lexical.DocumentLawKeys.Length, current.Lexical.ChunkIds.Length))
            {
                lock (_stateLock)
                {
                    _state = new IndexState(vectors);
                    _documentsLoaded = false;
                    _fileLexical = current.Lexical;
                    _savedChanges = current.Changes;
                    Publish(IndexSnapshot.Of(current.Lexical, vectors, Interlocked.Increment(ref _stateVersion)), vectors);
                }

                _logger.IndexFileLoaded(IndexFilePath, current.Changes, changes, 0, stopwatch.ElapsedMilliseconds);
            }
            else
            {
                IndexState? state = null;
                int? replayed = null;
                if (saved is { } older && older.Changes < changes
                    && IndexFile.TryReadState(IndexFilePath, _storeId, _bm25, older.Changes, older.Lexical, vectors) is { } fromFile)
                {
                    replayed = Replay(connection, transaction, fromFile, older.Changes, changes);
                    state = replayed is not null && counts == (fromFile.DocumentCount, fromFile.ChunkCount) ? fromFile : null;
                }

                if (state is null)
                {
                    _logger.IndexFileNotUsed(IndexFilePath, rejected ?? (saved is null ? "unreadable" : "stale"));
                    state = IndexRows.LoadAll(connection, transaction, _terms);
                }
                else
                {
                    _savedChanges = saved!.Value.Changes;
                    _logger.IndexFileLoaded(IndexFilePath, saved.Value.Changes, changes, replayed!.Value, stopwatch.ElapsedMilliseconds);
                }

                save = replayed is null or > ResaveAfterDocuments;
                lock (_stateLock)
                {
                    _state = state;
                    _documentsLoaded = true;
                    Interlocked.Increment(ref _stateVersion);
                    BuildSnapshot();
                }
            }
        }

        Volatile.Write(ref _knownChanges, changes);
        if (save)
        {
            SaveIndex();
        }
    }

    /// <summary>
    /// Reads the documents behind a snapshot that was published from the index file, before the first change to them:
    /// from the same file when it is still there, else from SQLite. Under <see cref="_stateLock"/>.
    /// </summary>
    private void EnsureDocuments()
    {
        if (_documentsLoaded)
        {
            return;
        }

        var state = _fileLexical is null ? null : IndexFile.TryReadState(IndexFilePath, _storeId, _bm25, _savedChanges, _fileLexical, _state.Vectors);
        if (state is null)
        {
            // A later change may already be in SQLite; following the log from the known counter applies it again, harmlessly.
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction(deferred: true);
            state = IndexRows.LoadAll(connection, transaction, _terms);
        }

        _state = state;
        _documentsLoaded = true;
        _fileLexical = null;
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
            EnsureDocuments();
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

    /// <summary>Temporary files of saves killed before their rename; an hour old, so that no running save loses its file.</summary>
    private void DeleteAbandonedSaves()
    {
        try
        {
            var folder = Path.GetDirectoryName(IndexFilePath)!;
            foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(IndexFilePath) + ".*.tmp"))
            {
                if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1))
                {
                    File.Delete(file);
                }
            }
        }
        catch (IOException)
        {
            // Left for the next open.
        }
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
                if (!_documentsLoaded)
                {
                    // Nothing changed since the snapshot was read from the file.
                    return;
                }

                var changes = Volatile.Read(ref _knownChanges);
                IndexFile.Write(IndexFilePath, _snapshot.Lexical, _state, _terms, _bm25, _storeId, changes);
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
