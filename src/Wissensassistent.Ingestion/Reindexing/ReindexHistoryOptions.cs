using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>How long the run history is; the file is the data folder's <c>reindex-history.json</c>.</summary>
public sealed class ReindexHistoryOptions
{
    /// <summary>Runs kept in the history.</summary>
    [Range(1, 10_000)]
    public int HistoryLength { get; set; } = 100;
}
