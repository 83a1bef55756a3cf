using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Evaluation;

/// <summary>
/// The answer-level and document-level parts of <c>wissen eval</c>: staff questions (<c>gold</c>, <c>key_facts</c>,
/// <c>answerable</c>) are answered and scored; routing questions (<c>gold_path</c>) are scored on the files retrieved.
/// </summary>
public static class AnswerEvaluation
{
    private const int Depth = 100;

    public static async Task RunStaffAsync(IReadOnlyList<BatchQuestion> questions, ISearchService search, IAnswerService answers, SearchMode mode, SearchFilter filter, bool json, CancellationToken cancellationToken)
    {
        var outcomes = new List<AnswerOutcome>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var q in questions)
        {
            var result = await search.SearchAsync(new SearchRequest(q.Question!, Depth, mode, filter), cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var answer = await answers.AskAsync(new AnswerRequest(q.Question!, Filter: filter), cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var answerable = q.Answerable ?? q.Gold.Count > 0;
            outcomes.Add(AnswerScoring.Score(q.Id, answerable, q.GoldNorms, result.Hits.Select(h => h.Chunk).ToList(), answer, q.KeyFacts, latency));
            Terminal.Progress($"Antworten: {outcomes.Count}/{questions.Count} · {stopwatch.Elapsed.TotalMilliseconds / outcomes.Count:0} ms je Frage");
        }

        Terminal.EndProgress();
        var scores = AnswerScoring.Summarize(outcomes);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { scores, questions = outcomes }, Terminal.JsonIndented));
            return;
        }

        foreach (var o in outcomes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{o.Id,-16} {(o.Answerable ? "beantwortbar" : "nicht beantwortbar"),-19} Rang {(o.FirstGoldRank?.ToString(CultureInfo.InvariantCulture) ?? "–"),3}  {(o.Refused ? "abgelehnt" : "beantwortet"),-11} Gold zitiert {(o.GoldCited ? "ja  " : "nein")}  Fakten {o.FactsStated}/{o.FactsTotal}  {string.Join("; ", o.Cited.Take(4))}"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scores.Answerable} beantwortbare, {scores.NotAnswerable} nicht beantwortbare Fragen"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Gold-Norm als erster / unter den ersten 5 / 10 Treffern: {scores.HitAt1:P0} / {scores.HitAt5:P0} / {scores.HitAt10:P0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Antwort zitiert eine Gold-Norm: {scores.GoldCited:P0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Antwort nennt alle Kernaussagen und zitiert eine Gold-Norm: {scores.FactsStatedAndGoldCited:P0} (Anteil genannter Kernaussagen im Mittel {scores.FactShare:P0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Abgelehnt: {scores.RefusedAnswerable} beantwortbare, {scores.RefusedNotAnswerable} von {scores.NotAnswerable} nicht beantwortbaren; Präzision {scores.RefusalPrecision:P0}, Trefferquote {scores.RefusalRecall:P0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Antwortzeit p50 {scores.LatencyP50Ms:0} ms, p95 {scores.LatencyP95Ms:0} ms"));
    }

    public static async Task RunDocumentsAsync(IReadOnlyList<BatchQuestion> questions, ISearchService search, SearchMode mode, SearchFilter filter, bool json, CancellationToken cancellationToken)
    {
        var rows = new List<(int? Rank, double LatencyMs)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await search.SearchAsync(new SearchRequest(q.Question!, Depth, mode, filter), cancellationToken);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var files = result.Hits.Select(h => h.Chunk.DocumentId).Distinct(StringComparer.Ordinal).ToList();
            var index = files.FindIndex(f => string.Equals(f, q.GoldPath, StringComparison.Ordinal));
            rows.Add((index < 0 ? null : index + 1, latency));
            Terminal.Progress($"{mode}: {rows.Count}/{questions.Count} · {stopwatch.Elapsed.TotalMilliseconds / rows.Count:0} ms je Frage");
        }

        Terminal.EndProgress();
        var scores = DocumentScores.From(rows);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { system = mode, scores, questions = questions.Select((q, i) => new { id = q.Id, rank = rows[i].Rank }) }, Terminal.JsonIndented));
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"System",-10} {"n",5} {"R@1",6} {"R@5",6} {"R@10",6} {"MRR@10",6} {"p50 ms",7} {"p95 ms",7}   (Dokument-Ebene: Gold = Datei)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode.ToString().ToLowerInvariant(),-10} {scores.Questions,5} {scores.RecallAt1,6:0.000} {scores.RecallAt5,6:0.000} {scores.RecallAt10,6:0.000} {scores.MrrAt10,6:0.000} {scores.LatencyP50Ms,7:0.0} {scores.LatencyP95Ms,7:0.0}"));
    }
}
