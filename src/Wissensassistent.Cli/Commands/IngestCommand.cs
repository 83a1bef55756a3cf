using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Ingestion.Pipeline;

namespace Wissensassistent.Cli.Commands;

/// <summary><c>wissen ingest [--full] [--no-embed]</c>: reads the corpus, then fills in embeddings.</summary>
public sealed class IngestCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var mode = arguments.Has("full") ? IngestionMode.Full : IngestionMode.Incremental;
        var report = await KnowledgeBase.IngestAsync(services, mode, cancellationToken);
        Print(report);

        if (!arguments.Has("no-embed"))
        {
            await EmbedCommand.EmbedAsync(services, cancellationToken);
        }

        return report.Failed.Count > 0 ? 3 : 0;
    }

    private static void Print(IngestionReport report)
    {
        var c = CultureInfo.GetCultureInfo("de-DE");
        if (!report.ChangedAnything)
        {
            Console.WriteLine(string.Create(c, $"Nichts geändert: {report.Unchanged} Dateien sind aktuell ({report.Elapsed.TotalSeconds:0.00} s)."));
        }
        else
        {
            Console.WriteLine(string.Create(c, $"Eingelesen: {report.Ingested.Count} Dokumente, {report.Norms} Normen, {report.Chunks} Abschnitte; unverändert: {report.Unchanged}; entfernt: {report.Deleted.Count}; Dauer {report.Elapsed.TotalSeconds:0.00} s."));
        }

        foreach (var deleted in report.Deleted)
        {
            Console.WriteLine($"  entfernt: {deleted}");
        }

        PrintList("Übersprungen", report.Skipped);
        PrintList("Fehlgeschlagen", report.Failed);
        PrintList("Hinweise", report.Warnings);
    }

    private static void PrintList(string title, IReadOnlyList<Core.Indexing.FileError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        Console.WriteLine($"{title} ({errors.Count}):");
        foreach (var error in errors)
        {
            Console.WriteLine($"  {error.Path}: {error.Reason}");
        }
    }
}
