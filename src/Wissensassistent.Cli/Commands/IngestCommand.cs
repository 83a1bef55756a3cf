using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen ingest [--full] [--no-embed]</c>: a reindex run like the web app's and the worker's (only changed files,
/// or with <c>--full</c> a new generation switched to atomically), then the missing embeddings.
/// </summary>
public sealed class IngestCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var mode = arguments.Has("full") ? ReindexMode.Full : ReindexMode.Incremental;
        var run = await KnowledgeBase.ReindexAsync(services, mode, cancellationToken);
        Print(run);
        if (run.Outcome != ReindexOutcome.Succeeded)
        {
            return 1;
        }

        PrintReferences(await CrossReferenceCensus.CountAsync(services.GetRequiredService<IKnowledgeStore>(), cancellationToken));

        if (!arguments.Has("no-embed"))
        {
            await EmbedCommand.EmbedAsync(services, cancellationToken);
        }

        return run.FilesFailed > 0 ? 3 : 0;
    }

    private static void Print(ReindexRun run)
    {
        var c = CultureInfo.GetCultureInfo("de-DE");
        var seconds = ((run.FinishedAt ?? run.RequestedAt) - (run.StartedAt ?? run.RequestedAt)).TotalSeconds;
        if (run.Outcome != ReindexOutcome.Succeeded)
        {
            Console.Error.WriteLine($"Fehler: {run.Message}");
        }
        else if (run.FilesIngested.Count == 0 && run.FilesDeleted.Count == 0)
        {
            Console.WriteLine(string.Create(c, $"Nichts geändert: {run.FilesUnchanged} Dateien sind aktuell ({seconds:0.00} s)."));
        }
        else
        {
            var generation = run.Mode == ReindexMode.Full ? " in eine neue Generation, die jetzt aktiv ist" : string.Empty;
            Console.WriteLine(string.Create(c, $"Eingelesen{generation}: {run.FilesIngested.Count} Dokumente, {run.NormsWritten} Normen, {run.ChunksWritten} Abschnitte; unverändert: {run.FilesUnchanged}; entfernt: {run.FilesDeleted.Count}; Dauer {seconds:0.00} s."));
        }

        foreach (var deleted in run.FilesDeleted)
        {
            Console.WriteLine($"  entfernt: {deleted}");
        }

        // Errors lists the failed files first, then the skipped ones.
        PrintList("Übersprungen", [.. run.Errors.Skip(run.FilesFailed)]);
        PrintList("Fehlgeschlagen", [.. run.Errors.Take(run.FilesFailed)]);
        PrintList("Hinweise", run.Warnings);
    }

    /// <summary>The corpus's cross-references: how many, what share resolves, and why the rest does not.</summary>
    internal static void PrintReferences(ReferenceFigures? figures)
    {
        if (figures is null || figures.Found == 0)
        {
            return;
        }

        var c = CultureInfo.GetCultureInfo("de-DE");
        Console.WriteLine(string.Create(c, $"Querverweise: {figures.Found:N0} gefunden, {figures.Resolved:N0} aufgelöst ({(double)figures.Resolved / figures.Found:P1})."));
        var laws = string.Join(", ", figures.UnresolvedLaws.Select(l => string.Create(c, $"{l.Key} {l.Value:N0}")));
        Console.WriteLine(string.Create(c, $"  nicht aufgelöst: Gesetz nicht im Bestand {figures.Count(ReferenceOutcome.LawOutsideCorpus):N0}{(laws.Length > 0 ? $" (am häufigsten: {laws})" : string.Empty)}; Norm nicht im Bestand {figures.Count(ReferenceOutcome.NormOutsideCorpus):N0}; weggefallen {figures.Count(ReferenceOutcome.Repealed):N0}."));
        Console.WriteLine(string.Create(c, $"  gefunden als: mit Gesetz {figures.Count(ReferenceBasis.Explicit):N0}, im selben Gesetz {figures.Count(ReferenceBasis.SameLaw):N0}, innerhalb der Norm {figures.Count(ReferenceBasis.Relative):N0}, über „i. V. m.“ {figures.Count(ReferenceBasis.Chain):N0}."));
    }

    private static void PrintList(string title, IReadOnlyList<FileError> errors)
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
