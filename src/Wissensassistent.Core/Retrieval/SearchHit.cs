using Wissensassistent.Core.Chunks;

namespace Wissensassistent.Core.Retrieval;

/// <param name="Rank">1-based.</param>
/// <param name="Score">Fused score; comparable within one result only.</param>
public sealed record SearchHit(int Rank, double Score, Chunk Chunk);
