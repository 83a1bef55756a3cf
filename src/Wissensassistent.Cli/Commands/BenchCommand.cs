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
using Wissensassistent.EmbeddedStore;
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

    /// <summary>Untimed passes over the questions before a system is timed (<see cref="TimeQueriesAsync"/>), and at least this long.</summary>
    private const int MinWarmUpPasses = 3;

    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);

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

        if (arguments.Get(OpenWithVectorsOption) is { } vectorsFolder)
        {
            var corpusPath = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolvePath();
            return await OpenWithVectorsInChildAsync(vectorsFolder, corpusPath, arguments.GetInt("queries", 200), cancellationToken);
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
                    var withVectors = await MeasureOpenWithVectorsAsync(Path.Combine(root, $"n{target}"), corpus, row, repetitions, cancellationToken);
                    var (fromFile, rebuilt, everyHitRead) = await MeasureOpenAsync(Path.Combine(root, $"n{target}"), corpus, repetitions, cancellationToken);
                    rows.Add(row with { OpenFromFile = fromFile, OpenRebuilt = rebuilt, OpenEveryHitRead = everyHitRead, OpenWithVectors = withVectors });
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

        // Replicate the corpus (new document ids and chunk ids, same texts) up to the target size.
        var replicated = SyntheticCorpus.Replicate(chunks, target);
        BenchRow row;
        using (var host = WissenCommandLine.BuildHost([new("Data:Directory", folder), new("Corpus:Path", corpus)]))
        {
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
            var generator = host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
            var model = generator is null ? null : EmbeddingModel.IdOf(generator);
            var search = host.Services.GetRequiredService<ISearchService>();

            Terminal.Progress($"{target:N0} Abschnitte werden geschrieben …");
            var write = Stopwatch.StartNew();
            foreach (var batch in replicated.Chunk(64))
            {
                await store.UpsertAsync(batch, cancellationToken);
            }

            // Peak memory before any vector is stored: what the lexical side needs on its own.
            await search.SearchAsync(new SearchRequest(Questions[0], 10, SearchMode.Lexical), cancellationToken);
            var lexicalPeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            var storedQueries = await StoreVectorsAsync(store, model, vectors, replicated, repetitions, cancellationToken);
            var writeSeconds = write.Elapsed.TotalSeconds;
            Terminal.EndProgress();
            var denseSearch = await DenseStatusAsync(store, cancellationToken);

            await search.SearchAsync(new SearchRequest(Questions[0], 10), cancellationToken);
            var hybrid = await TimeQueriesAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Hybrid), cancellationToken), repetitions);
            var lexical = await TimeQueriesAsync(q => search.SearchAsync(new SearchRequest(q, 10, SearchMode.Lexical), cancellationToken), repetitions);
            var dense = await MeasureDenseAsync(store, generator, storedQueries, repetitions, approximate, cancellationToken);
            var managedMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            var workingSetMb = Environment.WorkingSet / 1048576.0;
            row = new BenchRow(replicated.Sum(b => b.Chunks.Count), writeSeconds, hybrid, lexical, null, 0, managedMb, workingSetMb, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0)
            {
                LexicalPeakMb = lexicalPeakMb,
                Dense = dense,
                DenseSearch = denseSearch,
            };
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        Terminal.Progress($"Lucene-Vergleich mit {target:N0} Abschnitten …");
        var luceneBuild = Stopwatch.StartNew();
        using var baseline = LuceneBaseline.Build(replicated.SelectMany(b => b.Chunks).Select(c => (c.Id, c.SearchText)), BaselineAnalyzer.German, Path.Combine(folder, "lucene"));
        var luceneSeconds = luceneBuild.Elapsed.TotalSeconds;
        var lucene = await TimeQueriesAsync(q => Task.FromResult(baseline.Search(q, 10)), repetitions);
        Terminal.EndProgress();
        List<EngineRow> engines;
        using (var host = WissenCommandLine.BuildHost([new("Data:Directory", folder), new("Corpus:Path", corpus)]))
        {
            engines = await CompareEnginesAsync(host.Services.GetRequiredService<IKnowledgeStore>(), host.Services.GetRequiredService<ITextAnalyzer>(), [.. replicated.SelectMany(b => b.Chunks)], baseline, folder, repetitions, cancellationToken);
        }

        return row with { Lucene = lucene, LuceneBuildSeconds = luceneSeconds, Engines = engines };
    }

    /// <summary>
    /// Latency in steady state, as a running server answers: untimed passes over the questions first, for every system alike,
    /// so that no system's p95 holds its own JIT warm-up (the first answer is reported on its own). One pass was too few: the
    /// runtime recompiles a method optimised only after some 30 calls and a pause, on a background thread, so a system with
    /// much code on its path (analysis, expansion, re-ranking) was timed partly unoptimised, the more so on a busy machine.
    /// </summary>
    /// <param name="timingStarts">Called once the warm-up is done, right before the first timed query.</param>
    private static async Task<Latency> TimeQueriesAsync<T>(Func<string, Task<T>> run, int repetitions, Action? timingStarts = null)
    {
        var warmUp = Stopwatch.StartNew();
        for (var pass = 0; pass < MinWarmUpPasses || warmUp.Elapsed < MinWarmUp; pass++)
        {
            for (var i = 0; i < Math.Min(repetitions, Questions.Length); i++)
            {
                await run(Questions[i]);
            }
        }

        timingStarts?.Invoke();
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
        Console.WriteLine(string.Create(c, $"{"Abschnitte",11} {"schreiben s",11} {"lexikal. p50/p95/p99",22} {"Lucene p50/p95/p99",22} {"lex./Lucene p95",15} {"hybrid p50/p95/p99 ms",22} {"hybr./Lucene p95",16} {"Öffnen ms",9} {"Lucene-Index s",14} {"Spitze lex. MB",14} {"Spitze MB",10} {"verwaltet MB",12}"));
        foreach (var r in rows)
        {
            var luceneP95 = Math.Max(0.001, r.Lucene!.P95);
            Console.WriteLine(string.Create(c, $"{r.Chunks,11:N0} {r.WriteSeconds,11:0.0} {r.Lexical,22} {r.Lucene,22} {r.Lexical.P95 / luceneP95,14:0.00}× {r.Hybrid,22} {r.Hybrid.P95 / luceneP95,15:0.00}× {r.OpenFromFile?.OpenMs,9:0} {r.LuceneBuildSeconds,14:0.0} {r.LexicalPeakMb,14:0} {r.PeakMb,10:0} {r.ManagedMb,12:0}"));
        }

        PrintEngines(rows);
        PrintVectors(rows);
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

    /// <param name="PeakMb">Peak working set of the process up to the end of this size's measurements (vectors included).</param>
    private sealed record BenchRow(int Chunks, double WriteSeconds, Latency Hybrid, Latency Lexical, Latency? Lucene, double LuceneBuildSeconds, double ManagedMb, double WorkingSetMb, double PeakMb)
    {
        /// <summary>Peak working set after the chunks were written and searched, before any vector was stored.</summary>
        public double LexicalPeakMb { get; init; }

        public OpenRow? OpenFromFile { get; init; }

        public OpenRow? OpenRebuilt { get; init; }

        /// <summary>Opened from the index file with no chunk kept in memory once read.</summary>
        public OpenRow? OpenEveryHitRead { get; init; }

        public IReadOnlyList<EngineRow> Engines { get; init; } = [];

        public DenseRow? Dense { get; init; }

        public DenseSearchStatus? DenseSearch { get; init; }

        /// <summary>A new process that opens the store with its vectors and the embedding model: the product's peak with vectors.</summary>
        public VectorOpenRow? OpenWithVectors { get; init; }
    }

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
