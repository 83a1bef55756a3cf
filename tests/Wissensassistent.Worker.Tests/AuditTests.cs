using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Audit;

namespace Wissensassistent.Worker.Tests;

/// <summary>The worker records the runs it does in the audit trail of its data folder, whoever started them.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private readonly WorkerHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunStartedThroughTheControlApi_IsRecordedWithItsOutcome()
    {
        using var client = _host.CreateAuthorizedClient();

        using var started = await client.PostAsync("/api/reindex?mode=incremental", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await _host.WaitForIdleAsync();

        var trail = _host.Services.GetRequiredService<IAuditTrail>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<AuditEntry> finished;
        while ((finished = await trail.QueryAsync(new AuditQuery(Action: AuditActions.ReindexFinished), Ct)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Der Lauf steht nicht im Protokoll.");
            await Task.Delay(50, Ct);
        }

        Assert.Equal($"Lauf {run.Id} (inkrementell)", Assert.Single(finished).Object);
        Assert.StartsWith("erfolgreich", finished[0].Outcome, StringComparison.Ordinal);
        var start = Assert.Single(await trail.QueryAsync(new AuditQuery(Action: AuditActions.ReindexStarted), Ct));
        Assert.Equal(("(Steuer-API)", $"Lauf {run.Id} (inkrementell)"), (start.Actor, start.Object));
        Assert.True(File.Exists(Path.Combine(_host.DataPath, "audit.db")));
    }
}
