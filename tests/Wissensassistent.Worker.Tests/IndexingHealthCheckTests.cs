using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wissensassistent.Core.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Testing;

namespace Wissensassistent.Worker.Tests;

public sealed class IndexingHealthCheckTests
{
    [Theory]
    [InlineData(IndexingPhase.Idle, EmbeddingState.Disabled, HealthStatus.Healthy, "Bereit (300 Abschnitte)")]
    [InlineData(IndexingPhase.Completed, EmbeddingState.Idle, HealthStatus.Healthy, "Bereit (300 Abschnitte)")]
    [InlineData(IndexingPhase.Ingesting, EmbeddingState.Paused, HealthStatus.Degraded, "Neuindizierung läuft (12/152 Dateien)")]
    [InlineData(IndexingPhase.Completed, EmbeddingState.Running, HealthStatus.Degraded, "Einbettungen werden berechnet (40/300 Abschnitte)")]
    [InlineData(IndexingPhase.Failed, EmbeddingState.Disabled, HealthStatus.Degraded, "Die letzte Neuindizierung ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.")]
    public async Task Check_ReflectsRunAndEmbeddingPhase_WhileTheLiveStoreServes(IndexingPhase phase, EmbeddingState embedding, HealthStatus expected, string description)
    {
        var (status, embeddings, readiness) = await StatesAsync(chunks: 300);
        status.Update(s => s with { Phase = phase, FilesDone = 12, FilesTotal = 152 });
        embeddings.Update(_ => new EmbeddingSnapshot(embedding, "m", 40, 300));

        var result = await new IndexingHealthCheck(status, embeddings, readiness).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Equal(description, result.Description);
    }

    [Fact]
    public async Task Check_StoreUnreachable_IsUnhealthy()
    {
        var (status, embeddings, readiness) = await StatesAsync(chunks: null);

        var result = await new IndexingHealthCheck(status, embeddings, readiness).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("nicht erreichbar", result.Description, StringComparison.Ordinal);
    }

    private static async Task<(IndexingStatus, EmbeddingStatus, KnowledgeReadiness)> StatesAsync(int? chunks)
    {
        var readiness = new KnowledgeReadiness(StatisticsOnlyStore.WithChunks(chunks), TimeProvider.System, NullLogger<KnowledgeReadiness>.Instance);
        await readiness.RefreshAsync(TestContext.Current.CancellationToken);
        return (new IndexingStatus(), new EmbeddingStatus(), readiness);
    }
}
