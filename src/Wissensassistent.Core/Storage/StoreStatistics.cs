namespace Wissensassistent.Core.Storage;

public sealed record StoreStatistics(int Documents, int Laws, int Norms, int Chunks, int ChunksWithEmbedding, string? EmbeddingModel);
