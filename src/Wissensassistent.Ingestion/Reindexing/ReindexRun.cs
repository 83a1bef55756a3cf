using System.Globalization;
using Wissensassistent.Core.Indexing;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>One reindex run as the control API and the history show it.</summary>
public sealed record ReindexRun
{
    public required string Id { get; init; }

    public required ReindexMode Mode { get; init; }

    public required ReindexTrigger Trigger { get; init; }

    public ReindexOutcome Outcome { get; init; } = ReindexOutcome.Queued;

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Supported files found in the corpus.</summary>
    public int FilesSeen { get; init; }

    /// <summary>Files parsed and written: new or changed ones, every file in a full run.</summary>
    public IReadOnlyList<string> FilesIngested { get; init; } = [];

    public int FilesUnchanged { get; init; }

    /// <summary>Documents removed because their file is gone.</summary>
    public IReadOnlyList<string> FilesDeleted { get; init; } = [];

    /// <summary>Files that could not be ingested, with the reason (German).</summary>
    public IReadOnlyList<FileError> Errors { get; init; } = [];

    /// <summary>How many of <see cref="Errors"/>, from its start, are files that could not be read; the rest were skipped.</summary>
    public int FilesFailed { get; init; }

    /// <summary>Remarks on files that were ingested (German): duplicate numbers, empty headings, encodings.</summary>
    public IReadOnlyList<FileError> Warnings { get; init; } = [];

    /// <summary>Norms and chunks this run wrote (all of them in a full run).</summary>
    public int NormsWritten { get; init; }

    public int ChunksWritten { get; init; }

    public int Documents { get; init; }

    public int Chunks { get; init; }

    public int Embedded { get; init; }

    /// <summary>For a full run: norms added, changed and removed compared with the previous generation.</summary>
    public NormChanges? NormChanges { get; init; }

    /// <summary>Why a run failed or was cancelled (German); null when it succeeded.</summary>
    public string? Message { get; init; }

    /// <summary>A queued run with a new id that sorts by time.</summary>
    public static ReindexRun Request(ReindexMode mode, ReindexTrigger trigger, DateTimeOffset now) => new()
    {
        Id = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
        Mode = mode,
        Trigger = trigger,
        RequestedAt = now,
    };

    public bool IsFinished => Outcome is not (ReindexOutcome.Queued or ReindexOutcome.Running);
}
