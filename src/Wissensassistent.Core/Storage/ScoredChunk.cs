using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Storage;

public sealed record ScoredChunk(Chunk Chunk, double Score);
