using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Cli.Evaluation;
using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen eval FILE.jsonl</c>: Recall@1/5/10/100, MRR@10, nDCG@10 and latency per system, overall and for the
/// questions whose gold norm exists in the corpus; with <c>--baseline</c> also stock Lucene BM25 over the same norms.
/// Staff questions (<c>key_facts</c>, <c>answerable</c>) and routing questions (<c>gold_path</c>) are scored by
/// <see cref="AnswerEvaluation"/>.
/// </summary>
public sealed class EvalCommand : ICliCommand
{
    private const int Depth = 100;

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var path = arguments.Positional.FirstOrDefault() ?? throw new CliUsageException("Bitte die Fragedatei angeben: wissen eval fragen.jsonl");
        if (!File.Exists(path))
        {
            throw new CliUsageException($"Die Datei „{path}“ gibt es nicht.");
        }

        var limit = arguments.GetInt("limit", int.MaxValue);
        var filter = SearchFilters.From(arguments, services);
        var modes = arguments.Get("mode") is "all"
            ? [SearchMode.Lexical, SearchMode.Dense, SearchMode.Hybrid]
            : new[] { arguments.GetEnum("mode", SearchMode.Hybrid) };

        await KnowledgeBase.EnsureIngestedAsync(services, cancellationToken);
        var store = services.GetRequiredService<IKnowledgeStore>();
        var search = services.GetRequiredService<ISearchService>();

        var lines = new List<BatchQuestion>();
        await foreach (var q in BatchQuestions.ReadAsync(path, cancellationToken))
        {
            if (q.Error is null)
            {
                lines.Add(q);
            }

            if (lines.Count >= limit)
            {
                break;
            }
        }

        // Staff questions are scored on their answers, routing questions on the file retrieved, the rest on norms.
        if (lines.Any(q => q.IsAnswerLevel))
        {
            await AnswerEvaluation.RunStaffAsync(lines, search, services.GetRequiredService<IAnswerService>(), modes[0], filter, arguments.Has("json"), cancellationToken);
            return 0;
        }

        if (lines.Any(q => q.GoldPath is not null))
        {
            foreach (var mode in modes)
            {
                await AnswerEvaluation.RunDocumentsAsync(lines.Where(q => q.GoldPath is not null).ToList(), search, mode, filter, arguments.Has("json"), cancellationToken);
            }

            return 0;
        }

        var questions = lines.Where(q => q.Gold.Count > 0).ToList();

        var inCorpus = await GoldInCorpusAsync(store, questions, cancellationToken);
        var results = new List<(EvaluationAccumulator All, EvaluationAccumulator InCorpus)>();

        if (arguments.Has("baseline"))
        {
            Terminal.Progress("Vergleichsindizes werden aufgebaut …");
            var norms = await NormDocuments.LoadAsync(store, filter, cancellationToken);
            var plain = new PlainBm25(norms);
            results.Add(RunBaseline("bm25-plain", q => plain.Search(q, Depth), questions, inCorpus));
            using var lucene = LuceneBaseline.Build(norms, BaselineAnalyzer.German);
            results.Add(RunBaseline("lucene-bm25-german", q => lucene.Search(q, Depth), questions, inCorpus));
            Terminal.EndProgress();
        }

        foreach (var mode in modes)
        {
            var all = new EvaluationAccumulator(mode.ToString().ToLowerInvariant());
            var found = new EvaluationAccumulator(mode.ToString().ToLowerInvariant());
            var stopwatch = Stopwatch.StartNew();
            foreach (var q in questions)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await search.SearchAsync(new SearchRequest(q.Question!, Depth * 3, mode, filter), cancellationToken);
                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var ranking = result.Hits.Select(h => h.Chunk.Citation.NormKey).ToList();
                Add(all, found, ranking, q, inCorpus, latency);
                Terminal.Progress($"{mode}: {all.Count}/{questions.Count} · {stopwatch.Elapsed.TotalMilliseconds / all.Count:0} ms je Frage");
            }

            Terminal.EndProgress();
            results.Add((all, found));
        }

        Print(results, arguments.Has("json"));
        return 0;
    }

    private static (EvaluationAccumulator, EvaluationAccumulator) RunBaseline(string name, Func<string, IReadOnlyList<string>> search, List<BatchQuestion> questions, HashSet<string> inCorpus)
    {
        var all = new EvaluationAccumulator(name);
        var found = new EvaluationAccumulator(name);
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var ranking = search(q.Question!);
            Add(all, found, ranking, q, inCorpus, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (all, found);
    }

    private static void Add(EvaluationAccumulator all, EvaluationAccumulator found, IReadOnlyList<string> ranking, BatchQuestion question, HashSet<string> inCorpus, double latency)
    {
        var gold = GoldKeys(question);
        all.Add(ranking, gold, latency);
        if (gold.Any(inCorpus.Contains))
        {
            found.Add(ranking, gold, latency);
        }
    }

    private static HashSet<string> GoldKeys(BatchQuestion question) =>
        question.Gold.Select(g => Citation.NormKeyOf(g.Law, g.Section)).ToHashSet(StringComparer.Ordinal);

    private static async Task<HashSet<string>> GoldInCorpusAsync(IKnowledgeStore store, List<BatchQuestion> questions, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (law, section) in questions.SelectMany(q => q.Gold).Distinct())
        {
            if ((await store.GetNormAsync(law, section, cancellationToken)).Count > 0)
            {
                present.Add(Citation.NormKeyOf(law, section));
            }
        }

        return present;
    }

    private static void Print(List<(EvaluationAccumulator All, EvaluationAccumulator InCorpus)> results, bool json)
    {
        var rows = results.Select(r => (All: r.All.Summarize(), InCorpus: r.InCorpus.Summarize())).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { overall = r.All, goldInCorpus = r.InCorpus }), Terminal.JsonIndented));
            return;
        }

        var reference = rows.FirstOrDefault(r => r.All.System == "bm25-plain").All;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"System",-22} {"n",5} {"R@1",6} {"R@5",6} {"R@10",6} {"R@100",6} {"Hit@10",6} {"MRR@10",6} {"nDCG@10",7} {"p50 ms",7} {"p95 ms",7}{(reference is null ? string.Empty : "  R@10/BM25 nDCG/BM25")}"));
        foreach (var (label, pick) in new (string, Func<(EvaluationSummary All, EvaluationSummary InCorpus), EvaluationSummary>)[] { ("alle Fragen", r => r.All), ("Gold-Norm im Korpus", r => r.InCorpus) })
        {
            Console.WriteLine($"-- {label}");
            foreach (var row in rows)
            {
                var s = pick(row);
                var ratio = reference is null || reference.RecallAt10 == 0 || reference.NdcgAt10 == 0
                    ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $"  {s.RecallAt10 / pick(rows.First(r => r.All.System == reference.System)).RecallAt10,8:0.00}× {s.NdcgAt10 / pick(rows.First(r => r.All.System == reference.System)).NdcgAt10,8:0.00}×");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.System,-22} {s.Questions,5} {s.RecallAt1,6:0.000} {s.RecallAt5,6:0.000} {s.RecallAt10,6:0.000} {s.RecallAt100,6:0.000} {s.HitAt10,6:0.000} {s.MrrAt10,6:0.000} {s.NdcgAt10,7:0.000} {s.LatencyP50Ms,7:0.0} {s.LatencyP95Ms,7:0.0}{ratio}"));
            }
        }
    }
}
