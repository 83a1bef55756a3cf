using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker.Reindexing;

/// <summary>Starts an incremental run at start (<see cref="WorkerOptions.IndexOnStartup"/>) and every <see cref="WorkerOptions.Schedule"/>.</summary>
public sealed partial class ScheduledReindex(ReindexService reindex, IOptions<WorkerOptions> options, TimeProvider timeProvider, ILogger<ScheduledReindex> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.IndexOnStartup)
        {
            reindex.TryStart(ReindexMode.Incremental, ReindexTrigger.Startup);
        }

        if (settings.Schedule is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (reindex.TryStart(ReindexMode.Incremental, ReindexTrigger.Schedule) is null)
                {
                    LogSkippedBusy(logger);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(6020, LogLevel.Information, "Scheduled reindex skipped: another run is queued or running")]
    private static partial void LogSkippedBusy(ILogger logger);
}
