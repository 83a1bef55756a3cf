using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;

namespace Wissensassistent.Qdrant.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddQdrantStore_BindsSection_AndResolvesOneStoreForBothTypes()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Qdrant:Url"] = "http://qdrant:6334",
            ["Qdrant:Collection"] = "amt",
            ["Qdrant:VectorSize"] = "768",
            ["Qdrant:RequestTimeout"] = "00:00:05",
        });

        var options = provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value;
        var store = provider.GetRequiredService<IKnowledgeStore>();

        Assert.Equal("http://qdrant:6334", options.Url);
        Assert.Equal(768, options.VectorSize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Same(provider.GetRequiredService<QdrantKnowledgeStore>(), store);
        Assert.Equal("amt", ((QdrantKnowledgeStore)store).ChunksCollection);
        Assert.Equal("amt_documents", ((QdrantKnowledgeStore)store).DocumentsCollection);
        Assert.NotNull(provider.GetRequiredService<QdrantGenerations>());
    }

    [Fact]
    public void AddQdrantStore_RegistersReadyHealthCheck()
    {
        using var provider = Build([]);

        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var qdrant = Assert.Single(registrations, r => r.Name == "qdrant");
        Assert.Contains("ready", qdrant.Tags);
    }

    [Fact]
    public void AddQdrantStore_InvalidSettings_FailWithGermanMessage()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Qdrant:Url"] = "http://qdrant:6334", ["Qdrant:UseTls"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value);

        Assert.Contains("Qdrant:UseTls ist gesetzt, aber Qdrant:Url beginnt nicht mit https://.", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITextAnalyzer, LowercaseWordAnalyzer>();
        services.AddQdrantStore(configuration);
        return services.BuildServiceProvider();
    }
}
