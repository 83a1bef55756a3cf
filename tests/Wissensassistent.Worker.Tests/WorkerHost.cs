using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Worker.Tests;

/// <summary>
/// The real worker on a small temporary corpus (a few real corpus files) with the embedded store in a temporary data
/// folder and no embedding model. Full runs wait at <see cref="Gate"/> inside the new generation when asked to.
/// </summary>
public sealed class WorkerHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly TemporaryFolder _folder = new("wissen-worker");
    private readonly Dictionary<string, string?> _settings;

    public WorkerHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        TestCorpus.CopyTo(CorpusPath);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Store:Provider"] = "Embedded",
            ["Corpus:Path"] = CorpusPath,
            ["LanguageModels:Embeddings:Provider"] = "None",
            ["Worker:ApiKey"] = ApiKey,
            ["Data:Directory"] = DataPath,
            ["Worker:IndexOnStartup"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string CorpusPath => _folder.Combine("corpus");

    public string DataPath => _folder.Combine("data");

    /// <summary>Holds writes into a new generation until released.</summary>
    public GenerationGate Gate { get; } = new();

    public ReindexService Reindex => Services.GetRequiredService<ReindexService>();

    public IKnowledgeStore Store => Services.GetRequiredService<IKnowledgeStore>();

    /// <summary>What the worker logs, filtered by its own configuration (appsettings.json).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyEndpointFilter.HeaderName, ApiKey);
        return client;
    }

    /// <summary>Waits until no run is queued or running and returns the newest run of the history.</summary>
    public async Task<ReindexRun> WaitForIdleAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (Reindex.Active is not null)
        {
            await Task.Delay(20, timeout.Token);
        }

        return Services.GetRequiredService<ReindexHistory>().Runs[0];
    }

    public async Task<ReindexRun> RunAsync(ReindexMode mode)
    {
        Assert.NotNull(Reindex.TryStart(mode, ReindexTrigger.Api));
        return await WaitForIdleAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => GatedGenerations.Replace(services, Gate));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
