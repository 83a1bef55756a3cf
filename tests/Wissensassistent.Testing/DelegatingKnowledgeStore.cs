using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>A store that passes every call to another; a test double overrides the calls it watches or holds back.</summary>
public abstract class DelegatingKnowledgeStore(IKnowledgeStore inner) : IKnowledgeStore
{
    public IKnowledgeStore Inner => inner;

    public virtual Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default) => inner.UpsertAsync(batch, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default) => inner.GetDocumentHashesAsync(cancellationToken);

    public virtual Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default) => inner.DeleteDocumentsAsync(documentIds, cancellationToken);

    public virtual Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) => inner.SearchLexicalAsync(query, filter, top, cancellationToken);

    public virtual Task<bool> ContainsTermAsync(string term, DocumentAccess access, CancellationToken cancellationToken = default) => inner.ContainsTermAsync(term, access, cancellationToken);

    public virtual Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => inner.SearchDenseAsync(vector, filter, top, cancellationToken);

    public virtual Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default) => inner.GetChunkAsync(chunkId, cancellationToken);

    public virtual Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default) => inner.GetNeighboursAsync(chunkId, radius, cancellationToken);

    public virtual Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default) => inner.GetNormAsync(law, section, cancellationToken);

    public virtual Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default) => inner.ListNormsAsync(law, cancellationToken);

    public virtual Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default) => inner.ListLawsAsync(cancellationToken);

    public virtual Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => inner.GetStatisticsAsync(cancellationToken);

    public virtual Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default) => inner.GetChunksWithoutEmbeddingAsync(model, limit, cancellationToken);

    public virtual Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default) => inner.StoreEmbeddingsAsync(model, embeddings, cancellationToken);
}
