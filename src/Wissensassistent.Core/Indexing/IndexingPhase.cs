namespace Wissensassistent.Core.Indexing;

/// <summary>Where a reindex run stands; embeddings are a phase of their own (<see cref="EmbeddingState"/>).</summary>
public enum IndexingPhase
{
    Idle,
    Ingesting,
    Completed,
    Failed,
}
