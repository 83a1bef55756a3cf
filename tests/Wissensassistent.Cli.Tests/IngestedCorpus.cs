using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Testing;

namespace Wissensassistent.Cli.Tests;

/// <summary>
/// The shipped corpus ingested once (lexical only: embeddings would take minutes) into a temporary data folder,
/// shared by every test of the assembly.
/// </summary>
public sealed class IngestedCorpus : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wissen-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public IHost Host { get; private set; } = null!;

    public IngestionReport Report { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public static IHost BuildHost(string data, string corpus) => WissenCommandLine.BuildHost(
    [
        new("Data:Directory", data),
        new("Corpus:Path", corpus),
        new("LanguageModels:Embeddings:Provider", "None"),
    ]);

    public async ValueTask InitializeAsync()
    {
        Host = BuildHost(_data, RepositoryRoot.Corpus);
        Report = await Services.GetRequiredService<IngestionPipeline>().RunAsync(RepositoryRoot.Corpus, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        TemporaryFolder.Delete(_data);
    }
}
