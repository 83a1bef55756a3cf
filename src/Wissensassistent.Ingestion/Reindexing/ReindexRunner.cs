using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Ingestion.Reindexing;

/// <summary>
/// Carries out one run, the same for the CLI, the web app and the worker; the pipeline is given the run's target store.
/// Incremental: changed, new and deleted files are written into the live store. Full: everything goes into a new
/// generation beside the live one; only when it is complete and checked does it go live in one switch. Cancelling, a
/// failed check or an error discards the new generation and the live one keeps serving. Embeddings are not part of a
/// run: <see cref="EmbeddingPhase"/> fills them in afterwards.
/// </summary>
public sealed partial class ReindexRunner(
    IKnowledgeStore store,
    IKnowledgeStoreGenerations generations,
    IngestionPipeline pipeline,
    IndexingStatus status,
    KnowledgeReadiness readiness,
    TimeProvider timeProvider,
    ILogger<ReindexRunner> logger)
{
    /// <summary>Runs to the end; never throws. The returned run carries the outcome, counts and changes.</summary>
    public async Task<ReindexRun> RunAsync(ReindexRun run, CancellationToken cancellationToken) =>
        await RunAsync(run, progress: null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="RunAsync(ReindexRun, CancellationToken)"/>
    public async Task<ReindexRun> RunAsync(ReindexRun run, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var activity = IndexingTelemetry.Source.StartActivity("reindex");
        activity?.SetTag("wissen.reindex.id", run.Id);
        activity?.SetTag("wissen.reindex.mode", run.Mode.ToString());
        activity?.SetTag("wissen.reindex.trigger", run.Trigger.ToString());
        var stopwatch = Stopwatch.StartNew();
        LogRunStarted(logger, run.Id, run.Mode, run.Trigger);

        ReindexRun finished;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            finished = run.Mode == ReindexMode.Full
                ? await RunFullAsync(run, progress, cancellationToken).ConfigureAwait(false)
                : await RunIncrementalAsync(run, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (IngestionCancelledException cancelled) when (cancellationToken.IsCancellationRequested)
        {
            // The true counts of what was read before the stop; a full run's generation is discarded, an incremental
            // run's batches stay in the live store.
            finished = WithCounts(run, cancelled.Partial) with
            {
                Outcome = ReindexOutcome.Cancelled,
                Message = run.Mode == ReindexMode.Full
                    ? "Die Neuindizierung wurde abgebrochen; die neue Generation wurde verworfen, der bisherige Index bleibt aktiv."
                    : "Die Neuindizierung wurde abgebrochen; die bis dahin eingelesenen Dateien sind im Bestand.",
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            finished = run with { Outcome = ReindexOutcome.Cancelled, Message = "Die Neuindizierung wurde abgebrochen; der bisherige Index bleibt aktiv." };
        }
        catch (KnowledgeStoreUnavailableException unavailable)
        {
            // Operations' concern, not a bug: the reason without a stack trace.
            LogStoreUnavailable(logger, run.Id, unavailable.Message);
            finished = run with { Outcome = ReindexOutcome.Failed, Message = $"Der Wissensspeicher ist nicht erreichbar ({unavailable.Message}); der bisherige Index bleibt aktiv." };
        }
        catch (Exception exception)
        {
            LogRunCrashed(logger, run.Id, exception);
            finished = run with { Outcome = ReindexOutcome.Failed, Message = $"Die Neuindizierung ist fehlgeschlagen ({exception.GetType().Name}); der bisherige Index bleibt aktiv." };
        }

        finished = finished with { FinishedAt = timeProvider.GetUtcNow() };
        await PublishFinalStatusAsync(finished).ConfigureAwait(false);

        var outcome = finished.Outcome.ToString();
        activity?.SetTag("wissen.reindex.outcome", outcome);
        if (finished.Outcome != ReindexOutcome.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        IndexingTelemetry.RunDuration.Record(
            stopwatch.Elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("mode", run.Mode.ToString()),
            new KeyValuePair<string, object?>("outcome", outcome));
        LogRunFinished(logger, run.Id, finished.Outcome, finished.FilesIngested.Count, finished.FilesDeleted.Count, finished.Errors.Count, stopwatch.ElapsedMilliseconds);
        return finished;
    }

    private async Task<ReindexRun> RunIncrementalAsync(ReindexRun run, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var report = await pipeline.RunAsync(store, IngestionMode.Incremental, progress, cancellationToken).ConfigureAwait(false);
        var statistics = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        return Completed(run, report, statistics);
    }

    private async Task<ReindexRun> RunFullAsync(ReindexRun run, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var generation = await generations.CreateGenerationAsync(cancellationToken).ConfigureAwait(false);
        var live = false;
        try
        {
            var report = await pipeline.RunAsync(generation, IngestionMode.Full, progress, cancellationToken).ConfigureAwait(false);
            var statistics = await generation.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);

            if (Check(report, statistics) is { } problem)
            {
                LogGenerationRejected(logger, run.Id, problem);
                return Completed(run, report, statistics) with { Outcome = ReindexOutcome.Failed, Message = problem };
            }

            var previous = await NormInventory.ReadAsync(store, cancellationToken).ConfigureAwait(false);
            var next = await NormInventory.ReadAsync(generation, cancellationToken).ConfigureAwait(false);
            var changes = previous.CompareTo(next);
            cancellationToken.ThrowIfCancellationRequested();

            // From here on the run completes: a switch half-cancelled would gain nothing.
            await generations.SwitchToAsync(generation, CancellationToken.None).ConfigureAwait(false);
            live = true;
            LogGenerationLive(logger, run.Id, statistics.Documents, statistics.Chunks, changes.Added.Count, changes.Changed.Count, changes.Removed.Count);
            return Completed(run, report, statistics) with { NormChanges = changes };
        }
        finally
        {
            if (!live)
            {
                await DiscardAsync(run, generation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether a new generation may replace the live one: null when it may, otherwise the German reason.</summary>
    internal static string? Check(IngestionReport report, StoreStatistics statistics)
    {
        if (report.FilesSeen == 0)
        {
            return "Der Korpusordner enthält keine unterstützten Dateien; die neue Generation wurde verworfen, der bisherige Index bleibt aktiv.";
        }

        if (statistics.Documents == 0 || statistics.Chunks == 0)
        {
            return "Die neue Generation enthält keine Dokumente; sie wurde verworfen, der bisherige Index bleibt aktiv.";
        }

        if (report.Failed.Count * 2 > report.FilesSeen)
        {
            return $"{report.Failed.Count} von {report.FilesSeen} Dateien konnten nicht gelesen werden; die neue Generation wurde verworfen, der bisherige Index bleibt aktiv.";
        }

        return null;
    }

    private static ReindexRun Completed(ReindexRun run, IngestionReport report, StoreStatistics statistics) => WithCounts(run, report) with
    {
        Outcome = ReindexOutcome.Succeeded,
        Documents = statistics.Documents,
        Chunks = statistics.Chunks,
        Embedded = statistics.ChunksWithEmbedding,
    };

    private static ReindexRun WithCounts(ReindexRun run, IngestionReport report) => run with
    {
        FilesSeen = report.FilesSeen,
        FilesIngested = report.Ingested,
        FilesUnchanged = report.Unchanged,
        FilesDeleted = report.Deleted,
        Errors = [.. report.Failed, .. report.Skipped],
        FilesFailed = report.Failed.Count,
        Warnings = report.Warnings,
        NormsWritten = report.Norms,
        ChunksWritten = report.Chunks,
    };

    private async Task DiscardAsync(ReindexRun run, IKnowledgeStore generation)
    {
        try
        {
            await generations.DiscardAsync(generation, CancellationToken.None).ConfigureAwait(false);
            LogGenerationDiscarded(logger, run.Id);
        }
        catch (Exception exception)
        {
            // The next full run removes what is left of it.
            LogDiscardFailed(logger, run.Id, exception);
        }
    }

    /// <summary>The run's final progress, and readiness read again from the live store (new generation, new counts).</summary>
    private async Task PublishFinalStatusAsync(ReindexRun run)
    {
        await readiness.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        var phase = run.Outcome switch
        {
            ReindexOutcome.Succeeded => IndexingPhase.Completed,
            ReindexOutcome.Failed => IndexingPhase.Failed,
            _ => IndexingPhase.Idle,
        };
        status.Update(s => s with
        {
            Phase = phase,
            CurrentFile = null,
            Errors = run.Message is { } message && run.Outcome == ReindexOutcome.Failed ? [.. run.Errors, new FileError(string.Empty, message)] : run.Errors,
            FinishedAt = run.FinishedAt,
        });
    }

    [LoggerMessage(6000, LogLevel.Information, "Reindex {RunId} started: mode {Mode}, trigger {Trigger}")]
    private static partial void LogRunStarted(ILogger logger, string runId, ReindexMode mode, ReindexTrigger trigger);

    [LoggerMessage(6001, LogLevel.Information, "Reindex {RunId} finished: {Outcome}, {Ingested} files ingested, {Deleted} deleted, {Errors} errors in {ElapsedMs} ms")]
    private static partial void LogRunFinished(ILogger logger, string runId, ReindexOutcome outcome, int ingested, int deleted, int errors, long elapsedMs);

    [LoggerMessage(6008, LogLevel.Warning, "Reindex {RunId} failed: the store is unreachable ({Reason})")]
    private static partial void LogStoreUnavailable(ILogger logger, string runId, string reason);

    [LoggerMessage(6002, LogLevel.Error, "Reindex {RunId} failed")]
    private static partial void LogRunCrashed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(6003, LogLevel.Warning, "Reindex {RunId}: new generation rejected: {Reason}")]
    private static partial void LogGenerationRejected(ILogger logger, string runId, string reason);

    [LoggerMessage(6004, LogLevel.Information, "Reindex {RunId}: new generation live with {Documents} documents, {Chunks} chunks; norms added {Added}, changed {Changed}, removed {Removed}")]
    private static partial void LogGenerationLive(ILogger logger, string runId, int documents, int chunks, int added, int changed, int removed);

    [LoggerMessage(6005, LogLevel.Information, "Reindex {RunId}: new generation discarded; the live index is unchanged")]
    private static partial void LogGenerationDiscarded(ILogger logger, string runId);

    [LoggerMessage(6006, LogLevel.Warning, "Reindex {RunId}: new generation could not be discarded")]
    private static partial void LogDiscardFailed(ILogger logger, string runId, Exception exception);
}
