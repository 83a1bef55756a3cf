namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>What started a run.</summary>
public enum ReindexTrigger
{
    Api,
    Startup,
    Schedule,
    CorpusWatch,

    /// <summary>Started by an administrator on the web app's admin page.</summary>
    Admin,

    /// <summary>Started after a document was uploaded on the admin page.</summary>
    Upload,

    /// <summary>Started with the <c>wissen</c> command.</summary>
    Cli,
}
