using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Wissensassistent.ServiceDefaults;
using Wissensassistent.Ingestion.Reindexing;
using Wissensassistent.Worker.Reindexing;

namespace Wissensassistent.Worker;

public static class DependencyInjection
{
    /// <summary>
    /// The worker's parts: options (validated at start: no key, no start), the reindex service with its schedule and
    /// optional folder watch, the run history, the indexing health check, and the loopback default address.
    /// </summary>
    public static WebApplicationBuilder AddWorker(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();

        // The worker indexes through the shared reindex service, one run at a time; its history is in the data folder.
        services.AddReindexing();
        services.AddOptions<ReindexHistoryOptions>().Configure<IOptions<WorkerOptions>>((history, worker) => history.HistoryLength = worker.Value.HistoryLength);
        services.AddHostedService<ScheduledReindex>();
        if (builder.Configuration.GetValue<bool>($"{WorkerOptions.Section}:{nameof(WorkerOptions.WatchCorpus)}"))
        {
            services.AddHostedService<CorpusWatcher>();
        }

        services.AddHealthChecks().AddCheck<IndexingHealthCheck>(IndexingHealthCheck.Name);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();

        if (!HasConfiguredAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(WorkerOptions.DefaultUrl);
        }

        return builder;
    }

    /// <summary>ASPNETCORE_URLS, ASPNETCORE_HTTP(S)_PORTS (set in the container image) or Kestrel endpoints.</summary>
    private static bool HasConfiguredAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
