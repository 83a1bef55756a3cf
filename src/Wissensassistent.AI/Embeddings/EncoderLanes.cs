namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// Two lanes into one embedding model, so that a search query never waits behind a batch of passages that the
/// background embedding phase sends: each lane has its own gate; queries run on the thread pool at once, passages on a
/// <see cref="LowPriorityWorker"/>. The lanes may share one encoder (an ONNX session runs concurrent calls) or have
/// one each (an encoder whose tokenizer is not known to be thread-safe).
/// </summary>
internal sealed class EncoderLanes<TEncoder> : IDisposable
    where TEncoder : class
{
    private readonly Lazy<TEncoder> _query;
    private readonly Lazy<TEncoder> _passage;
    private readonly Action<TEncoder> _dispose;
    private readonly SemaphoreSlim _queryGate = new(1, 1);
    private readonly SemaphoreSlim _passageGate = new(1, 1);
    private readonly LowPriorityWorker _background = new("Wissensassistent embeddings");
    private volatile bool _disposed;

    public EncoderLanes(Func<TEncoder> queryEncoder, Func<TEncoder> passageEncoder, Action<TEncoder> dispose)
    {
        _query = new Lazy<TEncoder>(queryEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
        _passage = new Lazy<TEncoder>(passageEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
        _dispose = dispose;
    }

    /// <summary>Runs <paramref name="work"/> with the lane's encoder, one call per lane at a time.</summary>
    public async Task<T> RunAsync<T>(bool query, Func<TEncoder, T> work, CancellationToken cancellationToken)
    {
        var gate = query ? _queryGate : _passageGate;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return query
                ? await Task.Run(() => work(_query.Value), cancellationToken).ConfigureAwait(false)
                : await _background.RunAsync(() => work(_passage.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // The ONNX runtime reports a terminated run as its own exception type.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Waits for calls in flight, then disposes each encoder once.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queryGate.Wait();
        _passageGate.Wait();
        try
        {
            var query = _query.IsValueCreated ? _query.Value : null;
            var passage = _passage.IsValueCreated ? _passage.Value : null;
            if (query is not null)
            {
                _dispose(query);
            }

            if (passage is not null && !ReferenceEquals(passage, query))
            {
                _dispose(passage);
            }
        }
        finally
        {
            _background.Dispose();
            _queryGate.Release();
            _passageGate.Release();
        }
    }
}
