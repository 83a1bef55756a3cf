using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests.Drafts;

/// <summary>The read side a norm lookup needs, over a list of chunks; search and writes are not part of it.</summary>
internal sealed class NormStore : IKnowledgeStore
{
    private readonly List<Chunk> _chunks = [];
    private readonly List<LawInfo> _laws = [];

    public NormStore Add(string law, Level level, string documentId, string section, string? absatz, string text, bool repealed = false)
    {
        if (!_laws.Any(l => l.Law == law))
        {
            _laws.Add(new LawInfo(law, law + " (Titel)", [], level, DocumentType.Gesetz, "Stand " + law, 1));
        }

        _chunks.Add(new Chunk
        {
            Id = $"{law}-{section}-{absatz}",
            DocumentId = documentId,
            Citation = new Citation(law, NormKind.Paragraph, section, absatz),
            HeadingPath = [law, $"§ {section}"],
            Text = text,
            Ordinal = _chunks.Count,
            IsRepealed = repealed,
            LawTitle = law + " (Titel)",
            Level = level,
            DocumentType = DocumentType.Gesetz,
            Stand = "Stand " + law,
            ContentHash = "h" + _chunks.Count,
        });
        return this;
    }

    public Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Chunk>>(_chunks
            .Where(c => string.Equals(c.Citation.Law, law, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Citation.Section, section, StringComparison.OrdinalIgnoreCase))
            .ToList());

    public Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NormInfo>>(_chunks
            .Where(c => string.Equals(c.Citation.Law, law, StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c.Citation.Section)
            .Select(g => new NormInfo(g.First().Citation.Norm, null, g.All(c => c.IsRepealed)))
            .ToList());

    public Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LawInfo>>(_laws);

    public Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
