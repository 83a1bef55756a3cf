using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Wissensassistent.Cli;

/// <summary>Reads JSON lines with at least <c>{"id", "question"}</c>; a broken line becomes an error entry, not an abort.</summary>
public static class BatchQuestions
{
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
            if (root.TryGetProperty("gold", out var goldElement) && goldElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var g in goldElement.EnumerateArray())
                {
                    if (g.TryGetProperty("law", out var law) && g.TryGetProperty("section", out var section))
                    {
                        gold.Add((law.ToString(), section.ToString()));
                    }
                }
            }

            return new BatchQuestion(id, q.GetString(), gold, null);
        }
        catch (JsonException ex)
        {
            return new BatchQuestion($"zeile-{number}", null, [], $"Zeile {number}: kein gültiges JSON ({ex.Message}).");
        }
    }
}

/// <param name="Gold">Expected norms (law, section) where the line has them (eval files).</param>
/// <param name="Error">Why the line cannot be used, or null.</param>
public sealed record BatchQuestion(string Id, string? Question, IReadOnlyList<(string Law, string Section)> Gold, string? Error);
