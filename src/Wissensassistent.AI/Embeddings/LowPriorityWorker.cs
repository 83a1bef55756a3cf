using System.Collections.Concurrent;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// One thread below normal priority that runs work items in turn: embedding passages in the background must leave the
/// cores to answering. Pool threads cannot be used for this, because on Linux a lowered priority cannot be raised again.
/// The thread starts with the first item.
/// </summary>
internal sealed class LowPriorityWorker : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Lazy<Thread> _thread;
    private readonly Lock _gate = new();
    private bool _disposed;

    public LowPriorityWorker(string name) => _thread = new Lazy<Thread>(() => Start(name), LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _ = _thread.Value;
            _work.Add(() =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    completion.TrySetCanceled(cancellationToken);
                    return;
                }

                try
                {
                    completion.TrySetResult(work());
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    completion.TrySetCanceled(cancellationToken);
                }
                catch (Exception exception)
                {
                    completion.TrySetException(exception);
                }
            });
        }

        return completion.Task;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _work.CompleteAdding();
        }
    }

    private Thread Start(string threadName)
    {
        var thread = new Thread(() =>
        {
            BackgroundPriority.LowerCurrentThread();
            foreach (var item in _work.GetConsumingEnumerable())
            {
                item();
            }

            _work.Dispose();
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        thread.Start();
        return thread;
    }
}
