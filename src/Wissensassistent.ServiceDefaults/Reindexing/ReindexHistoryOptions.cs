using System.ComponentModel.DataAnnotations;

namespace Wissensassistent.ServiceDefaults.Reindexing;

/// <summary>Where the run history is kept and how long it is; each host fills it from its own settings.</summary>
public sealed class ReindexHistoryOptions
{
    /// <summary>Folder of <c>reindex-history.json</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Runs kept in the history.</summary>
    [Range(1, 10_000)]
    public int HistoryLength { get; set; } = 100;
}
