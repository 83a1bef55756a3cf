using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Admin;

/// <summary>
/// When the worker ingests and this process does not, the indexing status here would never learn that the store holds
/// anything, and asking would stay disabled. This reads the store's counts at start and then every half minute.
/// </summary>
public sealed partial class StoreIndexingStatus(IKnowledgeStore store, IndexingStatus status, TimeProvider time, ILogger<StoreIndexingStatus> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var statistics = await store.GetStatisticsAsync(stoppingToken);
                status.Update(s => s with { Chunks = statistics.Chunks, EmbeddingsTotal = statistics.Chunks, EmbeddingsDone = statistics.ChunksWithEmbedding });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store that is down (Qdrant restarting) is tried again at the next tick.
                LogUnavailable(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(5400, LogLevel.Warning, "The store's counts could not be read; retrying")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
