using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wissensassistent.Core.Indexing;
using Wissensassistent.ServiceDefaults;

namespace Wissensassistent.Worker.Tests;

public sealed class IndexingHealthCheckTests
{
    [Theory]
    [InlineData(IndexingPhase.Idle, HealthStatus.Healthy, "Bereit")]
    [InlineData(IndexingPhase.Completed, HealthStatus.Healthy, "Index aktuell (300 Abschnitte)")]
    [InlineData(IndexingPhase.Ingesting, HealthStatus.Degraded, "Neuindizierung läuft (12/152 Dateien)")]
    [InlineData(IndexingPhase.Embedding, HealthStatus.Degraded, "Einbettungen werden berechnet (40/300 Abschnitte)")]
    [InlineData(IndexingPhase.Failed, HealthStatus.Unhealthy, "Die letzte Neuindizierung ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.")]
    public async Task Check_ReflectsIndexingPhase(IndexingPhase phase, HealthStatus expected, string description)
    {
        var status = new IndexingStatus();
        status.Update(s => s with { Phase = phase, FilesDone = 12, FilesTotal = 152, Chunks = 300, EmbeddingsDone = 40, EmbeddingsTotal = 300 });

        var result = await new IndexingHealthCheck(status).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal(description, result.Description);
    }
}
