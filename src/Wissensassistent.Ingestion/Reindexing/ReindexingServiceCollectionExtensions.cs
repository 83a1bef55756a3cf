using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Wissensassistent.Ingestion.Reindexing;

public static class ReindexingServiceCollectionExtensions
{
    /// <summary>
    /// Reindexing in this process, one run at a time: the run history, the runner, the background service,
    /// <see cref="IReindexControl"/> over them, and the embedding phase behind the runs. Hosts that want a run at start
    /// add <see cref="StartupReindex"/> or their own schedule.
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
        services.AddHostedService<EmbeddingPhase>();
        return services;
    }
}
