namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Starting, cancelling and watching reindex runs, wherever they run: in this process
/// (<see cref="InProcessReindexControl"/>) or in the ingestion worker behind its control API (<see cref="WorkerReindexControl"/>).
/// One run at a time: a start while a run is queued or running is refused.
/// </summary>
public interface IReindexControl
{
    /// <summary>True when <see cref="Changed"/> reports every change; otherwise callers poll <see cref="GetStatusAsync"/>.</summary>
    bool ReportsChanges { get; }

    /// <summary>Progress or run state changed (in-process only).</summary>
    event Action? Changed;

    /// <summary>Queues a run; null when another run is queued or running.</summary>
    Task<ReindexRun?> StartAsync(ReindexMode mode, ReindexTrigger trigger, CancellationToken cancellationToken = default);

    /// <summary>Asks the queued or running run to stop; null when there is none.</summary>
    Task<ReindexRun?> CancelAsync(CancellationToken cancellationToken = default);

    Task<ReindexStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>The last runs, newest first.</summary>
    Task<IReadOnlyList<ReindexRun>> GetHistoryAsync(CancellationToken cancellationToken = default);
}
