namespace Wissensassistent.Testing;

/// <summary>Lets a test hold a full run while it writes into its new generation.</summary>
public sealed class GenerationGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Closed gates hold the first write into a new generation; open (the default) lets everything through.</summary>
    public bool IsClosed { get; set; }

    /// <summary>Completes when a full run reached the closed gate.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        if (!IsClosed)
        {
            return;
        }

        _entered.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
