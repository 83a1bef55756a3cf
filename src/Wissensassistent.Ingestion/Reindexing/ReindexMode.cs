namespace Wissensassistent.Ingestion.Reindexing;

public enum ReindexMode
{
    /// <summary>Only new, changed and deleted files, written into the live index.</summary>
    Incremental,

    /// <summary>Every file into a new generation beside the live one, switched to when complete and checked.</summary>
    Full,
}
