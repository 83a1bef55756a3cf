using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wissensassistent.Ingestion;
using Wissensassistent.Cli.Evaluation;
using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;
using Wissensassistent.Core.Text;
using Wissensassistent.Ingestion.Pipeline;
using Wissensassistent.ServiceDefaults;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen bench</c>: ingestion throughput, query latency and memory at the shipped corpus size and at synthetic
/// replications of it, each beside a stock Lucene.Net BM25 index (GermanAnalyzer) over the same chunks. With
/// <c>--embeddings</c>, only the embedding throughput of the local ONNX provider against the MiniLM package.
/// </summary>
public sealed partial class BenchCommand : ICliCommand
{
    /// <summary>Questions of our own in staff language; the eval set is research-only and stays out of the code.</summary>
    private static readonly string[] Questions =
    [
        "Brauche ich für einen Carport eine Baugenehmigung?",
        "Wann ist ein Vorhaben im Außenbereich zulässig?",
        "Darf mein Vermieter wegen Eigenbedarf kündigen?",
        "Welche Frist gilt für den Widerspruch gegen einen Verwaltungsakt?",
        "Wie hoch ist die Hundesteuer in Bad Boll für einen Kampfhund?",
        "Wer ist für die Einberufung des Gemeinderats zuständig?",
        "Wann darf eine Behörde einen rechtswidrigen Verwaltungsakt zurücknehmen?",
        "Welche Unterlagen brauche ich für einen Personalausweis?",
        "Was muss ich bei der Anmeldung einer Wohnung beachten?",
        "Welche Gebühren fallen für eine Beglaubigung beim Landratsamt an?",
        "Ist die Anhörung vor Erlass eines belastenden Verwaltungsakts Pflicht?",
        "Wer muss im Winter den Gehweg räumen und streuen?",
        "Wann müssen Sitzungen des Gemeinderats öffentlich sein?",
        "Welche Voraussetzungen gelten für die Einbürgerung?",
        "Kann ich Akteneinsicht nach dem Informationsfreiheitsgesetz verlangen?",
        "Wie lange ist die Ruhezeit auf dem Friedhof?",
        "Welche Leistungen erhalten Asylbewerber?",
        "Wann liegt ein Gewerbe vor, das angezeigt werden muss?",
        "Welche Rechte hat ein Kind auf einen Platz in der Kindertagesstätte?",
        "Wie wird der Erschließungsbeitrag verteilt?",
        "§ 35 BauGB",
        "Art. 20 Abs. 3 GG",
        "Was regelt § 34 BauGB zum Einfügen in die Eigenart der näheren Umgebung?",
        "Welche Ordnungswidrigkeit begeht, wer seinen Hund nicht anleint?",
    ];

    public async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (arguments.Has("embedding-load"))
        {
            var corpusRoot = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolvePath();
            return await EmbeddingLoadBench.RunAsync(corpusRoot, Questions, arguments.GetInt("queries", 3), cancellationToken);
        }

        if (arguments.Get(OpenStoreOption) is { } openFolder)
        {
            var corpusPath = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolvePath();
            return await OpenStoreInChildAsync(openFolder, corpusPath, arguments.GetInt("queries", 200), cancellationToken);
        }

        var sizes = (arguments.Get("sizes") ?? "corpus,100000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var repetitions = arguments.GetInt("queries", 200);
        var approximate = arguments.Has("ann");
        var corpus = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolvePath();
        var root = Path.Combine(Path.GetTempPath(), "wissen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var rows = new List<BenchRow>();
        var ingest = (IngestionReport?)null;
        var embeddingsPerSecond = 0.0;
        try
        {
            // 1. The real pipeline on the shipped corpus: lexical index, then a sample of embeddings.
            using (var host = WissenCommandLine.BuildHost([new("Data:Directory", Path.Combine(root, "corpus")), new("Corpus:Path", corpus)]))
            {
                Terminal.Progress("Korpus wird eingelesen …");
                ingest = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, IngestionMode.Full, cancellationToken: cancellationToken);
                Terminal.EndProgress();
                var store = host.Services.GetRequiredService<IKnowledgeStore>();
                var generator = host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
                var chunks = await AllChunksAsync(store, cancellationToken);
                if (arguments.Has("embeddings"))
                {
                    await EmbeddingThroughput.RunAsync(chunks.Select(c => c.SearchText).ToList(), arguments.Get("onnx"), arguments.GetInt("chunks", 500), arguments.GetInt("rounds", 2), root, cancellationToken);
                    return 0;
                }

                var sample = await EmbedSampleAsync(store, generator, chunks, cancellationToken);
                embeddingsPerSecond = sample.PerSecond;

                foreach (var size in sizes)
                {
                    var target = size == "corpus" ? chunks.Count : int.Parse(size, CultureInfo.InvariantCulture);
                    var row = await MeasureSizeAsync(root, corpus, chunks, sample.Vectors, target, repetitions, approximate, cancellationToken);
                    var (fromFile, rebuilt) = await MeasureOpenAsync(Path.Combine(root, $"n{target}"), corpus, repetitions, cancellationToken);
                    rows.Add(row with { OpenFromFile = fromFile, OpenRebuilt = rebuilt });
                }
            }
        }
        finally
        {
            TryDelete(root);
        }

        Print(ingest!, embeddingsPerSecond, rows);
        return 0;
    }

    private static async Task<BenchRow> MeasureSizeAsync(string root, string corpus, IReadOnlyList<Chunk> chunks, IReadOnlyDictionary<string, float[]> vectors, int target, int repetitions, bool approximate, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, $"n{target}");
        using var host = WissenCommandLine.BuildHost([new("Data:Directory", folder), new("Corpus:Path", corpus)]);
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        var generator = host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        var model = generator is null ? null : EmbeddingModel.IdOf(generator);

        // Replicate the corpus (new document ids and chunk ids, same texts) up to the target size.
        Terminal.Progress($"{target:N0} Abschnitte werden geschrieben …");
        var write = Stopwatch.StartNew();
        var replicated = SyntheticCorpus.Replicate(chunks, target);
        foreach (var batch in replicated.Chunk(64))
        {
            await store.UpsertAsync(batch, cancellationToken);
        }

        var stored = new List<(string Id, float[] Vector)>();
        if (model is not null && vectors.Count > 0)
        {
            var random = new Random(42);
            var sampleVectors = vectors.Values.ToArray();
            foreach (var batch in replicated.SelectMany(b => b.Chunks).Chunk(2_048))
            {
                // Vectors of the embedded sample, jittered: realistic distribution without embedding a million texts.
                var embeddings = batch.Select(c => new ChunkEmbedding(c.Id, c.ContentHash, SyntheticCorpus.Jitter(vectors.GetValueOrDefault(c.ContentHash) ?? sampleVectors[random.Next(sampleVectors.Length)], random))).ToList();
                await store.StoreEmbeddingsAsync(model, embeddings, cancellationToken);
                if (approximate)
                {
                    stored.AddRange(embeddings.Select(e => (e.ChunkId, e.Vector.ToArray())));
                }
            }
        }

        var writeSeconds = write.Elapsed.TotalSeconds;
        Terminal.EndProgress();

        var search = host.Services.GetRequiredService<ISearchService>();
        await search.SearchAsync(new SearchRequest(Questions[0], 10), cancellationToken);
        var hybrid = await TimeQueriesAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Hybrid), cancellationToken), repetitions);
        var lexical = await TimeQueriesAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Lexical), cancellationToken), repetitions);
        var managedMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        var peakMb = Environment.WorkingSet / 1048576.0;

        Terminal.Progress($"Lucene-Vergleich mit {target:N0} Abschnitten …");
        var luceneBuild = Stopwatch.StartNew();
        using var baseline = LuceneBaseline.Build(replicated.SelectMany(b => b.Chunks).Select(c => (c.Id, c.SearchText)), BaselineAnalyzer.German, Path.Combine(folder, "lucene"));
        var luceneSeconds = luceneBuild.Elapsed.TotalSeconds;
        var lucene = await TimeQueriesAsync(q => Task.FromResult(baseline.Search(q, 10)), repetitions);
        Terminal.EndProgress();
        var engines = await CompareEnginesAsync(store, host.Services.GetRequiredService<ITextAnalyzer>(), [.. replicated.SelectMany(b => b.Chunks)], baseline, folder, repetitions, cancellationToken);

        var neighbours = approximate && stored.Count > 0 ? await MeasureApproximateAsync(store, stored, repetitions, cancellationToken) : null;
        return new BenchRow(replicated.Sum(b => b.Chunks.Count), writeSeconds, hybrid, lexical, lucene, luceneSeconds, managedMb, peakMb, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, neighbours) { Engines = engines };
    }

    /// <summary>Exact SIMD search in the store against USearch's HNSW over the same vectors, queries from the stored ones.</summary>
    private static async Task<NeighbourRow> MeasureApproximateAsync(IKnowledgeStore store, List<(string Id, float[] Vector)> stored, int repetitions, CancellationToken cancellationToken)
    {
        Terminal.Progress($"HNSW-Index (USearch) über {stored.Count:N0} Vektoren …");
        using var hnsw = ApproximateNeighbours.Build(stored);
        Terminal.EndProgress();
        var queries = Enumerable.Range(0, repetitions).Select(i => stored[(int)((long)i * 7919 % stored.Count)].Vector).ToList();
        var exactTimes = new List<double>();
        var approximateTimes = new List<double>();
        var recall = 0.0;
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var exact = await store.SearchDenseAsync(query, SearchFilter.None, 10, cancellationToken);
            exactTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            var found = hnsw.Search(query, 10);
            approximateTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            recall += RetrievalMetrics.Recall(found, exact.Select(h => h.Chunk.Id).ToHashSet(StringComparer.Ordinal), 10);
        }

        return new NeighbourRow(Latency.Of(exactTimes), Latency.Of(approximateTimes), hnsw.BuildTime.TotalSeconds, recall / queries.Count);
    }

    private static async Task<Latency> TimeQueriesAsync<T>(Func<string, Task<T>> run, int repetitions)
    {
        var times = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(Questions[i % Questions.Length]);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Latency.Of(times);
    }

    private static async Task<IReadOnlyList<Chunk>> AllChunksAsync(IKnowledgeStore store, CancellationToken cancellationToken)
    {
        var chunks = new List<Chunk>();
        foreach (var law in await store.ListLawsAsync(cancellationToken))
        {
            foreach (var norm in await store.ListNormsAsync(law.Law, cancellationToken))
            {
                chunks.AddRange(await store.GetNormAsync(law.Law, norm.Citation.Section, cancellationToken));
            }
        }

        return chunks.DistinctBy(c => c.Id).ToList();
    }

    private static async Task<(double PerSecond, IReadOnlyDictionary<string, float[]> Vectors)> EmbedSampleAsync(IKnowledgeStore store, IEmbeddingGenerator<string, Embedding<float>>? generator, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
    {
        if (generator is null)
        {
            return (0, new Dictionary<string, float[]>());
        }

        Terminal.Progress("Einbettungen (Stichprobe von 256 Abschnitten) …");
        var sample = chunks.Where((_, i) => i % Math.Max(1, chunks.Count / 256) == 0).Take(256).ToList();
        var stopwatch = Stopwatch.StartNew();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var batch in sample.Chunk(32))
        {
            var generated = await generator.GenerateAsync(batch.Select(c => c.SearchText), cancellationToken: cancellationToken);
            foreach (var (chunk, embedding) in batch.Zip(generated))
            {
                vectors[chunk.ContentHash] = embedding.Vector.ToArray();
            }
        }

        var perSecond = sample.Count / stopwatch.Elapsed.TotalSeconds;
        await store.StoreEmbeddingsAsync(EmbeddingModel.IdOf(generator), sample.Select(c => new ChunkEmbedding(c.Id, c.ContentHash, vectors[c.ContentHash])).ToList(), cancellationToken);
        Terminal.EndProgress();
        return (perSecond, vectors);
    }

    private static void Print(IngestionReport ingest, double embeddingsPerSecond, List<BenchRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = ingest.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(c, $"Ingestion (Korpus, kalt, lexikalisch): {ingest.Ingested.Count} Dokumente, {ingest.Chunks} Abschnitte in {seconds:0.00} s = {ingest.Ingested.Count / seconds:0.0} Dokumente/s, {ingest.Chunks / seconds:0} Abschnitte/s"));
        Console.WriteLine(embeddingsPerSecond > 0
            ? string.Create(c, $"Einbettungen: {embeddingsPerSecond:0.0} Abschnitte/s (Stichprobe 256) → Korpus vollständig ≈ {ingest.Chunks / embeddingsPerSecond / 60:0.0} min")
            : "Einbettungen: kein Modell eingerichtet");
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"schreiben s",11} {"hybrid p50/p95/p99 ms",22} {"lexikal. p50/p95/p99",22} {"Lucene p50/p95/p99",22} {"Lucene-Index s",14} {"p95 hybr./Lucene",16} {"verwaltet MB",12} {"Spitze MB",10}"));
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {r.WriteSeconds,11:0.0} {r.Hybrid,22} {r.Lexical,22} {r.Lucene,22} {r.LuceneBuildSeconds,14:0.0} {r.Hybrid.P95 / Math.Max(0.001, r.Lucene.P95),15:0.00}× {r.ManagedMb,12:0} {r.PeakMb,10:0}"));
        }

        PrintEngines(rows);

        if (rows.Any(r => r.Neighbours is not null))
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"exakt (SIMD) p50/p95/p99 ms",28} {"HNSW p50/p95/p99 ms",22} {"HNSW-Aufbau s",14} {"HNSW Recall@10",15}"));
            foreach (var r in rows.Where(r => r.Neighbours is not null))
            {
                var n = r.Neighbours!;
                Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {n.Exact,28} {n.Approximate,22} {n.BuildSeconds,14:0.0} {n.Recall,15:0.000}"));
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A benchmark leftover in the temp folder is harmless.
        }
    }

    private sealed record BenchRow(int Chunks, double WriteSeconds, Latency Hybrid, Latency Lexical, Latency Lucene, double LuceneBuildSeconds, double ManagedMb, double WorkingSetMb, double PeakMb, NeighbourRow? Neighbours)
    {
        public OpenRow? OpenFromFile { get; init; }

        public OpenRow? OpenRebuilt { get; init; }

        public IReadOnlyList<EngineRow> Engines { get; init; } = [];
    }

    /// <summary>Vector search alone (no query embedding): exact in the store against HNSW, and HNSW's recall of the exact top 10.</summary>
    private sealed record NeighbourRow(Latency Exact, Latency Approximate, double BuildSeconds, double Recall);

    private sealed record Latency(double P50, double P95, double P99)
    {
        public static Latency Of(List<double> times)
        {
            times.Sort();
            return new Latency(RetrievalMetrics.Percentile(times, 50), RetrievalMetrics.Percentile(times, 95), RetrievalMetrics.Percentile(times, 99));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:0.0}/{P95:0.0}/{P99:0.0}");
    }
}
