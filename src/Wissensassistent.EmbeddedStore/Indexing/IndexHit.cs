namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>A ranked chunk by its index in one <see cref="IndexSnapshot"/>.</summary>
internal readonly record struct IndexHit(int Chunk, double Score);
