using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen ask "&lt;question&gt;" [--json]</c>: streams a grounded answer, then its verified sources;
/// <c>wissen ask --batch FILE.jsonl</c>: one JSON line per question.
/// </summary>
public sealed class AskCommand : ICliCommand
{
    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (arguments.Get("batch") is { } batchFile)
        {
            return await RunBatchAsync(services, batchFile, arguments, cancellationToken);
        }

        var question = string.Join(' ', arguments.Positional);
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new CliUsageException("Bitte eine Frage angeben: wissen ask \"Wann ist ein Vorhaben im Außenbereich zulässig?\"");
        }

        QuestionLength.EnsureWithinLimit(question);
        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        var answers = services.GetRequiredService<IAnswerService>();
        var json = arguments.Has("json");
        var request = new AnswerRequest(question, Filter: SearchFilters.From(arguments, services));

        Answer? final = null;
        var streamed = new System.Text.StringBuilder();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan? firstText = null;
        await foreach (var update in answers.AskStreamingAsync(request, cancellationToken))
        {
            switch (update)
            {
                case TextUpdate text when !json:
                    firstText ??= System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    Console.Write(text.Delta);
                    streamed.Append(text.Delta);
                    break;
                case FinalUpdate done:
                    final = done.Answer;
                    break;
            }
        }

        if (final is null)
        {
            throw new InvalidOperationException("Die Antwort wurde nicht abgeschlossen.");
        }

        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (streamed.Length > 0 && streamed[^1] != '\n')
        {
            // The streamed text ends without a line break; the timing notice goes on a line of its own.
            Console.WriteLine();
        }

        Terminal.Notice($"Erster Text nach {firstText?.TotalMilliseconds ?? total.TotalMilliseconds:0} ms, fertige Antwort nach {total.TotalMilliseconds:0} ms.");

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(ToJson(final), Terminal.JsonIndented));
            return 0;
        }

        if (streamed.Length > 0)
        {
            Console.WriteLine();
        }

        // The streamed text was a draft: print the verified text again only where verification changed it.
        var changed = streamed.ToString().Trim() != final.Text.Trim();
        if (changed && streamed.Length > 0)
        {
            Console.WriteLine(new string('─', 60));
        }

        PrintFinal(final, printText: changed);
        return 0;
    }

    /// <summary>One JSON line <c>{"id", …answer}</c> per input line <c>{"id","question"}</c>, all in one process.</summary>
    private static async Task<int> RunBatchAsync(IServiceProvider services, string path, CliArguments arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"Die Datei „{path}“ gibt es nicht.");
        }

        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        var answers = services.GetRequiredService<IAnswerService>();
        var filter = SearchFilters.From(arguments, services);
        return await BatchQuestions.RunAsync(path, "Fragen", async line =>
        {
            var answer = await answers.AskAsync(new AnswerRequest(line.Question!, Filter: filter), cancellationToken);
            return new { id = line.Id, result = ToJson(answer) };
        }, cancellationToken);
    }

    private static object ToJson(Answer answer) => new
    {
        question = answer.Question,
        mode = answer.Mode,
        answer = answer.Text,
        refused = answer.Refused,
        notices = answer.Notices,
        citations = answer.Citations.Select(c => new
        {
            marker = c.Marker,
            citation = CitationFormatter.Format(c.Chunk.Citation),
            source = c.Chunk.DocumentId,
            stand = c.Chunk.Stand,
            text = c.Chunk.Text,
            verified = c.Verified,
        }),
        checks = answer.Checks,
    };

    private static void PrintFinal(Answer answer, bool printText)
    {
        foreach (var notice in answer.Notices.Where(n => !answer.Text.StartsWith(n, StringComparison.Ordinal)))
        {
            Console.WriteLine($"ℹ {notice}");
        }

        if (printText)
        {
            Console.WriteLine();
            Console.WriteLine(answer.Text);
        }

        Console.WriteLine();
        if (answer.Citations.Count > 0)
        {
            Console.WriteLine("Fundstellen:");
            foreach (var c in answer.Citations)
            {
                Console.WriteLine($"  [{c.Marker}] {CitationFormatter.Format(c.Chunk.Citation)} – {(c.Verified ? "geprüft" : "NICHT geprüft")} – Stand: {c.Chunk.Stand ?? "unbekannt"} – corpus/{c.Chunk.DocumentId}");
            }
        }

        var checks = answer.Checks;
        Console.WriteLine($"Prüfung: {checks.Markers} Verweise, {checks.InvalidMarkers} ungültig; {checks.Quotations} Zitate, {checks.UnverifiedQuotations} nicht belegt; {checks.UnsupportedSentences} Aussagen ohne Beleg.");
        foreach (var issue in checks.Issues)
        {
            Console.WriteLine($"  ⚠ {issue}");
        }
    }
}
