using Microsoft.Extensions.Logging;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// Keeps one generation's approximate vector index in step with its vectors: opens the index file beside the SQLite
/// file, or builds the index in the background once the generation holds enough vectors, and again when so many were
/// added since that the exact scan of the rest would cost more than a build saves. Until a build is done, searches
/// scan exactly what the index does not cover; nothing waits for it.
/// </summary>
internal sealed class ApproximateVectors : IDisposable
{
    private readonly string _path;
    private readonly int _from;
    private readonly ILogger _logger;
    private readonly Action _ready;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private ApproximateVectorIndex? _current;
    private Task _building = Task.CompletedTask;
    private bool _fileTried;
    private bool _running;
    private bool _failed;
    private bool _disposed;

    /// <param name="path">The index file; beside the generation's SQLite file.</param>
    /// <param name="from">Vectors in use from which the index is built.</param>
    /// <param name="ready">Called when a build finished, to give the latest snapshot the new index.</param>
    public ApproximateVectors(string path, int from, ILogger logger, Action ready)
    {
        _path = path;
        _from = from;
        _logger = logger;
        _ready = ready;
    }

    /// <summary>The index in use, if any.</summary>
    public ApproximateVectorIndex? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Completes when no build is running (tests, bench).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task building;
            lock (_gate)
            {
                building = _building;
            }

            if (building.IsCompleted)
            {
                return;
            }

            await building.ConfigureAwait(false);
        }
    }

    /// <summary>For each snapshot before it is published, under the store's state lock (the buffer is not written meanwhile).</summary>
    public void Attach(IndexSnapshot snapshot, VectorBuffer buffer)
    {
        if (snapshot.Model is null || snapshot.VectorRows < _from)
        {
            return;
        }

        var used = snapshot.UsedVectorRows;
        if (used < _from)
        {
            return;
        }

        ApproximateVectorIndex? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_current is null && !_fileTried)
            {
                _fileTried = true;
                _current = OpenFile();
            }

            current = _current;
        }

        snapshot.UseApproximate(current, buffer);
        var bound = snapshot.Approximate;
        var covered = bound?.CoveredRows ?? 0;
        var uncovered = bound?.UncoveredRows.Length ?? used;
        if (uncovered > Math.Max(_from / 4, covered / 4))
        {
            StartBuild(snapshot, buffer);
        }
    }

    public void Dispose()
    {
        ApproximateVectorIndex? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
        }

        _stopping.Cancel();
        current?.Dispose();
    }

    private ApproximateVectorIndex? OpenFile()
    {
        ApproximateVectorIndex.DeleteLeftovers(_path);
        try
        {
            var opened = ApproximateVectorIndex.Open(_path);
            if (opened is not null)
            {
                _logger.ApproximateIndexOpened(_path, opened.Count, opened.Model);
            }

            return opened;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException or OverflowException)
        {
            _logger.ApproximateIndexDamaged(_path, exception);
            return null;
        }
    }

    private void StartBuild(IndexSnapshot snapshot, VectorBuffer buffer)
    {
        lock (_gate)
        {
            if (_disposed || _failed || _running)
            {
                return;
            }

            _running = true;

            // Taken now, under the state lock: the rows and hashes this snapshot uses; its vector array never changes.
            var source = snapshot.ApproximateSource();
            _building = Task.Run(() => Build(source, buffer));
        }
    }

    private void Build(ApproximateVectorSource source, VectorBuffer buffer)
    {
        if (BuildAndSwap(source, buffer, out var previous))
        {
            try
            {
                // The store attaches the new index under its own lock and may ask for the next build from there.
                _ready();
            }
            catch (ObjectDisposedException)
            {
                // The store closed meanwhile.
            }

            // Snapshots still holding the previous graph fall back to the exact scan once it is released.
            previous?.Dispose();
        }
    }

    private bool BuildAndSwap(ApproximateVectorSource source, VectorBuffer buffer, out ApproximateVectorIndex? previous)
    {
        previous = null;
        try
        {
            var built = ApproximateVectorIndex.Build(source, buffer, _stopping.Token);
            var index = built;
            try
            {
                index = built.SaveAs(_path, buffer);
                built.Dispose();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _logger.ApproximateIndexNotSaved(_path, exception);
            }

            _logger.ApproximateIndexBuilt(index.Count, index.Model, (long)built.BuildTime.TotalMilliseconds);
            lock (_gate)
            {
                if (_disposed)
                {
                    index.Dispose();
                    return false;
                }

                previous = _current;
                _current = index;
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _failed = true;
            }

            _logger.ApproximateIndexFailed(exception);
            return false;
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
            }
        }
    }
}
