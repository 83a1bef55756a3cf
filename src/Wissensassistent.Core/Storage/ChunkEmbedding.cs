namespace Wissensassistent.Core.Storage;

/// <summary>A dense vector for one chunk's content, cached under <paramref name="ContentHash"/>.</summary>
public sealed record ChunkEmbedding(string ChunkId, string ContentHash, ReadOnlyMemory<float> Vector);
