using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>"Can answer" comes from the live store, never from a run's progress.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // A store filled earlier; this start ingests nothing (Corpus:IngestOnStartup=false).
        using var store = new EmbeddedKnowledgeStore(
            Options.Create(new EmbeddedStoreOptions { StoreDirectory = Path.Combine(_app.DataPath, "store") }), GermanAnalyzer.Default, NullLogger<EmbeddedKnowledgeStore>.Instance);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FilledStoreWithoutIngestOnStartup_CanAnswer()
    {
        var readiness = await WaitForAsync(_app.Services.GetRequiredService<KnowledgeReadiness>(), r => r.Known);

        Assert.True(readiness.CanAnswer);
        Assert.Equal(IndexingPhase.Idle, _app.Services.GetRequiredService<IndexingStatus>().Current.Phase);
    }

    [Fact]
    public async Task DuringAFullReindex_AndAfterAFailedOne_TheLiveGenerationStillAnswers()
    {
        var readiness = _app.Services.GetRequiredService<KnowledgeReadiness>();
        await WaitForAsync(readiness, r => r.CanAnswer);
        var control = _app.Services.GetRequiredService<IReindexControl>();
        _app.Gate.IsClosed = true;

        Assert.NotNull(await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct));
        await _app.Gate.Entered.WaitAsync(Ct);
        var during = await readiness.RefreshAsync(Ct);

        _app.Gate.Release();
        await WaitForIdleAsync(control);

        // The corpus goes away: the next generation is rejected, the last one stays live.
        Directory.Delete(_app.CorpusPath, recursive: true);
        Directory.CreateDirectory(_app.CorpusPath);
        Assert.NotNull(await control.StartAsync(ReindexMode.Full, ReindexTrigger.Admin, Ct));
        var run = await WaitForIdleAsync(control);

        Assert.True(during.CanAnswer);
        Assert.Equal(ReindexOutcome.Failed, run.Outcome);
        Assert.Equal(IndexingPhase.Failed, _app.Services.GetRequiredService<IndexingStatus>().Current.Phase);
        Assert.True(readiness.Current.CanAnswer);
    }

    private static async Task<ReindexRun> WaitForIdleAsync(IReindexControl control)
    {
        while ((await control.GetStatusAsync(Ct)).Active is not null)
        {
            await Task.Delay(20, Ct);
        }

        return (await control.GetHistoryAsync(Ct))[0];
    }

    private static async Task<ReadinessSnapshot> WaitForAsync(KnowledgeReadiness readiness, Func<ReadinessSnapshot, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition(readiness.Current) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        return readiness.Current;
    }
}
