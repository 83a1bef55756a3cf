using Microsoft.Extensions.Hosting;
using Wissensassistent.Core.Indexing;

namespace Wissensassistent.ServiceDefaults;

/// <summary>
/// Reads the live store's counts at start and then every half minute, so that <see cref="KnowledgeReadiness"/> also
/// follows a store that another process fills (the worker) or that comes back after an outage.
/// </summary>
public sealed class ReadinessMonitor(KnowledgeReadiness readiness, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: opening the store may take seconds.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await readiness.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
