using System.Runtime.CompilerServices;
using System.Text.Json;
using Wissensassistent.Cli.Evaluation;

namespace Wissensassistent.Cli;

/// <summary>Reads JSON lines with at least <c>{"id", "question"}</c>; a broken line becomes an error entry, not an abort.</summary>
public static class BatchQuestions
{
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// One JSON line per input line: <c>{"id", …}</c> from <paramref name="answer"/>, or <c>{"id","error"}</c> for a line
    /// that cannot be read or a question that is refused as input. Progress and the total go to stderr.
    /// </summary>
    /// <param name="unit">What one line is, in German plural ("Fragen", "Anfragen").</param>
    public static async Task<int> RunAsync(string path, string unit, Func<BatchQuestion, Task<object>> answer, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"Die Datei „{path}“ gibt es nicht.");
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        await foreach (var line in ReadAsync(path, cancellationToken))
        {
            count++;
            object output;
            if (line.Error is { } error)
            {
                output = new { id = line.Id, error };
            }
            else
            {
                try
                {
                    output = await answer(line);
                }
                catch (ArgumentException ex)
                {
                    output = new { id = line.Id, error = ex.Message };
                }
            }

            await Console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(output, Terminal.Json));
            Terminal.Progress(string.Create(German, $"{count} {unit} · {stopwatch.Elapsed.TotalMilliseconds / count:0.0} ms je Zeile"));
        }

        Terminal.EndProgress();
        Terminal.Notice(string.Create(German, $"{count} {unit} in {stopwatch.Elapsed.TotalSeconds:0.0} s ({stopwatch.Elapsed.TotalMilliseconds / Math.Max(1, count):0.0} ms je Zeile)."));
        return 0;
    }

    public static async IAsyncEnumerable<BatchQuestion> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var raw in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            yield return Parse(raw, number);
        }
    }

    public static BatchQuestion Parse(string line, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : $"zeile-{number}";
            if (!root.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
            {
                return new BatchQuestion(id, null, [], $"Zeile {number}: „question“ fehlt oder ist leer.");
            }

            var gold = new List<(string Law, string Section)>();
            var goldNorms = new List<GoldNorm>();
            if (root.TryGetProperty("gold", out var goldElement) && goldElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var g in goldElement.EnumerateArray())
                {
                    if (g.TryGetProperty("law", out var law) && g.TryGetProperty("section", out var section))
                    {
                        gold.Add((law.ToString(), section.ToString()));
                        goldNorms.Add(new GoldNorm(law.ToString(), section.ToString(), g.TryGetProperty("file", out var file) ? file.GetString() : null));
                    }
                }
            }

            var facts = new List<string>();
            if (root.TryGetProperty("key_facts", out var factsElement) && factsElement.ValueKind == JsonValueKind.Array)
            {
                facts.AddRange(factsElement.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!));
            }

            bool? answerable = root.TryGetProperty("answerable", out var answerableElement) && answerableElement.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? answerableElement.GetBoolean()
                : null;
            var goldPath = root.TryGetProperty("gold_path", out var pathElement) && pathElement.ValueKind == JsonValueKind.String ? pathElement.GetString() : null;
            return new BatchQuestion(id, q.GetString(), gold, null) { GoldNorms = goldNorms, KeyFacts = facts, Answerable = answerable, GoldPath = goldPath };
        }
        catch (JsonException ex)
        {
            // The parser's own message is English; the position is what helps to find the mistake.
            var position = ex.BytePositionInLine is { } at ? $" (Fehler bei Zeichen {at + 1})" : string.Empty;
            return new BatchQuestion($"zeile-{number}", null, [], $"Zeile {number}: kein gültiges JSON{position}; erwartet wird ein Objekt wie {{\"id\": \"1\", \"question\": \"…\"}}.");
        }
    }
}

/// <param name="Gold">Expected norms (law, section) where the line has them (eval files).</param>
/// <param name="Error">Why the line cannot be used, or null.</param>
public sealed record BatchQuestion(string Id, string? Question, IReadOnlyList<(string Law, string Section)> Gold, string? Error)
{
    /// <summary>The gold norms with the file each names, where the line gives one.</summary>
    public IReadOnlyList<GoldNorm> GoldNorms { get; init; } = [];

    /// <summary>Literal strings of the gold norm that an answer stating the decisive sentence contains (staff format).</summary>
    public IReadOnlyList<string> KeyFacts { get; init; } = [];

    /// <summary>Whether the corpus answers the question (staff format); null when the line does not say.</summary>
    public bool? Answerable { get; init; }

    /// <summary>The corpus file (relative path) that answers the question (document-level gold, ragsource format).</summary>
    public string? GoldPath { get; init; }

    /// <summary>Lines in the staff format: scored on the answer, not only on retrieval.</summary>
    public bool IsAnswerLevel => Answerable is not null || KeyFacts.Count > 0;
}
