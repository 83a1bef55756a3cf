namespace Wissensassistent.Worker.Reindexing;

/// <summary>What started a run.</summary>
public enum ReindexTrigger
{
    Api,
    Startup,
    Schedule,
    CorpusWatch,
}
