using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="EmbeddedKnowledgeStore"/> as the singleton <see cref="IKnowledgeStore"/> and
    /// <see cref="IKnowledgeStoreGenerations"/>, with options from
    /// the section <c>EmbeddedStore</c>. An <see cref="Core.Text.ITextAnalyzer"/> must be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmbeddedStoreOptions>()
            .Bind(configuration.GetSection(EmbeddedStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EmbeddedKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(provider => provider.GetRequiredService<EmbeddedKnowledgeStore>());
        services.AddSingleton<IKnowledgeStoreGenerations>(provider => provider.GetRequiredService<EmbeddedKnowledgeStore>());
        return services;
    }
}
