using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Embeddings as their own background phase, apart from reindex runs: it holds no reindex lock, waits while a run
/// writes (a reindex or an upload starts at once and the phase resumes after it), and after a restart resumes with what
/// is still missing. The model runs passages below normal priority on the configured cores
/// (<c>LanguageModels:Embeddings:IntraOpNumThreads</c>), so answering keeps the rest.
/// </summary>
public sealed partial class EmbeddingPhase(
    EmbeddingIndexer indexer,
    ReindexService reindex,
    EmbeddingStatus status,
    KnowledgeReadiness readiness,
    ILogger<EmbeddingPhase> logger) : BackgroundService
{
    private static readonly TimeSpan PauseCheck = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!indexer.IsEnabled)
        {
            status.Update(_ => EmbeddingSnapshot.Disabled);
            return;
        }

        reindex.RunChanged += OnRunChanged;

        // Off the host's start: opening the store may take seconds.
        await Task.Yield();
        try
        {
            await LoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; what is stored stays, the next start resumes.
        }
    }

    public override void Dispose()
    {
        reindex.RunChanged -= OnRunChanged;
        _wake.Dispose();
        base.Dispose();
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WhileReindexingAsync(stoppingToken).ConfigureAwait(false);
                if (await indexer.RunAsync(beforeBatch: WhileReindexingAsync, cancellationToken: stoppingToken).ConfigureAwait(false) > 0)
                {
                    await readiness.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
                status.Update(s => s with { State = EmbeddingState.Failed, Problem = $"Die Einbettungen konnten nicht berechnet werden ({exception.GetType().Name}); die Suche bleibt lexikalisch." });
            }

            // Until a run changes the store (or the host stops).
            try
            {
                await _wake.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Waits, paused, while a reindex run is queued or running.</summary>
    private async Task WhileReindexingAsync(CancellationToken cancellationToken)
    {
        if (reindex.Active is null)
        {
            return;
        }

        status.Update(s => s with { State = EmbeddingState.Paused });
        while (reindex.Active is not null)
        {
            await Task.Delay(PauseCheck, cancellationToken).ConfigureAwait(false);
        }

        status.Update(s => s with { State = EmbeddingState.Running });
    }

    private void OnRunChanged()
    {
        if (reindex.Active is null)
        {
            try
            {
                if (_wake.CurrentCount == 0)
                {
                    _wake.Release();
                }
            }
            catch (Exception exception) when (exception is SemaphoreFullException or ObjectDisposedException)
            {
                // Already woken, or stopping.
            }
        }
    }

    [LoggerMessage(6050, LogLevel.Error, "The embedding phase failed; search stays lexical until the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
