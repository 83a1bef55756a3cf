using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the Qdrant store as <see cref="IKnowledgeStore"/> (section <c>Qdrant</c>, validated at start), the
    /// shared <see cref="QdrantConnection"/>, <see cref="QdrantGenerations"/> and <see cref="IKnowledgeStoreGenerations"/> for reindexing and the health check
    /// <c>qdrant</c> (tag <c>ready</c>). The German <see cref="Core.Text.ITextAnalyzer"/> must be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddQdrantStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<QdrantStoreOptions>()
            .Bind(configuration.GetSection(QdrantStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<QdrantConnection>();
        services.TryAddSingleton<QdrantGenerations>();
        services.TryAddSingleton<QdrantKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<QdrantKnowledgeStore>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QdrantStoreGenerations>();
        services.AddSingleton<IKnowledgeStoreGenerations>(sp => sp.GetRequiredService<QdrantStoreGenerations>());
        services.AddHealthChecks().AddCheck<QdrantHealthCheck>("qdrant", tags: ["ready"]);
        return services;
    }
}
