using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wissensassistent.Core.Indexing;

namespace Wissensassistent.ServiceDefaults;

/// <summary>
/// Indexing as a health state, for the worker's and the web app's <c>/health</c>. Unhealthy only when the live store
/// cannot be read; Degraded while a run or the embedding phase works, or after a failed run (the previous generation
/// still serves); Healthy otherwise. Register it once per host:
/// <c>services.AddHealthChecks().AddCheck&lt;IndexingHealthCheck&gt;(IndexingHealthCheck.Name)</c>.
/// </summary>
public sealed class IndexingHealthCheck(IndexingStatus status, EmbeddingStatus embeddings, KnowledgeReadiness readiness) : IHealthCheck
{
    public const string Name = "indexing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var run = status.Current;
        var embedding = embeddings.Current;
        var live = readiness.Current;
        var data = new Dictionary<string, object>
        {
            ["phase"] = run.Phase.ToString(),
            ["filesDone"] = run.FilesDone,
            ["filesTotal"] = run.FilesTotal,
            ["chunks"] = live.Statistics?.Chunks ?? 0,
            ["canAnswer"] = live.CanAnswer,
            ["embeddings"] = embedding.State.ToString(),
            ["errors"] = run.Errors.Count,
        };
        HealthCheckResult result;
        if (live.Problem is { } problem)
        {
            result = HealthCheckResult.Unhealthy(problem, data: data);
        }
        else if (run.Phase == IndexingPhase.Ingesting)
        {
            result = HealthCheckResult.Degraded($"Neuindizierung läuft ({run.FilesDone}/{run.FilesTotal} Dateien)", data: data);
        }
        else if (run.Phase == IndexingPhase.Failed)
        {
            result = HealthCheckResult.Degraded("Die letzte Neuindizierung ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.", data: data);
        }
        else if (embedding.State is EmbeddingState.Running or EmbeddingState.Paused)
        {
            result = HealthCheckResult.Degraded($"Einbettungen werden berechnet ({embedding.Done}/{embedding.Total} Abschnitte)", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy(live.CanAnswer ? $"Bereit ({live.Statistics!.Chunks} Abschnitte)" : "Bereit", data);
        }

        return Task.FromResult(result);
    }
}
