using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Chunks;
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

    /// <summary>The chunks read while each snapshot is current; they go with it (<see cref="LoadedChunks"/>).</summary>
    private readonly ConditionalWeakTable<IndexSnapshot, LoadedChunks> _loaded = new();
    private readonly int _loadedChunkCapacity;

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

    /// <summary>The documents of each law name, as of one change counter; see <see cref="DocumentLaws"/>.</summary>
    private volatile DocumentLaws? _documentLaws;

    /// <summary>The prepared change-counter read of <see cref="ProbeChangeCounter"/>; used and replaced under the write lock only.</summary>
    private ChangeCounterProbe? _changeProbe;

    /// <param name="loadedChunks">Chunks kept in memory per snapshot once read (<see cref="EmbeddedStoreOptions.LoadedChunks"/>).</param>
    public KnowledgeDatabase(string databasePath, ITextAnalyzer analyzer, Bm25Parameters bm25, ILogger logger, int approximateVectorsFrom = int.MaxValue, int loadedChunks = 0)
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
        _loadedChunkCapacity = loadedChunks;
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Opens the file, creates or migrates the schema and loads the index. Every operation does this on first use;
    /// hosts may call it at start to fail fast and to keep the load time out of the first request.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default) =>
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

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
        CloseChangeProbe();

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
            if (ProbeChangeCounter() == Volatile.Read(ref _knownChanges))
            {
                return;
            }

            using var connection = OpenConnection();
            FollowChanges(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Under the write lock. The counter is read before every operation, several times per question (each vocabulary
    /// check is one); a connection kept open with the statement prepared makes that one step instead of an open, a pragma
    /// and a prepare each time.
    /// </summary>
    private long ProbeChangeCounter()
    {
        if (_changeProbe is null)
        {
            // After disposal the probe is not kept: nothing would close its connection again.
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = OpenConnection();
            try
            {
                _changeProbe = new ChangeCounterProbe(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        return _changeProbe.Read();
    }

    private void CloseChangeProbe()
    {
        // An operation that passed its disposal check may still be probing; it holds the write lock while it does.
        var locked = _writeLock.Wait(TimeSpan.FromSeconds(10));
        try
        {
            var probe = _changeProbe;
            _changeProbe = null;
            probe?.Dispose();
        }
        finally
        {
            if (locked)
            {
                _writeLock.Release();
            }
        }
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

    private LoadedChunks LoadedOf(IndexSnapshot snapshot) => _loaded.GetValue(snapshot, kept => new LoadedChunks(kept.ChunkCount, _loadedChunkCapacity));

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
}
