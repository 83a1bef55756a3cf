namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>German names of a run's mode, trigger and outcome, as the admin area and the audit trail show them.</summary>
public static class ReindexWording
{
    public static string Mode(ReindexMode mode) => mode == ReindexMode.Full ? "vollständig" : "inkrementell";

    public static string Trigger(ReindexTrigger trigger) => trigger switch
    {
        ReindexTrigger.Api => "Steuer-API",
        ReindexTrigger.Startup => "Start",
        ReindexTrigger.Schedule => "Zeitplan",
        ReindexTrigger.CorpusWatch => "Ordnerüberwachung",
        ReindexTrigger.Admin => "Verwaltung",
        ReindexTrigger.Upload => "Hochladen",
        ReindexTrigger.Cli => "wissen-Befehl",
        _ => trigger.ToString(),
    };

    public static string Outcome(ReindexOutcome outcome) => outcome switch
    {
        ReindexOutcome.Queued => "wartet",
        ReindexOutcome.Running => "läuft",
        ReindexOutcome.Succeeded => "erfolgreich",
        ReindexOutcome.Failed => "fehlgeschlagen",
        ReindexOutcome.Cancelled => "abgebrochen",
        ReindexOutcome.Interrupted => "unterbrochen",
        _ => outcome.ToString(),
    };
}
