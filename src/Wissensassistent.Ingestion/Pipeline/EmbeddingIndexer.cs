using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Ingestion.Pipeline;

/// <summary>
/// Embeds the chunks of the live store that lack a vector of the current model, batch by batch. Vectors are cached by
/// content hash in the store, so unchanged text is never embedded twice, and what is stored survives a restart: the
/// next call resumes where the last one stopped. The lexical index answers throughout; search uses what is there.
/// </summary>
public sealed partial class EmbeddingIndexer(
    IKnowledgeStore store,
    IOptions<IngestionOptions> options,
    EmbeddingStatus status,
    ILogger<EmbeddingIndexer> logger,
    IEmbeddingGenerator<string, Embedding<float>>? generator = null)
{
    public bool IsEnabled => generator is not null;

    public string? ModelId => generator is null ? null : EmbeddingModel.IdOf(generator);

    /// <summary>Embeds every chunk that lacks a vector of the current model; returns how many were embedded.</summary>
    /// <param name="beforeBatch">Awaited before each batch: the background phase waits there while a reindex writes.</param>
    public async Task<int> RunAsync(IProgress<(int Done, int Total)>? progress = null, Func<CancellationToken, Task>? beforeBatch = null, CancellationToken cancellationToken = default)
    {
        if (generator is null || ModelId is not { } model)
        {
            status.Update(_ => EmbeddingSnapshot.Disabled);
            return 0;
        }

        var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        var missing = stats.Chunks - (stats.EmbeddingModel == model ? stats.ChunksWithEmbedding : 0);
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        status.Update(_ => new EmbeddingSnapshot(missing > 0 ? EmbeddingState.Running : EmbeddingState.Idle, model, stats.Chunks - missing, stats.Chunks));

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (beforeBatch is not null)
            {
                await beforeBatch(cancellationToken).ConfigureAwait(false);
            }

            var batch = await store.GetChunksWithoutEmbeddingAsync(model, options.Value.EmbeddingBatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            var vectors = await generator.GenerateAsync(batch.Select(c => c.SearchText), cancellationToken: cancellationToken).ConfigureAwait(false);
            var embeddings = batch.Zip(vectors, (chunk, vector) => new ChunkEmbedding(chunk.Id, chunk.ContentHash, vector.Vector)).ToList();
            await store.StoreEmbeddingsAsync(model, embeddings, cancellationToken).ConfigureAwait(false);
            done += batch.Count;
            var embedded = Math.Min(stats.Chunks - missing + done, stats.Chunks);
            status.Update(s => s with { State = EmbeddingState.Running, Model = model, Done = Math.Max(embedded, s.Done) });
            progress?.Report((done, missing));
        }

        var final = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        status.Update(_ => new EmbeddingSnapshot(EmbeddingState.Idle, model, final.ChunksWithEmbedding, final.Chunks));
        if (done > 0)
        {
            LogEmbedded(logger, done, model, stopwatch.ElapsedMilliseconds);
        }

        return done;
    }

    [LoggerMessage(1100, LogLevel.Information, "Embedded {Count} chunks with {Model} in {ElapsedMs} ms")]
    private static partial void LogEmbedded(ILogger logger, int count, string model, long elapsedMs);
}
