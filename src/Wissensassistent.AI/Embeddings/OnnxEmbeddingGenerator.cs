using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// A local ONNX sentence-embedding model from a folder (<see cref="OnnxModelFolder"/>): BERT-family models with
/// WordPiece, XLM-R family models (multilingual-e5, bge-m3) with SentencePiece. Queries and passages get their own
/// prefix (<see cref="EmbeddingPurpose"/>); inputs are cut to the maximum sequence length, sorted by length and padded
/// per batch, pooled (mean or first token) and L2-normalised. The model loads on first use. Queries and passages go
/// through their own lane of one session (<see cref="EncoderLanes{TEncoder}"/>): a query never waits behind a batch of
/// passages, and passages run below normal priority; each run uses <see cref="EmbeddingModelOptions.IntraOpNumThreads"/>
/// threads, so embedding never takes more cores.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Used when neither the configuration nor the model folder names a maximum.</summary>
    public const int DefaultMaxSequenceLength = 512;

    /// <summary>
    /// Characters kept before tokenising: a token stands for a few characters, so this never cuts text the model would
    /// read, and a pasted 50 000-character question costs no more than a long passage.
    /// </summary>
    private const int CharactersPerToken = 64;

    private readonly OnnxModelFolder _folder;
    private readonly string _modelId;
    private readonly EmbeddingPooling _pooling;
    private readonly string _queryPrefix;
    private readonly string _passagePrefix;
    private readonly int _threads;
    private readonly int _batchSize;
    private readonly int? _expectedDimensions;
    private readonly ILogger _logger;
    private readonly Lazy<LoadedModel> _model;
    private readonly EncoderLanes<LoadedModel> _lanes;

    private volatile bool _disposed;

    /// <exception cref="InvalidOperationException">The model folder lacks a file; the message says which, in German.</exception>
    public OnnxEmbeddingGenerator(EmbeddingModelOptions options, ILogger<OnnxEmbeddingGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = OnnxModelFolder.TryOpen(options.ModelPath, out var problem) ?? throw new InvalidOperationException(problem);
        _modelId = string.IsNullOrWhiteSpace(options.Model) ? Path.GetFileName(_folder.Directory.TrimEnd(Path.DirectorySeparatorChar)) : options.Model;
        _pooling = options.Pooling ?? _folder.Pooling ?? EmbeddingPooling.Mean;
        _queryPrefix = options.QueryPrefix ?? string.Empty;
        _passagePrefix = options.PassagePrefix ?? string.Empty;
        MaxSequenceLength = options.MaxSequenceLength ?? Math.Min(_folder.ModelMaxLength ?? DefaultMaxSequenceLength, DefaultMaxSequenceLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSequenceLength, 2, nameof(options));
        _threads = options.IntraOpNumThreads;
        _batchSize = options.BatchSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(_threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_batchSize, 1, nameof(options));
        _expectedDimensions = options.Dimensions;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _model = new Lazy<LoadedModel>(Load, LazyThreadSafetyMode.ExecutionAndPublication);

        // One session serves both lanes: ONNX Runtime runs concurrent calls on one session.
        _lanes = new EncoderLanes<LoadedModel>(() => _model.Value, () => _model.Value, model => model.Encoder.Dispose());
    }

    /// <summary>Tokens per input, special tokens included.</summary>
    public int MaxSequenceLength { get; }

    public ModelTokenizerKind Tokenizer => _folder.Tokenizer;

    public EmbeddingPooling Pooling => _pooling;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var inputs = values.ToArray();
        if (Array.IndexOf(inputs, null) >= 0)
        {
            throw new ArgumentException("Ein Eingabetext ist null.", nameof(values));
        }

        if (inputs.Length == 0)
        {
            return [];
        }

        var query = EmbeddingPurpose.IsQuery(options);
        var prefix = query ? _queryPrefix : _passagePrefix;
        float[][] vectors;
        try
        {
            vectors = await _lanes.RunAsync(query, _ => Run(inputs, prefix, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OnnxRuntimeException ex)
        {
            // As an InvalidOperationException, a failing run lets search fall back to lexical instead of failing.
            throw new InvalidOperationException($"Das ONNX-Modell {_modelId} konnte die Eingaben nicht verarbeiten: {ex.Message}", ex);
        }

        if (options?.Dimensions is { } dimensions && dimensions != vectors[0].Length)
        {
            throw new ArgumentException($"Das ONNX-Modell {_modelId} liefert {vectors[0].Length} Dimensionen, nicht {dimensions}.", nameof(options));
        }

        var createdAt = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(vector => new Embedding<float>(vector) { ModelId = _modelId, CreatedAt = createdAt }));
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
            // The vector length is read from the model, so asking for it loads the model.
            return new EmbeddingGeneratorMetadata("ONNX Runtime", new Uri(_folder.Directory), _modelId, Dimensions());
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Waits for calls in flight; later calls fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _lanes.Dispose();
    }

    /// <summary>The ids the model reads for <paramref name="text"/> as a passage: prefix, truncation and special tokens applied.</summary>
    internal int[] Tokenize(string text, string? prefix = null) => _model.Value.Tokenizer.Encode(Prepare(text, prefix ?? _passagePrefix), MaxSequenceLength);

    /// <summary>Runs given token ids through the model in one batch (tests compare the model path alone this way).</summary>
    internal float[][] EncodeTokenIds(IReadOnlyList<int[]> sequences, CancellationToken cancellationToken = default)
    {
        var (tokenizer, encoder) = _model.Value;
        return encoder.Encode(sequences, tokenizer.PaddingId, _pooling, cancellationToken);
    }

    private float[][] Run(string[] inputs, string prefix, CancellationToken cancellationToken)
    {
        var (tokenizer, encoder) = _model.Value;
        var sequences = new int[inputs.Length][];
        for (var i = 0; i < inputs.Length; i++)
        {
            sequences[i] = tokenizer.Encode(Prepare(inputs[i], prefix), MaxSequenceLength);
        }

        // Length buckets: neighbours in length share a batch, so little of each batch is padding.
        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => sequences[i].Length).ToArray();
        var vectors = new float[inputs.Length][];
        foreach (var batch in order.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var encoded = encoder.Encode(batch.Select(i => sequences[i]).ToArray(), tokenizer.PaddingId, _pooling, cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
            }
        }

        return vectors;
    }

    private string Prepare(string text, string prefix)
    {
        var limit = MaxSequenceLength * CharactersPerToken;
        var body = text.Length > limit ? text[..limit] : text;
        return prefix.Length == 0 ? body : prefix + body;
    }

    private int Dimensions()
    {
        var encoder = _model.Value.Encoder;
        if (encoder.Dimensions == 0)
        {
            // The model leaves the width symbolic: one tiny run tells it.
            EncodeTokenIds([_model.Value.Tokenizer.Encode(string.Empty, MaxSequenceLength)]);
        }

        return encoder.Dimensions;
    }

    private LoadedModel Load()
    {
        var stopwatch = Stopwatch.StartNew();
        ModelTokenizer tokenizer;
        OnnxEncoder encoder;
        try
        {
            tokenizer = ModelTokenizer.Create(_folder);
            encoder = new OnnxEncoder(_folder.ModelFile, _threads);
        }
        catch (Exception ex) when (ex is not InvalidOperationException and not OutOfMemoryException)
        {
            // A damaged or foreign file: search falls back to lexical on InvalidOperationException, and says why.
            throw new InvalidOperationException($"Das ONNX-Modell in „{_folder.Directory}“ konnte nicht geladen werden: {ex.Message}", ex);
        }

        if (_expectedDimensions is { } expected && encoder.Dimensions > 0 && encoder.Dimensions != expected)
        {
            encoder.Dispose();
            throw new InvalidOperationException(
                $"LanguageModels:Embeddings:Dimensions ist {expected}, das ONNX-Modell in „{_folder.Directory}“ liefert aber {encoder.Dimensions} Dimensionen.");
        }

        LanguageModelLog.OnnxLoaded(
            _logger, _modelId, _folder.ModelFile, stopwatch.ElapsedMilliseconds, _folder.Tokenizer, encoder.Dimensions, _pooling, MaxSequenceLength, _threads);
        return new LoadedModel(tokenizer, encoder);
    }

    private sealed record LoadedModel(ModelTokenizer Tokenizer, OnnxEncoder Encoder);
}
