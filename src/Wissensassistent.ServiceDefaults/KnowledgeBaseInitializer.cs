using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.ServiceDefaults;

/// <summary>
/// On start: an incremental ingestion (seconds when nothing changed), then embeddings fill in behind it. The app
/// serves from the first moment; the UI shows the progress from <see cref="IndexingStatus"/>.
/// </summary>
public sealed partial class KnowledgeBaseInitializer(
    IngestionPipeline pipeline,
    EmbeddingIndexer embeddingIndexer,
    IndexingStatus status,
    IOptions<CorpusOptions> corpus,
    ILogger<KnowledgeBaseInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the CPU-heavy work begins.
        await Task.Yield();
        try
        {
            await pipeline.RunAsync(corpus.Value.ResolvePath(), IngestionMode.Incremental, cancellationToken: stoppingToken);
            await embeddingIndexer.RunAsync(cancellationToken: stoppingToken);
            status.Update(s => s with { Phase = IndexingPhase.Completed, FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the store keeps what was committed.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            status.Update(s => s with { Phase = IndexingPhase.Failed, FinishedAt = DateTimeOffset.UtcNow });
        }
    }

    [LoggerMessage(5000, LogLevel.Error, "Building the knowledge base failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
