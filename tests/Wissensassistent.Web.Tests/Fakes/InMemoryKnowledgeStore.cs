using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Tests.Fakes;

/// <summary>The read side of the store over a list of chunks; the write side is not used by the UI.</summary>
public sealed class InMemoryKnowledgeStore : IKnowledgeStore, ICrossReferenceIndex
{
    public List<Chunk> Chunks { get; } = [];

    public List<LawInfo> Laws { get; } = [];

    public Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Chunks.FirstOrDefault(c => c.Id == chunkId));

    public Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default)
    {
        var chunk = Chunks.FirstOrDefault(c => c.Id == chunkId);
        IReadOnlyList<Chunk> result = chunk is null
            ? []
            : Chunks.Where(c => c.DocumentId == chunk.DocumentId && Math.Abs(c.Ordinal - chunk.Ordinal) <= radius).OrderBy(c => c.Ordinal).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Chunk> result = Chunks
            .Where(c => string.Equals(c.Citation.Law, law, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Citation.Section, section, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Ordinal)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<NormInfo> result = Chunks
            .Where(c => string.Equals(c.Citation.Law, law, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Ordinal)
            .GroupBy(c => c.Citation.Section, StringComparer.OrdinalIgnoreCase)
            .Select(g => new NormInfo(g.First().Citation.Norm, g.First().NormTitle, g.First().IsRepealed) { AccessGroups = g.Select(c => c.AccessGroups).Aggregate(DocumentAccess.Combine) })
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LawInfo>>(Laws);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new StoreStatistics(1, Laws.Count, Chunks.Select(c => c.Citation.NormKey).Distinct().Count(), Chunks.Count, 0, null));

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScoredChunk>>([]);

    public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScoredChunk>>([]);

    public Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Chunk>>([]);

    public Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<Chunk>> GetReferringChunksAsync(string law, string section, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Chunk> result = Chunks
            .Where(c => c.References.Any(r => string.Equals(r.Target.Law, law, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Target.Section, section, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Ordinal)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<CrossReference>> ListReferencesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CrossReference>>([.. Chunks.SelectMany(c => c.References)]);
}
