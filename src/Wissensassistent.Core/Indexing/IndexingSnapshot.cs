namespace Wissensassistent.Core.Indexing;

/// <summary>A consistent view of a reindex run's progress for the admin page, health checks and the control API.</summary>
/// <param name="FilesDone">Files processed in the current run.</param>
/// <param name="FilesTotal">Files in the current run.</param>
/// <param name="CurrentFile">The file being processed, relative to its corpus root.</param>
/// <param name="Chunks">Chunks written by the current run.</param>
/// <param name="Errors">Per-file errors of the current or last run (German reasons).</param>
public sealed record IndexingSnapshot(
    IndexingPhase Phase,
    int FilesDone,
    int FilesTotal,
    string? CurrentFile,
    int Chunks,
    IReadOnlyList<FileError> Errors,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static readonly IndexingSnapshot Idle = new(IndexingPhase.Idle, 0, 0, null, 0, [], null, null);
}

public sealed record FileError(string Path, string Reason);
