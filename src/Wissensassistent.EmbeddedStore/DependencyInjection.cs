using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.DataFolders;

namespace Wissensassistent.EmbeddedStore;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="EmbeddedKnowledgeStore"/> as the singleton <see cref="IKnowledgeStore"/> and
    /// <see cref="IKnowledgeStoreGenerations"/>, with options from
    /// the section <c>EmbeddedStore</c>, its files in the data folder's <c>store/</c>. An <see cref="Core.Text.ITextAnalyzer"/> must be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddDataFolder(configuration);
        services.AddOptions<EmbeddedStoreOptions>()
            .Bind(configuration.GetSection(EmbeddedStoreOptions.SectionName))
            .Configure<IOptions<DataFolder>>((store, data) => store.StoreDirectory ??= data.Value.StoreDirectory)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EmbeddedKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(provider => provider.GetRequiredService<EmbeddedKnowledgeStore>());
        services.AddSingleton<IKnowledgeStoreGenerations>(provider => provider.GetRequiredService<EmbeddedKnowledgeStore>());
        return services;
    }
}
