using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>The web app on the embedded default reindexes in its own process, one run at a time.</summary>
public sealed class InProcessReindexTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Start_RunsExactlyOneRun_AndASecondStartWhileItRunsIsRefused()
    {
        var control = _app.Services.GetRequiredService<IReindexControl>();
        Assert.IsType<InProcessReindexControl>(control);
        _app.Gate.IsClosed = true;

        var first = await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct);
        await _app.Gate.Entered.WaitAsync(Ct);
        var second = await control.StartAsync(ReindexMode.Incremental, ReindexTrigger.Admin, Ct);
        var running = await control.GetStatusAsync(Ct);
        _app.Gate.Release();
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }

        var history = await control.GetHistoryAsync(Ct);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first.Id, running.Active?.Id);
        var run = Assert.Single(history);
        Assert.Equal(first.Id, run.Id);
        Assert.Equal(ReindexOutcome.Succeeded, run.Outcome);
        Assert.Equal(ReindexTrigger.Admin, run.Trigger);
        Assert.Equal(2, run.FilesIngested.Count);
        Assert.True(File.Exists(Path.Combine(_app.DataPath, "reindex-history.json")));
    }
}
