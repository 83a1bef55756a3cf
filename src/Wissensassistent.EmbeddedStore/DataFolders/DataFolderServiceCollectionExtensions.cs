using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.EmbeddedStore.DataFolders;

public static class DataFolderServiceCollectionExtensions
{
    /// <summary>Settings that named the data folder before <c>Data:Directory</c> existed; still honoured on upgrade.</summary>
    public static readonly IReadOnlyList<string> LegacyDirectoryKeys = ["EmbeddedStore:DataDirectory", "Worker:DataDirectory"];

    /// <summary>
    /// <see cref="DataFolder"/> from the section <c>Data</c> (or, when unset, from a legacy setting) and the one-time move
    /// of an older layout into it. Safe to call from every project that writes into the data folder.
    /// </summary>
    /// <param name="configuration">The configuration to bind; without it, the one registered in the container.</param>
    public static IServiceCollection AddDataFolder(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(LegacyLayoutMigration)))
        {
            // Registered already (the store, the feedback store and the host each ask for it): bind and validate once.
            return services;
        }

        var options = services.AddOptions<DataFolder>();
        if (configuration is null)
        {
            options.Configure<IConfiguration>(Bind);
        }
        else
        {
            options.Configure(data => Bind(data, configuration));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LegacyLayoutMigration>();
        return services;
    }

    private static void Bind(DataFolder data, IConfiguration configuration)
    {
        configuration.GetSection(DataFolder.SectionName).Bind(data);
        if (configuration[$"{DataFolder.SectionName}:{nameof(DataFolder.Directory)}"] is null
            && LegacyDirectoryKeys.Select(key => configuration[key]).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) is { } legacy)
        {
            data.Directory = legacy;
        }
    }
}
