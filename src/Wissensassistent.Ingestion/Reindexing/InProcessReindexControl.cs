using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>Runs in this process through the one <see cref="ReindexService"/>; reports progress as it happens.</summary>
public sealed class InProcessReindexControl : IReindexControl
{
    private readonly ReindexService _service;
    private readonly ReindexHistory _history;
    private readonly IndexingStatus _status;
    private readonly EmbeddingStatus _embeddings;

    public InProcessReindexControl(ReindexService service, ReindexHistory history, IndexingStatus status, EmbeddingStatus embeddings)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(embeddings);
        _service = service;
        _history = history;
        _status = status;
        _embeddings = embeddings;
        _service.RunChanged += () => Changed?.Invoke();
        _status.Changed += _ => Changed?.Invoke();
        _embeddings.Changed += _ => Changed?.Invoke();
    }

    public bool ReportsChanges => true;

    public event Action? Changed;

    public Task<ReindexRun?> StartAsync(ReindexMode mode, ReindexTrigger trigger, CancellationToken cancellationToken = default) =>
        Task.FromResult(_service.TryStart(mode, trigger));

    public Task<ReindexRun?> CancelAsync(CancellationToken cancellationToken = default) => Task.FromResult(_service.Cancel());

    public Task<ReindexStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ReindexStatus(_service.Active, _status.Current, _history.Runs.FirstOrDefault(run => run.IsFinished), _embeddings.Current));

    public Task<IReadOnlyList<ReindexRun>> GetHistoryAsync(CancellationToken cancellationToken = default) => Task.FromResult(_history.Runs);
}
