using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Carries reindex runs into the audit trail from the run history, wherever the runs happen (in this process or in the
/// worker, whose history is polled): the start of every run no person started (start-up, schedule, folder watch, the
/// control API; a start in the admin area is recorded there, with the administrator's name) and the outcome of every
/// run. The trail itself tells which runs are recorded already, so a restart records nothing twice.
/// </summary>
public sealed partial class ReindexAudit(IReindexControl control, IAuditTrail audit, TimeProvider timeProvider, ILogger<ReindexAudit> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);
    private bool _loaded;

    /// <summary>The object of a run's entries: its id and mode.</summary>
    public static string ObjectOf(ReindexRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"Lauf {run.Id} ({ReindexWording.Mode(run.Mode)})";
    }

    /// <summary>The outcome of a finished run in a few words: what changed, or why it stopped.</summary>
    public static string OutcomeOf(ReindexRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outcome = ReindexWording.Outcome(run.Outcome);
        return run.Outcome == ReindexOutcome.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"{outcome}: {run.FilesIngested.Count} Dateien neu oder geändert, {run.FilesDeleted.Count} entfernt, {run.Errors.Count} Fehler")
            : run.Message is { Length: > 0 } message ? $"{outcome}: {message}" : outcome;
    }

    public override void Dispose()
    {
        control.Changed -= OnChanged;
        _changed.Dispose();
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>Records what the history holds and the trail does not.</summary>
    public async Task RecordNewRunsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_loaded)
            {
                await LoadRecordedAsync(cancellationToken).ConfigureAwait(false);
                _loaded = true;
            }

            var runs = await control.GetHistoryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var run in runs.Reverse())
            {
                var subject = ObjectOf(run);
                if (run.Trigger is not (ReindexTrigger.Admin or ReindexTrigger.Upload))
                {
                    await RecordOnceAsync(new AuditEntry(
                        run.StartedAt ?? run.RequestedAt, $"({ReindexWording.Trigger(run.Trigger)})", AuditActions.ReindexStarted, subject, "gestartet"), cancellationToken).ConfigureAwait(false);
                }

                if (run.IsFinished)
                {
                    await RecordOnceAsync(new AuditEntry(
                        run.FinishedAt ?? timeProvider.GetUtcNow(), AuditActors.System, AuditActions.ReindexFinished, subject, OutcomeOf(run)), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (control.ReportsChanges)
            {
                control.Changed += OnChanged;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RecordNewRunsAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    // The worker is unreachable: its runs are recorded once it answers again.
                    LogHistoryUnavailable(logger, exception.Message);
                }

                await _changed.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static string Key(string action, string subject) => action + "\n" + subject;

    private async Task RecordOnceAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var key = Key(entry.Action, entry.Object);
        if (!_recorded.Contains(key))
        {
            await audit.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
            _recorded.Add(key);
        }
    }

    private async Task LoadRecordedAsync(CancellationToken cancellationToken)
    {
        foreach (var action in new[] { AuditActions.ReindexStarted, AuditActions.ReindexFinished })
        {
            foreach (var entry in await audit.QueryAsync(new AuditQuery(Action: action, Limit: 2_000), cancellationToken).ConfigureAwait(false))
            {
                _recorded.Add(Key(action, entry.Object));
            }
        }
    }

    private void OnChanged()
    {
        // Progress reports come many times a second; one pending wake-up is enough.
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    [LoggerMessage(6030, LogLevel.Warning, "Reindex history for the audit trail not available: {Reason}")]
    private static partial void LogHistoryUnavailable(ILogger logger, string reason);
}
