using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wissensassistent.Core.Answering;
using Microsoft.Extensions.AI;
using Wissensassistent.Cli.Evaluation;
using Wissensassistent.Core.Indexing;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.Ingestion.Reindexing;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen bench --embedding-load</c>: answer latency with the embedding phase idle and while it runs, in one process
/// (as in the web app), with the embedding model of the configuration or the built-in one.
/// </summary>
internal static class EmbeddingLoadBench
{
    public static async Task<int> RunAsync(string corpus, IReadOnlyList<string> questions, int repetitions, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "wissen-bench-load-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var provider = Environment.GetEnvironmentVariable("LanguageModels__Embeddings__Provider") is { Length: > 0 } configured && configured != "None" ? configured : "MiniLm";
            using var host = WissenCommandLine.BuildHost([new("Data:Directory", root), new("Corpus:Path", corpus), new("LanguageModels:Embeddings:Provider", provider)]);
            Terminal.Progress("Korpus wird eingelesen …");
            await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, IngestionMode.Full, cancellationToken: cancellationToken);
            Terminal.EndProgress();
            var answers = host.Services.GetRequiredService<IAnswerService>();
            var status = host.Services.GetRequiredService<EmbeddingStatus>();

            // A first slice of vectors, so that search embeds each question as it will once embeddings exist; then
            // warm-up: model load, caches, JIT.
            await EmbedSliceAsync(host.Services, 64, cancellationToken);
            await MeasureAsync(answers, questions, 1, TimeSpan.Zero, cancellationToken);
            Terminal.Progress("Antworten ohne Einbettungsphase …");
            var idle = await MeasureAsync(answers, questions, repetitions, TimeSpan.Zero, cancellationToken);

            var phase = host.Services.GetServices<IHostedService>().OfType<EmbeddingPhase>().Single();
            await phase.StartAsync(cancellationToken);
            while (status.Current.State != EmbeddingState.Running)
            {
                await Task.Delay(50, cancellationToken);
            }

            var before = status.Current.Done;
            var clock = Stopwatch.StartNew();
            Terminal.Progress("Antworten während der Einbettungsphase …");
            var loaded = await MeasureAsync(answers, questions, repetitions, MinimumUnderLoad, cancellationToken);
            var embedded = status.Current.Done - before;
            var seconds = clock.Elapsed.TotalSeconds;
            await phase.StopAsync(CancellationToken.None);
            Terminal.EndProgress();

            var c = CultureInfo.GetCultureInfo("de-DE");
            Console.WriteLine(string.Create(c, $"Antwortzeit (extraktiv, hybride Suche, Einbettungen: {provider}, {Environment.ProcessorCount} Kerne, {ThinkTime.TotalMilliseconds:0} ms zwischen zwei Fragen)"));
            Console.WriteLine("| Einbettungsphase | p50 ms | p95 ms | p99 ms |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine(string.Create(c, $"| ruht | {idle.P50:0.0} | {idle.P95:0.0} | {idle.P99:0.0} |"));
            Console.WriteLine(string.Create(c, $"| läuft ({embedded} Abschnitte in {seconds:0.0} s, {embedded / Math.Max(seconds, 0.001):0.0}/s) | {loaded.P50:0.0} | {loaded.P95:0.0} | {loaded.P99:0.0} |"));
            Console.WriteLine(string.Create(c, $"Verhältnis läuft ÷ ruht: p50 {loaded.P50 / idle.P50:0.00}×, p95 {loaded.P95 / idle.P95:0.00}×"));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Long enough for several batches of passages to be embedded meanwhile.</summary>
    private static readonly TimeSpan MinimumUnderLoad = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Between two questions, as between staff asking: back-to-back questions would keep both cores busy, and a phase
    /// below normal priority then (rightly) makes no progress at all.
    /// </summary>
    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(300);

    private static async Task EmbedSliceAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IKnowledgeStore>();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var model = EmbeddingModel.IdOf(generator)!;
        var chunks = await store.GetChunksWithoutEmbeddingAsync(model, count, cancellationToken);
        var vectors = await generator.GenerateAsync(chunks.Select(c => c.SearchText), cancellationToken: cancellationToken);
        await store.StoreEmbeddingsAsync(model, [.. chunks.Zip(vectors, (c, v) => new ChunkEmbedding(c.Id, c.ContentHash, v.Vector))], cancellationToken);
    }

    /// <summary>Rounds of all questions: at least <paramref name="repetitions"/>, and for at least <paramref name="minimum"/>.</summary>
    private static async Task<(double P50, double P95, double P99)> MeasureAsync(IAnswerService answers, IReadOnlyList<string> questions, int repetitions, TimeSpan minimum, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repetitions || clock.Elapsed < minimum; r++)
        {
            foreach (var question in questions)
            {
                var started = Stopwatch.GetTimestamp();
                await foreach (var _ in answers.AskStreamingAsync(new AnswerRequest(question), cancellationToken))
                {
                }

                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(ThinkTime, cancellationToken);
            }
        }

        times.Sort();
        return (RetrievalMetrics.Percentile(times, 50), RetrievalMetrics.Percentile(times, 95), RetrievalMetrics.Percentile(times, 99));
    }
}
