using Wissensassistent.Core.Indexing;

namespace Wissensassistent.ServiceDefaults.Reindexing;

/// <summary>Runs in this process through the one <see cref="ReindexService"/>; reports progress as it happens.</summary>
public sealed class InProcessReindexControl : IReindexControl
{
    private readonly ReindexService _service;
    private readonly ReindexHistory _history;
    private readonly IndexingStatus _status;

    public InProcessReindexControl(ReindexService service, ReindexHistory history, IndexingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(status);
        _service = service;
        _history = history;
        _status = status;
        _service.RunChanged += () => Changed?.Invoke();
        _status.Changed += _ => Changed?.Invoke();
    }

    public bool ReportsChanges => true;

    public event Action? Changed;

    public Task<ReindexRun?> StartAsync(ReindexMode mode, ReindexTrigger trigger, CancellationToken cancellationToken = default) =>
        Task.FromResult(_service.TryStart(mode, trigger));

    public Task<ReindexRun?> CancelAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Cancel());

    public Task<ReindexStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ReindexStatus(_service.Active, _status.Current, _history.Runs.FirstOrDefault(run => run.IsFinished)));

    public Task<IReadOnlyList<ReindexRun>> GetHistoryAsync(CancellationToken cancellationToken = default) => Task.FromResult(_history.Runs);
}
