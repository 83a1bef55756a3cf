using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Drafts;
using Wissensassistent.Ingestion.Formats;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen check FILE [--json]</c>: every citation of a draft (.txt, .md, .docx, .pdf; <c>-</c> reads text from stdin)
/// resolved against the corpus, every quotation checked verbatim. Exit code 0 when nothing is to be looked at, 3 when a
/// citation is not found, repealed or displaced or a quotation is not verbatim. Nothing of the draft is written.
/// </summary>
public sealed class CheckCommand : ICliCommand
{
    /// <summary>The check ran and found something for the writer to look at (as <c>ingest</c> with failed files).</summary>
    public const int FindingsExitCode = 3;

    private const int PassagePreview = 240;

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count != 1)
        {
            throw new CliUsageException("Bitte genau eine Datei angeben: wissen check Bescheid.docx (oder „-“ für Text von der Standardeingabe).");
        }

        var file = arguments.Positional[0];
        string draft;
        try
        {
            draft = await ReadDraftAsync(file, cancellationToken);
        }
        catch (DraftRejectedException rejected)
        {
            await Console.Error.WriteLineAsync($"Fehler: {rejected.Message}");
            return 1;
        }

        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        DraftCheckReport report;
        try
        {
            report = await services.GetRequiredService<DraftCitationCheck>().CheckAsync(draft, CliReader.From(arguments, services), cancellationToken);
        }
        catch (DraftRejectedException rejected)
        {
            await Console.Error.WriteLineAsync($"Fehler: {rejected.Message}");
            return 1;
        }

        if (arguments.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(DraftCheckView.From(file, report), Terminal.JsonIndented));
        }
        else
        {
            Write(Console.Out, file, report);
        }

        return report.HasFindings ? FindingsExitCode : 0;
    }

    /// <summary>The report as staff read it: each citation with its status and passage, each quotation, then the counts.</summary>
    public static void Write(TextWriter output, string file, DraftCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine($"Zitate prüfen: {file}");
        output.WriteLine();
        if (report.Citations.Count == 0)
        {
            output.WriteLine("Der Entwurf enthält keine Fundstelle (§, Art. oder Nr. einer Richtlinie).");
        }

        foreach (var citation in report.Citations)
        {
            output.WriteLine($"Zeile {citation.Line,-4} {citation.FormattedCitation} – {Mark(citation.Status)} {citation.StatusLabel}"
                + (citation.LawFromContext ? " (Gesetz aus dem Zusammenhang)" : string.Empty));
            var lookup = citation.Lookup;
            if (!lookup.Found)
            {
                output.WriteLine($"           {lookup.Message}");
                continue;
            }

            output.WriteLine($"           „{Preview(citation.Excerpt ?? string.Join(" ", lookup.Passage.Select(c => c.Text)))}“");
            output.WriteLine($"           Stand: {lookup.Stand ?? "unbekannt"} · Quelle: corpus/{lookup.Source}");
            if (citation.Displacement is { } displaced)
            {
                output.WriteLine($"           {displaced.Note}" + (displaced.Parallel is { } parallel ? $" Stattdessen: {parallel}." : string.Empty));
                if (displaced.WordingNote is { } wording)
                {
                    output.WriteLine($"           {wording}");
                }
            }
        }

        if (report.Quotations.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Zitate:");
            foreach (var quotation in report.Quotations)
            {
                output.WriteLine($"Zeile {quotation.Line,-4} „{Preview(quotation.Content)}“ – {(quotation.IsVerbatim ? "✓" : quotation.Status == DraftQuotationStatus.NoCitation ? "·" : "✗")} {quotation.Summary}");
                if (quotation.PassageWording is { } wording)
                {
                    output.WriteLine($"           Im Text der Norm: „{Preview(wording)}“");
                }
            }
        }

        foreach (var notice in report.Notices)
        {
            output.WriteLine(notice);
        }

        output.WriteLine();
        output.WriteLine($"Ergebnis: {Counted(report.Citations.Count, "Fundstelle", "Fundstellen")}: {report.Count(DraftCitationStatus.Resolved)} gefunden, "
            + $"{report.Count(DraftCitationStatus.NotFound)} nicht gefunden, {report.Count(DraftCitationStatus.Repealed)} weggefallen, "
            + $"{report.Count(DraftCitationStatus.Displaced)} verdrängt; {Counted(report.Quotations.Count, "Zitat", "Zitate")}: {report.VerbatimQuotations} wörtlich, "
            + $"{report.DeviatingQuotations} abweichend.");
    }

    private static async Task<string> ReadDraftAsync(string file, CancellationToken cancellationToken)
    {
        if (file == "-")
        {
            return await Console.In.ReadToEndAsync(cancellationToken);
        }

        if (Directory.Exists(file))
        {
            throw new DraftRejectedException($"„{file}“ ist ein Ordner; bitte eine Datei angeben (.txt, .md, .docx, .pdf) oder „-“ für die Standardeingabe.");
        }

        if (!File.Exists(file))
        {
            throw new DraftRejectedException($"Die Datei „{file}“ gibt es nicht.");
        }

        await using var stream = File.OpenRead(file);
        return await DraftFileReader.ReadAsync(file, stream, cancellationToken);
    }

    private static string Counted(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string Mark(DraftCitationStatus status) => status switch
    {
        DraftCitationStatus.Resolved => "✓",
        DraftCitationStatus.Displaced => "⚠",
        _ => "✗",
    };

    private static string Preview(string text)
    {
        var folded = string.Join(' ', text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= PassagePreview ? folded : string.Concat(folded.AsSpan(0, PassagePreview - 1).TrimEnd(), "…");
    }
}
