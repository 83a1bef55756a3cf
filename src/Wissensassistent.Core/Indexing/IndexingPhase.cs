namespace Wissensassistent.Core.Indexing;

public enum IndexingPhase
{
    Idle,
    Ingesting,
    Embedding,
    Completed,
    Failed,
}
