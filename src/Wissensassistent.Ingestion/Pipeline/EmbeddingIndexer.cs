using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// Fills in dense vectors behind ingestion: the lexical index answers at once, embeddings follow with visible
/// progress, and search uses whatever is there. Vectors are cached by content hash in the store, so unchanged text
/// is never embedded twice.
/// </summary>
public sealed partial class EmbeddingIndexer(
    IKnowledgeStore store,
    IOptions<IngestionOptions> options,
    IndexingStatus status,
    ILogger<EmbeddingIndexer> logger,
    IEmbeddingGenerator<string, Embedding<float>>? generator = null)
{
    public bool IsEnabled => generator is not null;

    public string? ModelId => generator is null ? null : EmbeddingModel.IdOf(generator);

    /// <summary>Embeds every chunk that lacks a vector of the current model; returns how many were embedded.</summary>
    public async Task<int> RunAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (generator is null || ModelId is not { } model)
        {
            return 0;
        }

        var stats = await store.GetStatisticsAsync(cancellationToken);
        var missing = stats.Chunks - (stats.EmbeddingModel == model ? stats.ChunksWithEmbedding : 0);
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        status.Update(s => s with { Phase = IndexingPhase.Embedding, Chunks = stats.Chunks, EmbeddingsTotal = stats.Chunks, EmbeddingsDone = stats.Chunks - missing });

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await store.GetChunksWithoutEmbeddingAsync(model, options.Value.EmbeddingBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var vectors = await generator.GenerateAsync(batch.Select(c => c.SearchText), cancellationToken: cancellationToken);
            var embeddings = batch.Zip(vectors, (chunk, vector) => new ChunkEmbedding(chunk.Id, chunk.ContentHash, vector.Vector)).ToList();
            await store.StoreEmbeddingsAsync(model, embeddings, cancellationToken);
            done += batch.Count;
            var embedded = stats.Chunks - missing + done;
            status.Update(s => s with { EmbeddingsDone = Math.Min(embedded, s.EmbeddingsTotal) });
            progress?.Report((done, missing));
        }

        status.Update(s => s with { Phase = IndexingPhase.Completed, EmbeddingsDone = s.EmbeddingsTotal, FinishedAt = DateTimeOffset.UtcNow });
        if (done > 0)
        {
            LogEmbedded(logger, done, model, stopwatch.ElapsedMilliseconds);
        }

        return done;
    }

    [LoggerMessage(1100, LogLevel.Information, "Embedded {Count} chunks with {Model} in {ElapsedMs} ms")]
    private static partial void LogEmbedded(ILogger logger, int count, string model, long elapsedMs);
}
