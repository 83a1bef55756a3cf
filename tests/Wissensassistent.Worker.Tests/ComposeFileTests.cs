using Wissensassistent.Ingestion;
using Wissensassistent.AI;
using Wissensassistent.Core.Storage;
using Wissensassistent.Qdrant;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Testing;

namespace Wissensassistent.Worker.Tests;

/// <summary>The worker service in docker-compose.yml sets only settings the worker has, with values they accept.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void WorkerService_SetsOnlyRealSettings_WithValuesTheyAccept()
    {
        var sections = new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            [StoreOptions.Section] = typeof(StoreOptions),
            [QdrantStoreOptions.SectionName] = typeof(QdrantStoreOptions),
            [LanguageModelOptions.SectionName] = typeof(LanguageModelOptions),
            [CorpusOptions.Section] = typeof(CorpusOptions),
            [WorkerOptions.Section] = typeof(WorkerOptions),
            [DataFolder.SectionName] = typeof(DataFolder),
        };

        var environment = ComposeEnvironment.Of(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml")), "worker");

        Assert.Equal("/data/state", environment["Data__Directory"]);
        Assert.Empty(ComposeEnvironment.Problems(environment, sections));
    }
}
