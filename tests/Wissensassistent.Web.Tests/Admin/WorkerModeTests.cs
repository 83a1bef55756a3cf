using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.ServiceDefaults.Reindexing;
using Wissensassistent.Testing;
using Wissensassistent.Web.Admin;
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
            Options.Create(new EmbeddedStoreOptions { DataDirectory = _app.DataPath }), GermanAnalyzer.Default, NullLogger<EmbeddedKnowledgeStore>.Instance);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WebApp_RunsNoIngestion_ButAsksAgainstWhatTheWorkerStored()
    {
        var hosted = _app.Services.GetServices<IHostedService>().ToList();

        Assert.IsType<WorkerReindexControl>(_app.Services.GetRequiredService<IReindexControl>());
        Assert.DoesNotContain(hosted, service => service is ReindexService or StartupReindex);
        Assert.Contains(hosted, service => service is StoreIndexingStatus);

        var status = _app.Services.GetRequiredService<IndexingStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!status.Current.IsSearchable && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(status.Current.IsSearchable, $"Der Bestand gilt nicht als durchsuchbar: {status.Current}");
        Assert.Equal(IndexingPhase.Idle, status.Current.Phase);
    }
}
