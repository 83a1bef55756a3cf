using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Cli;

/// <summary>
/// Shared steps of the verbs: a reindex run through the same runner as the web app and the worker (recorded in the
/// data folder's run history), and, before searching, completing an interrupted run or ingesting an empty store.
/// </summary>
public static class KnowledgeBase
{
    /// <summary>Runs to the end; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<ReindexRun> ReindexAsync(IServiceProvider services, ReindexMode mode, CancellationToken cancellationToken)
    {
        // An unreachable store ends the command with its own message (StoreOutage) before a run is recorded.
        await services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(cancellationToken);
        var runner = services.GetRequiredService<ReindexRunner>();
        var history = services.GetRequiredService<ReindexHistory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var run = ReindexRun.Request(mode, ReindexTrigger.Cli, now) with { Outcome = ReindexOutcome.Running, StartedAt = now };

        // Recorded before it starts, so that a killed run is found as interrupted next time.
        history.Record(run);
        var progress = new Progress<IngestionProgress>(p =>
            Terminal.Progress($"[{p.FilesDone,4}/{p.FilesTotal}] {p.ChunksWritten,7} Abschnitte · {p.CurrentFile}"));
        ReindexRun finished;
        try
        {
            finished = await runner.RunAsync(run, progress, cancellationToken);
        }
        finally
        {
            Terminal.EndProgress();
        }

        history.Record(finished);
        cancellationToken.ThrowIfCancellationRequested();
        return finished;
    }

    /// <summary>
    /// Search without a prior <c>ingest</c> reads the configured corpus first, and says so; a run that was killed is
    /// completed before anything is served from the partial store.
    /// </summary>
    public static async Task EnsureIngestedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var last = services.GetRequiredService<ReindexHistory>().Runs.FirstOrDefault();
        if (last is { Outcome: ReindexOutcome.Interrupted })
        {
            Terminal.Notice(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Der letzte Lauf ({last.StartedAt?.ToLocalTime():dd.MM.yyyy HH:mm}) wurde unterbrochen; er wird jetzt vervollständigt …"));
            Report(await ReindexAsync(services, last.Mode, cancellationToken));
            return;
        }

        var statistics = await services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(cancellationToken);
        if (statistics.Documents > 0)
        {
            return;
        }

        Terminal.Notice("Noch kein Bestand vorhanden: der Korpus wird zuerst eingelesen („wissen ingest“) …");
        Report(await ReindexAsync(services, ReindexMode.Incremental, cancellationToken));
    }

    private static void Report(ReindexRun run) =>
        Terminal.Notice(run.Outcome == ReindexOutcome.Succeeded
            ? $"Eingelesen: {run.FilesIngested.Count} Dokumente, {run.ChunksWritten} Abschnitte."
            : run.Message ?? "Das Einlesen ist fehlgeschlagen.");
}
