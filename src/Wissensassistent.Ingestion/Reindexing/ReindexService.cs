using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Runs reindexing in the background, one run at a time: a queue of one. The control API, the schedule and the folder
/// watch, the web app's admin page and its start-up run all start runs through <see cref="TryStart"/>; while a run is
/// queued or running, further requests are refused.
/// </summary>
public sealed partial class ReindexService(ReindexRunner runner, ReindexHistory history, TimeProvider timeProvider, ILogger<ReindexService> logger) : BackgroundService
{
    private readonly Channel<ReindexRun> _queue = Channel.CreateBounded<ReindexRun>(1);
    private readonly Lock _gate = new();
    private ReindexRun? _active;
    private CancellationTokenSource? _cancellation;

    /// <summary>Raised after a run was queued, started or finished (outside the service's lock).</summary>
    public event Action? RunChanged;

    /// <summary>The queued or running run, or null when idle.</summary>
    public ReindexRun? Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Queues a run; null when one is already queued or running.</summary>
    public ReindexRun? TryStart(ReindexMode mode, ReindexTrigger trigger)
    {
        ReindexRun run;
        lock (_gate)
        {
            if (_active is not null)
            {
                return null;
            }

            run = ReindexRun.Request(mode, trigger, timeProvider.GetUtcNow());
            _active = run;
            _cancellation = new CancellationTokenSource();
            _queue.Writer.TryWrite(run);
            LogQueued(logger, run.Id, mode, trigger);
        }

        RunChanged?.Invoke();
        return run;
    }

    /// <summary>Asks the queued or running run to stop; returns it, or null when idle.</summary>
    public ReindexRun? Cancel()
    {
        ReindexRun? run;
        CancellationTokenSource? cancellation;
        lock (_gate)
        {
            run = _active;
            cancellation = _cancellation;
        }

        if (run is null || cancellation is null)
        {
            return null;
        }

        LogCancelRequested(logger, run.Id);
        try
        {
            // Outside the lock: cancellation callbacks may finish the run on this thread.
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run finished in the meantime.
        }

        return run;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var queued in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            CancellationToken runToken;
            var run = queued with { Outcome = ReindexOutcome.Running, StartedAt = timeProvider.GetUtcNow() };
            lock (_gate)
            {
                runToken = _cancellation!.Token;
                _active = run;
            }

            history.Record(run);
            RunChanged?.Invoke();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, runToken);

            // Off the host's thread: parsing is CPU-bound and must not delay shutdown signals.
            var finished = await Task.Run(() => runner.RunAsync(run, linked.Token), CancellationToken.None).ConfigureAwait(false);
            history.Record(finished);
            lock (_gate)
            {
                _active = null;
                _cancellation?.Dispose();
                _cancellation = null;
            }

            RunChanged?.Invoke();
        }
    }

    [LoggerMessage(6010, LogLevel.Information, "Reindex {RunId} queued: mode {Mode}, trigger {Trigger}")]
    private static partial void LogQueued(ILogger logger, string runId, ReindexMode mode, ReindexTrigger trigger);

    [LoggerMessage(6011, LogLevel.Information, "Reindex {RunId}: cancellation requested")]
    private static partial void LogCancelRequested(ILogger logger, string runId);
}
