using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Cli.Commands;

/// <summary><c>wissen embed</c>: computes the embeddings that are still missing, with progress.</summary>
public sealed class EmbedCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        await EmbedAsync(services, cancellationToken);
        return 0;
    }

    public static async Task EmbedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var indexer = services.GetRequiredService<EmbeddingIndexer>();
        if (!indexer.IsEnabled)
        {
            Console.WriteLine("Kein Einbettungsmodell eingerichtet: die Suche arbeitet lexikalisch.");
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var progress = new Progress<(int Done, int Total)>(p =>
            Terminal.Progress(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Einbettungen ({indexer.ModelId}): {p.Done}/{p.Total} · {p.Done / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds):0.0}/s")));
        int count;
        try
        {
            count = await indexer.RunAsync(progress, cancellationToken: cancellationToken);
        }
        finally
        {
            Terminal.EndProgress();
        }

        Console.WriteLine(count == 0
            ? $"Einbettungen ({indexer.ModelId}) sind vollständig."
            : string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Einbettungen ({indexer.ModelId}): {count} Abschnitte in {stopwatch.Elapsed.TotalSeconds:0.0} s ({count / stopwatch.Elapsed.TotalSeconds:0.0}/s)."));
    }
}
