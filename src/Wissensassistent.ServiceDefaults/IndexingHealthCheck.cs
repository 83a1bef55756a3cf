using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wissensassistent.Core.Indexing;

namespace Wissensassistent.ServiceDefaults;

/// <summary>
/// Indexing as a health state, for the worker's and the web app's <c>/health</c>: Healthy when idle or complete,
/// Degraded while a run is in progress (still serving), Unhealthy after a failed run. Register it once per host:
/// <c>services.AddHealthChecks().AddCheck&lt;IndexingHealthCheck&gt;(IndexingHealthCheck.Name)</c>.
/// </summary>
public sealed class IndexingHealthCheck(IndexingStatus status) : IHealthCheck
{
    public const string Name = "indexing";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = status.Current;
        var data = new Dictionary<string, object>
        {
            ["phase"] = current.Phase.ToString(),
            ["filesDone"] = current.FilesDone,
            ["filesTotal"] = current.FilesTotal,
            ["chunks"] = current.Chunks,
            ["errors"] = current.Errors.Count,
        };
        var result = current.Phase switch
        {
            IndexingPhase.Ingesting => HealthCheckResult.Degraded($"Neuindizierung läuft ({current.FilesDone}/{current.FilesTotal} Dateien)", data: data),
            IndexingPhase.Embedding => HealthCheckResult.Degraded($"Einbettungen werden berechnet ({current.EmbeddingsDone}/{current.EmbeddingsTotal} Abschnitte)", data: data),
            IndexingPhase.Failed => HealthCheckResult.Unhealthy("Die letzte Neuindizierung ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.", data: data),
            IndexingPhase.Completed => HealthCheckResult.Healthy($"Index aktuell ({current.Chunks} Abschnitte)", data),
            _ => HealthCheckResult.Healthy("Bereit", data),
        };
        return Task.FromResult(result);
    }
}
