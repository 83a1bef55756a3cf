using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Indexing;

/// <param name="Known">False until the live store was read once.</param>
/// <param name="Statistics">Counts of the live store; null while unknown or unreachable.</param>
/// <param name="Problem">Why the store could not be read (German), else null.</param>
public sealed record ReadinessSnapshot(bool Known, StoreStatistics? Statistics, string? Problem, DateTimeOffset? CheckedAt)
{
    public static readonly ReadinessSnapshot Unknown = new(false, null, null, null);

    /// <summary>The live store holds passages: asking works, whatever a reindex run is doing meanwhile.</summary>
    public bool CanAnswer => Statistics is { Chunks: > 0 };
}

/// <summary>
/// Whether the assistant can answer, read from the live store, never from a run's progress: during a full reindex, and
/// after a failed one, the previous generation still answers. Refreshed by whoever changes the store (after a run, after
/// embeddings) and periodically for stores another process writes (the worker).
/// </summary>
public sealed partial class KnowledgeReadiness(IKnowledgeStore store, TimeProvider time, ILogger<KnowledgeReadiness> logger)
    : ObservedValue<ReadinessSnapshot>(ReadinessSnapshot.Unknown)
{
    public async Task<ReadinessSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        ReadinessSnapshot next;
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            next = new ReadinessSnapshot(true, statistics, null, time.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnavailable(logger, exception);
            next = new ReadinessSnapshot(true, null, "Der Wissensspeicher ist zurzeit nicht erreichbar.", time.GetUtcNow());
        }

        if (next.Statistics != Current.Statistics || next.Problem != Current.Problem || !Current.Known)
        {
            Update(_ => next);
        }

        return next;
    }

    [LoggerMessage(1300, LogLevel.Warning, "The live store's counts could not be read")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
