using Microsoft.AspNetCore.Http.HttpResults;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker;

public static class WorkerEndpoints
{
    /// <summary>
    /// <c>GET /health</c> (no key) and the control API under <c>/api/reindex</c> (key in header <c>X-Api-Key</c>):
    /// <c>POST ?mode=incremental|full[&amp;trigger=admin|upload]</c>, <c>POST /cancel</c>, <c>GET /status</c>, <c>GET /history</c>.
    /// </summary>
    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health");

        var reindex = app.MapGroup("/api/reindex").AddEndpointFilter<ApiKeyEndpointFilter>();
        reindex.MapPost("/", Start);
        reindex.MapPost("/cancel", Cancel);
        reindex.MapGet("/status", async (IReindexControl control, CancellationToken cancellationToken) =>
            TypedResults.Ok(await control.GetStatusAsync(cancellationToken)));
        reindex.MapGet("/history", (ReindexHistory history) => TypedResults.Ok(history.Runs));
        return app;
    }

    private static Results<Accepted<ReindexRun>, ProblemHttpResult> Start(string? mode, string? trigger, ReindexService service)
    {
        ReindexMode parsed;
        if (string.IsNullOrWhiteSpace(mode))
        {
            parsed = ReindexMode.Incremental;
        }
        else if (!Enum.TryParse(mode, ignoreCase: true, out parsed) || !Enum.IsDefined(parsed))
        {
            return TypedResults.Problem(
                title: "Unbekannte Art der Neuindizierung",
                detail: $"„{mode}“ ist keine Art der Neuindizierung; erlaubt sind „incremental“ und „full“.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (service.TryStart(parsed, CallerTrigger(trigger)) is not { } run)
        {
            return TypedResults.Problem(
                title: "Neuindizierung läuft bereits",
                detail: $"Es läuft bereits eine Neuindizierung (Lauf {service.Active?.Id}). Bitte warten oder sie abbrechen.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted("/api/reindex/status", run);
    }

    /// <summary>The admin area says it started a run (or an upload did); anything else calling the API is recorded as the API.</summary>
    private static ReindexTrigger CallerTrigger(string? trigger) => trigger?.ToLowerInvariant() switch
    {
        "admin" => ReindexTrigger.Admin,
        "upload" => ReindexTrigger.Upload,
        _ => ReindexTrigger.Api,
    };

    private static Results<Accepted<ReindexRun>, ProblemHttpResult> Cancel(ReindexService service)
    {
        if (service.Cancel() is not { } run)
        {
            return TypedResults.Problem(
                title: "Keine Neuindizierung aktiv",
                detail: "Es läuft keine Neuindizierung, die abgebrochen werden könnte.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Accepted("/api/reindex/status", run);
    }
}
