using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Wissensassistent.ServiceDefaults.Reindexing;

public static class ReindexingServiceCollectionExtensions
{
    /// <summary>
    /// Reindexing in this process, one run at a time: the run history, the runner, the background service and
    /// <see cref="IReindexControl"/> over them. Hosts that want a run at start add <see cref="StartupReindex"/> or
    /// their own schedule. The host configures <see cref="ReindexHistoryOptions"/>.
    /// </summary>
    public static IServiceCollection AddReindexing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReindexHistoryOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReindexHistory>();
        services.TryAddSingleton<ReindexRunner>();
        services.TryAddSingleton<ReindexService>();
        services.AddHostedService(provider => provider.GetRequiredService<ReindexService>());
        services.TryAddSingleton<IReindexControl, InProcessReindexControl>();
        return services;
    }
}
