using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker.Tests;

/// <summary>The web app's HTTP client of the control API against the real worker: both sides of one contract.</summary>
public sealed class WorkerReindexControlTests : IAsyncLifetime
{
    private readonly WorkerHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_WhileRunning_IsRefused_AndStatusCancelAndHistoryRoundTrip()
    {
        _host.Gate.IsClosed = true;
        using var http = _host.CreateAuthorizedClient();
        var control = new WorkerReindexControl(http);

        var started = await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct);
        await _host.Gate.Entered.WaitAsync(Ct);
        var refused = await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Admin, Ct);
        var running = await control.GetStatusAsync(Ct);
        var cancelled = await control.CancelAsync(Ct);
        var finished = await _host.WaitForIdleAsync();
        var history = await control.GetHistoryAsync(Ct);
        var idle = await control.GetStatusAsync(Ct);

        Assert.NotNull(started);
        Assert.Equal(ReindexMode.Full, started.Mode);
        Assert.Equal(ReindexTrigger.Admin, started.Trigger);
        Assert.Null(refused);
        Assert.Equal(started.Id, running.Active?.Id);
        Assert.Equal(ReindexOutcome.Running, running.Active?.Outcome);
        Assert.Equal(started.Id, cancelled?.Id);
        Assert.Equal(ReindexOutcome.Cancelled, finished.Outcome);
        Assert.Equal(started.Id, history[0].Id);
        Assert.Equal(ReindexOutcome.Cancelled, history[0].Outcome);
        Assert.Null(idle.Active);
        Assert.Equal(started.Id, idle.LastFinished?.Id);
        Assert.Null(await control.CancelAsync(Ct));
    }

    [Fact]
    public async Task WrongKey_FailsLoudly_InsteadOfLookingIdle()
    {
        using var http = _host.CreateClient();
        http.DefaultRequestHeaders.Add(WorkerReindexControl.ApiKeyHeader, "wrong-key-0123456789abcdef");
        var control = new WorkerReindexControl(http);

        await Assert.ThrowsAsync<HttpRequestException>(() => control.GetStatusAsync(Ct));
        await Assert.ThrowsAsync<HttpRequestException>(() => control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Admin, Ct));
    }
}
