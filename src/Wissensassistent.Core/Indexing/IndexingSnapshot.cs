namespace Wissensassistent.Core.Indexing;

/// <summary>A consistent view of indexing progress for the UI, health checks and the control API.</summary>
/// <param name="FilesDone">Files processed in the current ingestion run.</param>
/// <param name="FilesTotal">Files in the current ingestion run.</param>
/// <param name="CurrentFile">The file being processed, relative to the corpus.</param>
/// <param name="EmbeddingsDone">Chunks with an embedding of the current model.</param>
/// <param name="EmbeddingsTotal">All chunks.</param>
/// <param name="Errors">Per-file errors of the current or last run (German reasons).</param>
public sealed record IndexingSnapshot(
    IndexingPhase Phase,
    int FilesDone,
    int FilesTotal,
    string? CurrentFile,
    int Chunks,
    int EmbeddingsDone,
    int EmbeddingsTotal,
    IReadOnlyList<FileError> Errors,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static readonly IndexingSnapshot Idle = new(IndexingPhase.Idle, 0, 0, null, 0, 0, 0, [], null, null);

    /// <summary>True once the lexical index can answer (ingestion done); embeddings may still be filling in.</summary>
    public bool IsSearchable => Phase is IndexingPhase.Embedding or IndexingPhase.Completed || (Phase == IndexingPhase.Idle && Chunks > 0);
}

public sealed record FileError(string Path, string Reason);
