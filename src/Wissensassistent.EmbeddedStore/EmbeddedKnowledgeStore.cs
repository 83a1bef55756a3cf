using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore;

/// <summary>
/// The default <see cref="IKnowledgeStore"/>: SQLite files in the data folder, searched in memory (see
/// <see cref="KnowledgeDatabase"/>). A small pointer file (<c>wissen.current</c>) names the live file; without one the
/// live file is <see cref="EmbeddedStoreOptions.FileName"/>. A full rebuild fills a new generation file
/// (<c>wissen.&lt;timestamp&gt;.db</c>) beside it and goes live by replacing the pointer atomically.
/// </summary>
/// <remarks>
/// <para>Writes are atomic per call; killing the process mid-write leaves the previous content intact.</para>
/// <para>
/// Several processes may use the same folder (the worker writes, the web app reads): before each operation the store
/// checks cheaply whether the pointer was replaced or the live file was written elsewhere, and reloads if so. Readers
/// keep the previous file and snapshot until the new one is loaded; a retired file is closed after its last operation.
/// </para>
/// </remarks>
public sealed partial class EmbeddedKnowledgeStore : IKnowledgeStore, INormHashSource, ICrossReferenceIndex, IKnowledgeStoreGenerations, IAsyncDisposable, IDisposable
{
    private readonly ITextAnalyzer _analyzer;
    private readonly ILogger<EmbeddedKnowledgeStore> _logger;
    private readonly Bm25Parameters _bm25;
    private readonly int _approximateVectorsFrom;
    private readonly int _loadedChunks;
    private readonly string _directory;
    private readonly string _defaultFileName;
    private readonly Regex _generationFile;
    private readonly SemaphoreSlim _switchLock = new(1, 1);
    private readonly HashSet<string> _openGenerations = new(StringComparer.Ordinal);

    private volatile LiveDatabase? _live;
    private long _pointerStamp;
    private volatile bool _disposed;

    public EmbeddedKnowledgeStore(IOptions<EmbeddedStoreOptions> options, ITextAnalyzer analyzer, ILogger<EmbeddedKnowledgeStore> logger, LegacyLayoutMigration? migration = null)
    {
        migration?.EnsureMigrated();
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        _analyzer = analyzer;
        _logger = logger;
        _bm25 = new Bm25Parameters(settings.Bm25K1, settings.Bm25B, settings.Bm25TitleB);
        _approximateVectorsFrom = settings.ApproximateVectorsFrom;
        _loadedChunks = settings.LoadedChunks;
        _directory = Path.GetDirectoryName(settings.DatabasePath)!;
        _defaultFileName = Path.GetFileName(settings.DatabasePath);
        var stem = Path.GetFileNameWithoutExtension(_defaultFileName);
        PointerPath = Path.Combine(_directory, stem + ".current");
        _generationFile = new Regex(
            "^" + Regex.Escape(stem) + @"\.\d{17}(-\d+)?" + Regex.Escape(Path.GetExtension(_defaultFileName)) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>The full path of the live SQLite file.</summary>
    public string DatabasePath => _live?.Database.DatabasePath ?? ReadLivePath();

    /// <summary>The file naming the live database file; absent until the first generation went live.</summary>
    public string PointerPath { get; }

    /// <summary>
    /// Opens the live file, creates or migrates the schema and loads the index. Every operation does this on first use;
    /// hosts may call it at start to fail fast and to keep the load time out of the first request.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.InitializeAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetDocumentHashesAsync(cancellationToken), cancellationToken);

    public Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.UpsertAsync(batch, cancellationToken), cancellationToken);

    public Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.DeleteDocumentsAsync(documentIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.SearchLexicalAsync(query, filter, top, cancellationToken), cancellationToken);

    public Task<bool> ContainsTermAsync(string term, DocumentAccess access, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.ContainsTermAsync(term, access, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.SearchDenseAsync(vector, filter, top, cancellationToken), cancellationToken);

    public Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetChunkAsync(chunkId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetNeighboursAsync(chunkId, radius, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetNormAsync(law, section, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.ListNormsAsync(law, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.ListLawsAsync(cancellationToken), cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetStatisticsAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetChunksWithoutEmbeddingAsync(model, limit, cancellationToken), cancellationToken);

    public Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.StoreEmbeddingsAsync(model, embeddings, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<NormChunkHash>> ListNormChunkHashesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.ListNormChunkHashesAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetReferringChunksAsync(string law, string section, CancellationToken cancellationToken = default) =>
        RunAsync(database => database.GetReferringChunksAsync(law, section, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CrossReference>> ListReferencesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(database => database.ListReferencesAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// A new, empty database file beside the live one, with the live file's embedding cache copied in. Generation files
    /// left behind by an interrupted rebuild are deleted first.
    /// </summary>
    public async Task<IKnowledgeStore> CreateGenerationAsync(CancellationToken cancellationToken = default)
    {
        var livePath = await RunAsync(database => Task.FromResult(database.DatabasePath), cancellationToken).ConfigureAwait(false);
        string path;
        lock (_openGenerations)
        {
            DeleteAbandonedGenerations(livePath);
            path = NewGenerationPath();
            _openGenerations.Add(path);
        }

        var generation = new KnowledgeDatabase(path, _analyzer, _bm25, _logger, _approximateVectorsFrom, _loadedChunks);
        try
        {
            await generation.InitializeAsync(cancellationToken).ConfigureAwait(false);
            await generation.CopyEmbeddingsFromAsync(livePath, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DiscardAsync(generation, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        _logger.GenerationCreated(path);
        return generation;
    }

    /// <summary>
    /// Replaces the pointer file atomically (write a temporary file, then rename over the pointer), serves the new file
    /// from now on and deletes the previous one once its running operations have finished.
    /// </summary>
    public async Task SwitchToAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default)
    {
        var database = OwnGeneration(generation);
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        LiveDatabase? previous;
        string previousPath;
        await _switchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            previous = _live;
            previousPath = previous?.Database.DatabasePath ?? ReadLivePath();
            WritePointer(Path.GetFileName(database.DatabasePath));
            _live = new LiveDatabase(database);
            Interlocked.Exchange(ref _pointerStamp, PointerStamp());
            lock (_openGenerations)
            {
                _openGenerations.Remove(database.DatabasePath);
            }
        }
        finally
        {
            _switchLock.Release();
        }

        _logger.GenerationSwitched(previousPath, database.DatabasePath);
        if (previous is not null)
        {
            await previous.RetireAsync().ConfigureAwait(false);
            previous.Database.Dispose();
        }

        DeleteDatabaseFiles(previousPath);
    }

    public Task DiscardAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default)
    {
        var database = OwnGeneration(generation);
        database.Dispose();
        DeleteDatabaseFiles(database.DatabasePath);
        lock (_openGenerations)
        {
            _openGenerations.Remove(database.DatabasePath);
        }

        _logger.GenerationDiscarded(database.DatabasePath);
        return Task.CompletedTask;
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
        _live?.Database.Dispose();
    }

    /// <summary>
    /// Runs one operation on the live file. When another process switched generations and removed the file during the
    /// call, the operation is repeated once on the new live file.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<KnowledgeDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var live = await EnterAsync(force: attempt > 0, cancellationToken).ConfigureAwait(false);
            try
            {
                return await operation(live.Database).ConfigureAwait(false);
            }
            catch (SqliteException) when (attempt == 0 && ReadLivePath() != live.Database.DatabasePath)
            {
                // The file was retired under this call; the loop takes the new one.
            }
            finally
            {
                live.Exit();
            }
        }
    }

    private Task RunAsync(Func<KnowledgeDatabase, Task> operation, CancellationToken cancellationToken) =>
        RunAsync<bool>(
            async database =>
            {
                await operation(database).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private async ValueTask<LiveDatabase> EnterAsync(bool force, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_live is null || force || PointerStamp() != Interlocked.Read(ref _pointerStamp))
        {
            await FollowPointerAsync(wait: _live is null || force, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var live = _live!;
            if (live.TryEnter())
            {
                return live;
            }
        }
    }

    /// <summary>
    /// Opens the file the pointer names when it is not the one served (first use, or another process switched). When
    /// another caller is already doing so and <paramref name="wait"/> is false, the current file keeps serving.
    /// </summary>
    private async Task FollowPointerAsync(bool wait, CancellationToken cancellationToken)
    {
        if (!await _switchLock.WaitAsync(wait ? Timeout.Infinite : 0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stamp = PointerStamp();
            var path = ReadLivePath();
            var previous = _live;
            if (previous is not null && previous.Database.DatabasePath == path)
            {
                Interlocked.Exchange(ref _pointerStamp, stamp);
                return;
            }

            var database = new KnowledgeDatabase(path, _analyzer, _bm25, _logger, _approximateVectorsFrom, _loadedChunks);
            try
            {
                await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                database.Dispose();
                throw;
            }

            _live = new LiveDatabase(database);
            Interlocked.Exchange(ref _pointerStamp, stamp);
            if (previous is not null)
            {
                // Another process switched; it deletes the old file, this process only closes it.
                _logger.GenerationSwitched(previous.Database.DatabasePath, path);
                _ = previous.RetireAsync().ContinueWith(_ => previous.Database.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        finally
        {
            _switchLock.Release();
        }
    }

    private string ReadLivePath()
    {
        try
        {
            var name = File.ReadAllText(PointerPath, Encoding.UTF8).Trim();
            if (name.Length > 0 && name == Path.GetFileName(name))
            {
                return Path.Combine(_directory, name);
            }
        }
        catch (FileNotFoundException)
        {
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Path.Combine(_directory, _defaultFileName);
    }

    private long PointerStamp() => File.GetLastWriteTimeUtc(PointerPath).Ticks;

    private void WritePointer(string fileName)
    {
        var temporary = PointerPath + ".tmp";
        File.WriteAllText(temporary, fileName, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, PointerPath, overwrite: true);
    }

    private string NewGenerationPath()
    {
        var stem = Path.GetFileNameWithoutExtension(_defaultFileName);
        var extension = Path.GetExtension(_defaultFileName);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(_directory, $"{stem}.{stamp}{extension}");
        for (var i = 2; File.Exists(path) || _openGenerations.Contains(path); i++)
        {
            path = Path.Combine(_directory, $"{stem}.{stamp}-{i.ToString(CultureInfo.InvariantCulture)}{extension}");
        }

        return path;
    }

    /// <summary>Generation files that are neither live nor being built: leftovers of a crashed or cancelled rebuild.</summary>
    private void DeleteAbandonedGenerations(string livePath)
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            if (_generationFile.IsMatch(Path.GetFileName(file)) && file != livePath && !_openGenerations.Contains(file))
            {
                DeleteDatabaseFiles(file);
            }
        }
    }

    private void DeleteDatabaseFiles(string path)
    {
        try
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".index" })
            {
                File.Delete(path + suffix);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.RetiredFileKept(path, exception);
        }
    }

    private KnowledgeDatabase OwnGeneration(IKnowledgeStore generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (generation is not KnowledgeDatabase database || Path.GetDirectoryName(database.DatabasePath) != _directory || database == _live?.Database)
        {
            throw new ArgumentException("Die Generation stammt nicht aus CreateGenerationAsync dieses Speichers.", nameof(generation));
        }

        return database;
    }
}
