using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.ServiceDefaults;

namespace Wissensassistent.Cli;

/// <summary>Shared steps of the verbs: ingest with a progress line, and ingest first when nothing is stored yet.</summary>
public static class KnowledgeBase
{
    public static async Task<IngestionReport> IngestAsync(IServiceProvider services, IngestionMode mode, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var corpus = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolvePath();
        var progress = new Progress<IngestionProgress>(p =>
            Terminal.Progress($"[{p.FilesDone,4}/{p.FilesTotal}] {p.ChunksWritten,7} Abschnitte · {p.CurrentFile}"));
        try
        {
            return await pipeline.RunAsync(corpus, mode, progress, cancellationToken);
        }
        finally
        {
            Terminal.EndProgress();
        }
    }

    /// <summary>Search without a prior <c>ingest</c> reads the configured corpus first, and says so.</summary>
    public static async Task EnsureIngestedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IKnowledgeStore>();
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        if (statistics.Documents > 0)
        {
            return;
        }

        Terminal.Notice("Noch kein Bestand vorhanden: der Korpus wird zuerst eingelesen („wissen ingest“) …");
        var report = await IngestAsync(services, IngestionMode.Incremental, cancellationToken);
        Terminal.Notice($"Eingelesen: {report.Ingested.Count} Dokumente, {report.Chunks} Abschnitte in {report.Elapsed.TotalSeconds:0.0} s. Einbettungen berechnet „wissen embed“.");
    }
}
