using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddEmbeddedStore_BindsOptionsAndRegistersOneSingletonStore()
    {
        using var provider = Provider(new() { ["Data:Directory"] = "/var/lib/wissen", ["EmbeddedStore:FileName"] = "index.db" });

        var store = Assert.IsType<EmbeddedKnowledgeStore>(provider.GetRequiredService<IKnowledgeStore>());

        Assert.Equal("/var/lib/wissen/store/index.db", store.DatabasePath);
        Assert.Same(store, provider.GetRequiredService<EmbeddedKnowledgeStore>());
    }

    [Fact]
    public void AddEmbeddedStore_WithoutSection_UsesDataFolderDefaults()
    {
        using var provider = Provider([]);

        var options = provider.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value;

        Assert.Equal((Path.GetFullPath("data/store"), "wissen.db", 1.2, 0.75), (options.StoreDirectory, options.FileName, options.Bm25K1, options.Bm25B));
    }

    [Fact]
    public void AddEmbeddedStore_InvalidOptions_FailValidation()
    {
        using var provider = Provider(new() { ["EmbeddedStore:FileName"] = "a/b.db", ["EmbeddedStore:Bm25B"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITextAnalyzer, SimpleTextAnalyzer>();
        services.AddEmbeddedStore(configuration);
        return services.BuildServiceProvider();
    }
}
