using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Web.Tests.Fakes;

/// <summary>Reindex control whose status, history and answers a test sets; records what the page asked for.</summary>
public sealed class FakeReindexControl : IReindexControl
{
    public ReindexStatus Status { get; set; } = new(null, IndexingSnapshot.Idle, null);

    public List<ReindexRun> History { get; } = [];

    public List<(ReindexMode Mode, ReindexTrigger Trigger)> Starts { get; } = [];

    public int Cancels { get; private set; }

    public bool ReportsChanges => true;

    public event Action? Changed;

    public static ReindexRun Run(string id, ReindexMode mode = ReindexMode.Incremental, ReindexOutcome outcome = ReindexOutcome.Succeeded) => new()
    {
        Id = id,
        Mode = mode,
        Trigger = ReindexTrigger.Admin,
        Outcome = outcome,
        RequestedAt = DateTimeOffset.UtcNow,
        StartedAt = DateTimeOffset.UtcNow,
        FinishedAt = outcome is ReindexOutcome.Running or ReindexOutcome.Queued ? null : DateTimeOffset.UtcNow,
    };

    /// <summary>Sets the status and tells the page, as the in-process control does.</summary>
    public void Publish(ReindexStatus status)
    {
        Status = status;
        Changed?.Invoke();
    }

    public Task<ReindexRun?> StartAsync(ReindexMode mode, ReindexTrigger trigger, CancellationToken cancellationToken = default)
    {
        if (Unreachable is { } failure)
        {
            return Task.FromException<ReindexRun?>(failure);
        }

        Starts.Add((mode, trigger));
        if (Status.Active is not null)
        {
            return Task.FromResult<ReindexRun?>(null);
        }

        var run = Run("run-" + Starts.Count, mode, ReindexOutcome.Queued) with { Trigger = trigger };
        Status = Status with { Active = run };
        return Task.FromResult<ReindexRun?>(run);
    }

    public Task<ReindexRun?> CancelAsync(CancellationToken cancellationToken = default)
    {
        Cancels++;
        return Task.FromResult(Status.Active);
    }

    /// <summary>Set to make every call fail as an unreachable worker does.</summary>
    public HttpRequestException? Unreachable { get; set; }

    public Task<ReindexStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Unreachable is { } failure ? Task.FromException<ReindexStatus>(failure) : Task.FromResult(Status);

    public Task<IReadOnlyList<ReindexRun>> GetHistoryAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ReindexRun>>(History);
}
