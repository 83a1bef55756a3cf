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
        services.AddReindexAudit();
        return services;
    }

    /// <summary>Reindex runs into the audit trail (<see cref="ReindexAudit"/>), also for a host that drives the worker.</summary>
    public static IServiceCollection AddReindexAudit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ReindexAudit)))
        {
            return services;
        }

        services.AddSingleton<ReindexAudit>();
        services.AddHostedService(provider => provider.GetRequiredService<ReindexAudit>());
        return services;
    }
}
