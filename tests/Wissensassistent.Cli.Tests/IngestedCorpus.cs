using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
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

    /// <summary>A search over the ingested corpus with options of the test's own (a thesaurus file, weights), optionally through a wrapping store.</summary>
    public HybridSearchService SearchWith(SearchOptions options, IKnowledgeStore? store = null) => new(
        store ?? Services.GetRequiredService<IKnowledgeStore>(),
        Services.GetRequiredService<ITextAnalyzer>(),
        Services.GetRequiredService<LawDirectory>(),
        Options.Create(options),
        NullLogger<HybridSearchService>.Instance,
        applicableLaw: Services.GetRequiredService<ApplicableLaw>());

    /// <summary>Writes a thesaurus of one synonym set (OpenThesaurus text format) into <paramref name="folder"/>.</summary>
    public static string WriteThesaurus(string folder, string synonymSet)
    {
        var file = Path.Combine(folder, "thesaurus.txt");
        File.WriteAllText(file, "# Test\n" + synonymSet + "\n");
        return file;
    }

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
