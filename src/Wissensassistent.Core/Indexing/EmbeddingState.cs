namespace Wissensassistent.Core.Indexing;

public enum EmbeddingState
{
    /// <summary>No embedding model is configured: search is lexical.</summary>
    Disabled,

    /// <summary>Every chunk of the live store has a vector of the current model, or the phase waits for work.</summary>
    Idle,

    Running,

    /// <summary>Waits while a reindex run writes; resumes after it.</summary>
    Paused,

    /// <summary>The model failed; retried with the next run or restart.</summary>
    Failed,
}
