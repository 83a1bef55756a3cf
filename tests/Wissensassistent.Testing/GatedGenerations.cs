using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>Generations whose writes pass a <see cref="GenerationGate"/> first; everything else goes to the real store.</summary>
public sealed class GatedGenerations(IKnowledgeStoreGenerations inner, GenerationGate gate) : IKnowledgeStoreGenerations
{
    public List<IKnowledgeStore> Created { get; } = [];

    /// <summary>Wraps the host's registered generations (a factory registration) so that their writes pass <paramref name="gate"/>.</summary>
    public static void Replace(IServiceCollection services, GenerationGate gate)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IKnowledgeStoreGenerations));
        services.Remove(registered);
        services.AddSingleton<IKnowledgeStoreGenerations>(provider =>
            new GatedGenerations((IKnowledgeStoreGenerations)registered.ImplementationFactory!(provider), gate));
    }

    public async Task<IKnowledgeStore> CreateGenerationAsync(CancellationToken cancellationToken = default)
    {
        var generation = await inner.CreateGenerationAsync(cancellationToken);
        Created.Add(generation);
        return new GatedStore(generation, gate);
    }

    public Task SwitchToAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default) =>
        inner.SwitchToAsync(((GatedStore)generation).Inner, cancellationToken);

    public Task DiscardAsync(IKnowledgeStore generation, CancellationToken cancellationToken = default) =>
        inner.DiscardAsync(((GatedStore)generation).Inner, cancellationToken);

    private sealed class GatedStore(IKnowledgeStore inner, GenerationGate gate) : IKnowledgeStore
    {
        public IKnowledgeStore Inner => inner;

        public async Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default)
        {
            await inner.UpsertAsync(batch, cancellationToken);
            await gate.PassAsync(cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default) => inner.GetDocumentHashesAsync(cancellationToken);

        public Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default) => inner.DeleteDocumentsAsync(documentIds, cancellationToken);

        public Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) => inner.SearchLexicalAsync(query, filter, top, cancellationToken);

        public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => inner.SearchDenseAsync(vector, filter, top, cancellationToken);

        public Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default) => inner.GetChunkAsync(chunkId, cancellationToken);

        public Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default) => inner.GetNeighboursAsync(chunkId, radius, cancellationToken);

        public Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default) => inner.GetNormAsync(law, section, cancellationToken);

        public Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default) => inner.ListNormsAsync(law, cancellationToken);

        public Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default) => inner.ListLawsAsync(cancellationToken);

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

        public Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default) => inner.GetChunksWithoutEmbeddingAsync(model, limit, cancellationToken);

        public Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default) => inner.StoreEmbeddingsAsync(model, embeddings, cancellationToken);
    }
}
