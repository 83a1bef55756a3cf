using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wissensassistent.Cli.Evaluation;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// The vector side of <c>wissen bench</c>: synthetic vectors for the replicated chunks, whether the store ranks them
/// through binary codes at that size, and what hybrid search spends on the query embedding and on dense search.
/// </summary>
public sealed partial class BenchCommand
{
    /// <summary>
    /// Vectors per store call. Each call publishes a new snapshot of the whole index, so small batches make writing a
    /// million vectors quadratic; <c>wissen embed</c> stores a batch every few seconds, far fewer per second than this.
    /// </summary>
    private const int VectorBatch = 25_000;

    private const string OpenWithVectorsOption = "open-store-vectors";

    /// <summary>
    /// In the child process: opens the store in <paramref name="folder"/> with its vectors and the configured embedding
    /// model, and times hybrid search on the product path, the query embedding alone and dense search alone. Nothing
    /// else runs in it (no copy of the corpus, no other index), so its peak is what the product holds with vectors.
    /// </summary>
    private static async Task<int> OpenWithVectorsInChildAsync(string folder, string corpus, int repetitions, CancellationToken cancellationToken)
    {
        using var host = WissenCommandLine.BuildHost([new("Data:Directory", folder), new("Corpus:Path", corpus)]);
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        var search = host.Services.GetRequiredService<ISearchService>();
        var generator = host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        var opening = Stopwatch.StartNew();
        await store.GetDocumentHashesAsync(cancellationToken);
        var openMs = opening.Elapsed.TotalMilliseconds;
        var status = await DenseStatusAsync(store, cancellationToken);
        await search.SearchAsync(new SearchRequest(Questions[0], 10, SearchMode.Hybrid), cancellationToken);
        var firstAnswerMs = opening.Elapsed.TotalMilliseconds;
        // Processor time per query beside the latencies: on a shared machine the latencies measure the neighbours too.
        var (hybrid, hybridCpu) = await TimeWithProcessorAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Hybrid), cancellationToken), repetitions);

        // Hybrid's two sides on the same path, one at a time: what each costs alone, and so what running both together adds.
        var (lexical, lexicalCpu) = await TimeWithProcessorAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Lexical), cancellationToken), repetitions);
        var (denseSide, denseSideCpu) = await TimeWithProcessorAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Dense), cancellationToken), repetitions);
        var dense = await MeasureDenseAsync(store, generator, [], repetitions, recall: true, cancellationToken);
        var candidates = await MeasureDenseAsync(store, generator, [], repetitions, recall: false, cancellationToken, host.Services.GetRequiredService<IOptions<SearchOptions>>().Value.Candidates);
        var opened = new VectorOpenRow(openMs, firstAnswerMs, status?.EmbeddedChunks ?? 0, status?.BinaryCodes ?? false, hybrid, lexical, denseSide, dense?.Embedding, dense?.Dense, candidates?.Dense, dense?.RecallOnQuestions, new ProcessorRow(hybridCpu, lexicalCpu, denseSideCpu), GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
        Console.WriteLine(ChildLinePrefix + JsonSerializer.Serialize(opened));
        return 0;
    }

    /// <summary>The latencies of <see cref="TimeQueriesAsync"/> and the processor time the timed passes took per query.</summary>
    private static async Task<(Latency Latency, double ProcessorMs)> TimeWithProcessorAsync<T>(Func<string, Task<T>> run, int repetitions)
    {
        var timedFrom = TimeSpan.Zero;
        var latency = await TimeQueriesAsync(run, repetitions, () => timedFrom = Process.GetCurrentProcess().TotalProcessorTime);
        var used = Process.GetCurrentProcess().TotalProcessorTime - timedFrom;
        return (latency, used.TotalMilliseconds / repetitions);
    }

    /// <summary>Opens the store written at <paramref name="folder"/> with its vectors in a new process; null without vectors.</summary>
    private static async Task<VectorOpenRow?> MeasureOpenWithVectorsAsync(string folder, string corpus, BenchRow row, int repetitions, CancellationToken cancellationToken)
    {
        if (row.Dense is null)
        {
            return null;
        }

        Terminal.Progress("Öffnen mit Vektoren in einem neuen Prozess …");
        var opened = await RunBenchChildAsync<VectorOpenRow>(OpenWithVectorsOption, folder, corpus, repetitions, cancellationToken);
        Terminal.EndProgress();
        return opened;
    }

    /// <summary>
    /// Stores jittered vectors of the embedded sample for every replicated chunk (a realistic distribution without
    /// embedding a million texts) and keeps <paramref name="queries"/> of them, spread over the whole set, as recall queries.
    /// </summary>
    private static async Task<IReadOnlyList<float[]>> StoreVectorsAsync(IKnowledgeStore store, string? model, IReadOnlyDictionary<string, float[]> vectors, IReadOnlyList<DocumentBatch> replicated, int queries, CancellationToken cancellationToken)
    {
        if (model is null || vectors.Count == 0)
        {
            return [];
        }

        var total = replicated.Sum(batch => batch.Chunks.Count);
        var step = Math.Max(1, total / Math.Max(1, queries));
        var kept = new List<float[]>(queries);
        var random = new Random(42);
        var sampleVectors = vectors.Values.ToArray();
        var position = 0;
        foreach (var batch in replicated.SelectMany(b => b.Chunks).Chunk(VectorBatch))
        {
            var embeddings = new List<ChunkEmbedding>(batch.Length);
            foreach (var chunk in batch)
            {
                var vector = SyntheticCorpus.Jitter(vectors.GetValueOrDefault(chunk.ContentHash) ?? sampleVectors[random.Next(sampleVectors.Length)], random);
                embeddings.Add(new ChunkEmbedding(chunk.Id, chunk.ContentHash, vector));
                if (position++ % step == 0 && kept.Count < queries)
                {
                    kept.Add(vector);
                }
            }

            await store.StoreEmbeddingsAsync(model, embeddings, cancellationToken);
        }

        return kept;
    }

    /// <summary>Whether the store's dense search ranks through binary codes at this size.</summary>
    private static async Task<DenseSearchStatus?> DenseStatusAsync(IKnowledgeStore store, CancellationToken cancellationToken) =>
        store is EmbeddedKnowledgeStore embedded ? await embedded.GetDenseSearchStatusAsync(cancellationToken) : null;

    /// <summary>
    /// The query embedding alone (as search asks for it) and dense search alone for <paramref name="top"/> hits (on the embeddings of the bench questions), and with
    /// <paramref name="recall"/> the store's dense Recall@10 against its exact scan, on the questions and on stored vectors.
    /// </summary>
    private static async Task<DenseRow?> MeasureDenseAsync(IKnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>>? generator, IReadOnlyList<float[]> storedQueries, int repetitions, bool recall, CancellationToken cancellationToken, int top = 10)
    {
        if (generator is null)
        {
            return null;
        }

        var questionVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var embedTimes = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var question = Questions[i % Questions.Length];
            var started = Stopwatch.GetTimestamp();
            var embedding = await generator.GenerateAsync([question], EmbeddingPurpose.ForQuery(), cancellationToken);
            embedTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            questionVectors[question] = embedding[0].Vector.ToArray();
        }

        var dense = await TimeQueriesAsync(q => store.SearchDenseAsync(questionVectors[q], SearchFilter.None, top, cancellationToken), repetitions);
        if (!recall || store is not EmbeddedKnowledgeStore embedded)
        {
            return new DenseRow(Latency.Of(embedTimes), dense, null, null);
        }

        async Task<double> RecallAsync(IReadOnlyList<float[]> queries)
        {
            var sum = 0.0;
            foreach (var query in queries)
            {
                var exact = await embedded.SearchDenseExactAsync(query, SearchFilter.None, 10, cancellationToken);
                var found = await embedded.SearchDenseAsync(query, SearchFilter.None, 10, cancellationToken);
                sum += RetrievalMetrics.Recall([.. found.Select(h => h.Chunk.Id)], exact.Select(h => h.Chunk.Id).ToHashSet(StringComparer.Ordinal), 10);
            }

            return queries.Count == 0 ? 0 : sum / queries.Count;
        }

        Terminal.Progress("Recall gegen die exakte Suche …");
        var onQuestions = await RecallAsync([.. questionVectors.Values]);
        double? onStored = storedQueries.Count == 0 ? null : await RecallAsync(storedQueries);
        Terminal.EndProgress();
        return new DenseRow(Latency.Of(embedTimes), dense, onQuestions, onStored);
    }

    private static void PrintVectors(List<BenchRow> rows)
    {
        if (!rows.Any(r => r.Dense is not null))
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"mit Vektor",11} {"dichte Suche",13} {"Einbettung p50/p95/p99",23} {"dicht p50/p95/p99 ms",21} {"Recall@10 Fragen",16} {"Recall@10 Vektoren",18}"));
        foreach (var r in rows.Where(r => r.Dense is not null))
        {
            var d = r.Dense!;
            var path = r.DenseSearch is null ? "–" : r.DenseSearch.BinaryCodes ? "Binärcodes" : "alle Vektoren";
            Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {r.DenseSearch?.EmbeddedChunks ?? 0,11:N0} {path,13} {d.Embedding,23} {d.Dense,21} {Format(d.RecallOnQuestions),16} {Format(d.RecallOnStored),18}"));
        }

        if (rows.Any(r => r.OpenWithVectors is not null))
        {
            Console.WriteLine();
            Console.WriteLine("Öffnen mit Vektoren in einem neuen Prozess (nur Speicher und Einbettungsmodell): hybride Suche wie im Produkt; Spitze des Prozesses");
            Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"mit Vektor",11} {"dichte Suche",13} {"Öffnen ms",10} {"1. Antwort ms",14} {"hybrid p50/p95/p99",20} {"nur lexikal.",16} {"nur dicht",16} {"Einbettung p50/p95/p99",23} {"dicht p50/p95/p99",19} {"dicht Top-Kand.",17} {"Recall@10 Fragen",16} {"CPU ms hybr./lex./dicht",24} {"verwaltet MB",12} {"Spitze MB",10}"));
            foreach (var r in rows.Where(r => r.OpenWithVectors is not null))
            {
                var o = r.OpenWithVectors!;
                Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {o.EmbeddedChunks,11:N0} {(o.BinaryCodes ? "Binärcodes" : "alle Vektoren"),13} {o.OpenMs,10:0} {o.FirstAnswerMs,14:0} {o.Hybrid,20} {o.Lexical,16} {o.DenseSide,16} {o.Embedding?.ToString() ?? "–",23} {o.Dense?.ToString() ?? "–",19} {o.DenseCandidates?.ToString() ?? "–",17} {Format(o.RecallOnQuestions),16} {$"{o.Processor.Hybrid:0.0}/{o.Processor.Lexical:0.0}/{o.Processor.Dense:0.0}",24} {o.ManagedMb,12:0} {o.PeakMb,10:0}"));
            }
        }

        static string Format(double? recall) => recall is null ? "–" : recall.Value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>The child's figures with vectors: open, first hybrid answer, latencies on the product path, managed heap and peak working set.</summary>
    /// <param name="Lexical">The search service in lexical mode: hybrid's lexical side alone.</param>
    /// <param name="DenseSide">The search service in dense mode: the query embedding, dense candidates loaded, the applicable-law re-rank.</param>
    /// <param name="DenseCandidates">Dense search for as many hits as hybrid search takes from it, their chunks loaded.</param>
    /// <param name="RecallOnQuestions">Dense Recall@10 against scoring every vector, on the embeddings of the bench questions.</param>
    private sealed record VectorOpenRow(double OpenMs, double FirstAnswerMs, int EmbeddedChunks, bool BinaryCodes, Latency Hybrid, Latency Lexical, Latency DenseSide, Latency? Embedding, Latency? Dense, Latency? DenseCandidates, double? RecallOnQuestions, ProcessorRow Processor, double ManagedMb, double PeakMb);

    /// <summary>Processor milliseconds per query (all threads of the process, timed passes only) in hybrid, lexical and dense mode.</summary>
    private sealed record ProcessorRow(double Hybrid, double Lexical, double Dense);

    /// <summary>The query embedding alone, dense search alone (no embedding), and dense Recall@10 against the exact scan.</summary>
    private sealed record DenseRow(Latency Embedding, Latency Dense, double? RecallOnQuestions, double? RecallOnStored);
}
