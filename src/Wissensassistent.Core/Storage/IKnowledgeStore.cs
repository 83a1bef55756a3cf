using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Storage;

/// <summary>
/// The store contract. The embedded SQLite store (default) and Qdrant (production) both implement it and pass the
/// same contract tests. Writes are atomic per call: a crash leaves the previous content complete and searchable.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Document id → content hash of every document held; ingestion compares against it.</summary>
    Task<IReadOnlyDictionary<string, string>> GetDocumentHashesAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces each document's chunks with the given ones, all documents in one transaction.</summary>
    Task UpsertAsync(IReadOnlyList<DocumentBatch> batch, CancellationToken cancellationToken = default);

    Task DeleteDocumentsAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken = default);

    /// <summary>BM25 over the analysed chunk text, filters applied inside the ranking.</summary>
    Task<IReadOnlyList<ScoredChunk>> SearchLexicalAsync(LexicalQuery query, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether a passage the reader may see (and not repealed) holds the analysed <paramref name="term"/>: what a lexical
    /// search for the term alone would find at least one hit for. Query expansion asks this for many words per question,
    /// so a store may answer it without loading a passage.
    /// </summary>
    async Task<bool> ContainsTermAsync(string term, DocumentAccess access, CancellationToken cancellationToken = default) =>
        (await SearchLexicalAsync(new LexicalQuery([new WeightedTerm(term, 1)]), new SearchFilter { Access = access }, 1, cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>Nearest neighbours by cosine similarity among chunks that have an embedding of the current model.</summary>
    Task<IReadOnlyList<ScoredChunk>> SearchDenseAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int top, CancellationToken cancellationToken = default);

    Task<Chunk?> GetChunkAsync(string chunkId, CancellationToken cancellationToken = default);

    /// <summary>The chunks around one chunk in its document, in order, the chunk itself included.</summary>
    Task<IReadOnlyList<Chunk>> GetNeighboursAsync(string chunkId, int radius, CancellationToken cancellationToken = default);

    /// <summary>All chunks of one norm in order (<c>BauGB</c>, <c>35</c>); empty when unknown. Law compared case-insensitively, aliases included.</summary>
    Task<IReadOnlyList<Chunk>> GetNormAsync(string law, string section, CancellationToken cancellationToken = default);

    /// <summary>The norms of one law as (section, title) in document order, for "did you mean" and browsing.</summary>
    Task<IReadOnlyList<NormInfo>> ListNormsAsync(string law, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LawInfo>> ListLawsAsync(CancellationToken cancellationToken = default);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>Chunks that have no embedding under <paramref name="model"/> yet; embeddings fill in behind ingestion.</summary>
    Task<IReadOnlyList<Chunk>> GetChunksWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken = default);

    /// <summary>Stores vectors for chunks; an embedding is reused for every chunk with the same content hash.</summary>
    Task StoreEmbeddingsAsync(string model, IReadOnlyList<ChunkEmbedding> embeddings, CancellationToken cancellationToken = default);
}
