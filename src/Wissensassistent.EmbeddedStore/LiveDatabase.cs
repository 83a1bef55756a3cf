namespace Wissensassistent.EmbeddedStore;

/// <summary>
/// The database file currently served, with a count of the operations running on it: a retired file is disposed (and
/// deleted) only after its last operation finished, so no query fails because a new generation went live.
/// </summary>
internal sealed class LiveDatabase(KnowledgeDatabase database)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _operations;
    private bool _retired;

    public KnowledgeDatabase Database { get; } = database;

    /// <summary>Registers an operation; false once the file is retired (the caller takes the new live file instead).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _operations++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _operations--;
            if (_retired && _operations == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Stops new operations and completes when the running ones have finished.</summary>
    public Task RetireAsync()
    {
        lock (_gate)
        {
            _retired = true;
            if (_operations == 0)
            {
                _drained.TrySetResult();
            }
        }

        return _drained.Task;
    }
}
