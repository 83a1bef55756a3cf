using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Web.Tests.Security;

namespace Wissensassistent.Web.Tests.Admin;

/// <summary>With Admin:WorkerUrl the worker owns ingestion: the web app never ingests, yet knows what the store holds.</summary>
public sealed class WorkerModeTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new WebAppFactory()
        .With("Admin:WorkerUrl", "http://127.0.0.1:9")
        .With("Admin:WorkerApiKey", "schluessel-des-workers")
        .With("Corpus:IngestOnStartup", "true");

    public async ValueTask InitializeAsync()
    {
        // What the worker wrote before the web app started.
        using var store = new EmbeddedKnowledgeStore(
            Options.Create(new EmbeddedStoreOptions { StoreDirectory = Path.Combine(_app.DataPath, "store") }), GermanAnalyzer.Default, NullLogger<EmbeddedKnowledgeStore>.Instance);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WebApp_RunsNoIngestion_ButAsksAgainstWhatTheWorkerStored()
    {
        var hosted = _app.Services.GetServices<IHostedService>().ToList();

        Assert.IsType<WorkerReindexControl>(_app.Services.GetRequiredService<IReindexControl>());
        Assert.DoesNotContain(hosted, service => service is ReindexService or StartupReindex or EmbeddingPhase);
        Assert.Contains(hosted, service => service is ReadinessMonitor);

        var readiness = _app.Services.GetRequiredService<KnowledgeReadiness>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!readiness.Current.CanAnswer && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(readiness.Current.CanAnswer, $"Der Bestand gilt nicht als durchsuchbar: {readiness.Current}");
        Assert.Equal(IndexingPhase.Idle, _app.Services.GetRequiredService<IndexingStatus>().Current.Phase);
    }
}
