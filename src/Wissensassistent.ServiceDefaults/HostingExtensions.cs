using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wissensassistent.AI;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Jurisdiction;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Text;
using Wissensassistent.EmbeddedStore;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.EmbeddedStore.DataFolders;
using Wissensassistent.Ingestion;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Qdrant;

namespace Wissensassistent.ServiceDefaults;

public static class HostingExtensions
{
    /// <summary>Names of our ActivitySources and Meters, for OpenTelemetry.</summary>
    public const string TelemetryName = IndexingTelemetry.Name;

    /// <summary>
    /// Everything a host needs to ingest, search and answer: the store chosen by configuration, German analysis,
    /// models, search, answers and the ingestion pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddWissensassistent(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateDataAnnotations();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITextAnalyzer>(GermanAnalyzer.Default);
        var provider = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>()?.Provider ?? StoreProvider.Embedded;
        if (provider == StoreProvider.Qdrant)
        {
            services.AddQdrantStore(configuration);
        }
        else
        {
            services.AddEmbeddedStore(configuration);
        }

        services.AddDataFolder();

        // Every host records what it does (the outcome of its reindex runs, the admin area's actions) in audit.db.
        services.AddSqliteAuditTrail();
        services.AddLanguageModels(configuration);
        services.AddSingleton<IndexingStatus>();
        services.AddSingleton<EmbeddingStatus>();
        services.AddSingleton<KnowledgeReadiness>();
        services.AddSingleton<CorpusRoots>();
        services.AddHostedService<ReadinessMonitor>();
        services.AddSingleton<LawDirectory>();
        services.AddOptions<DeploymentProfile>().BindConfiguration(DeploymentProfile.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApplicableLaw>();
        services.AddSingleton<NormLookup>();
        services.AddSingleton<ISearchService, HybridSearchService>();
        services.AddAnswering(configuration);
        services.AddSingleton<CorpusDocumentParserFactory>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<EmbeddingIndexer>();

        // Ingestion at start belongs to the host that owns reindexing (AddReindexing), never to every process.
        return builder;
    }

    /// <summary>Traces and metrics of ingestion and answering; exported over OTLP when an endpoint is configured.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(TelemetryName).AddSource("Experimental.Microsoft.Extensions.AI*").AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(TelemetryName).AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
