namespace Wissensassistent.Ingestion.Reindexing;

public enum ReindexOutcome
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>The worker stopped (or crashed) during the run; found so in the history at the next start.</summary>
    Interrupted,
}
