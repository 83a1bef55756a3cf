using System.Globalization;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Web.Components.Admin;

/// <summary>German wording of the admin area's states.</summary>
internal static class AdminFormat
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Time(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) ?? "–";

    public static string Embeddings(EmbeddingSnapshot? embeddings) => embeddings switch
    {
        null or { State: EmbeddingState.Disabled } => "aus (lexikalische Suche; ein Einbettungsmodell wird in der Konfiguration gewählt)",
        { State: EmbeddingState.Running } e => string.Create(German, $"werden berechnet: {e.Done:N0} / {e.Total:N0} Abschnitte ({e.Model})"),
        { State: EmbeddingState.Paused } e => string.Create(German, $"pausiert, solange neu indiziert wird: {e.Done:N0} / {e.Total:N0} Abschnitte ({e.Model})"),
        { State: EmbeddingState.Failed } e => e.Problem ?? "fehlgeschlagen",
        var e => string.Create(German, $"vollständig: {e.Done:N0} / {e.Total:N0} Abschnitte ({e.Model})"),
    };

    public static string Phase(IndexingPhase phase) => phase switch
    {
        IndexingPhase.Idle => "bereit",
        IndexingPhase.Ingesting => "Dateien werden eingelesen",
        IndexingPhase.Completed => "vollständig",
        IndexingPhase.Failed => "fehlgeschlagen",
        _ => phase.ToString(),
    };

    public static string Mode(ReindexMode mode) => ReindexWording.Mode(mode);

    public static string Trigger(ReindexTrigger trigger) => ReindexWording.Trigger(trigger);

    public static string Outcome(ReindexOutcome outcome) => ReindexWording.Outcome(outcome);

    public static string NormChanges(NormChanges? changes) =>
        changes is null ? "–" : $"+{changes.Added.Count} / ~{changes.Changed.Count} / −{changes.Removed.Count}";
}
