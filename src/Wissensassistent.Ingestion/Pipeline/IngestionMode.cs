namespace Wissensassistent.Ingestion.Pipeline;

public enum IngestionMode
{
    /// <summary>Only new, changed and deleted files (by content hash).</summary>
    Incremental,

    /// <summary>Every file is parsed and written again.</summary>
    Full,
}
