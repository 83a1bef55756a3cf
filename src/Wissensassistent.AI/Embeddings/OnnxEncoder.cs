using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// One ONNX transformer session: token ids in, one pooled, L2-normalised vector per sequence out. Knows nothing about
/// text; the sequences of one call form one batch, padded to the longest of them.
/// </summary>
internal sealed class OnnxEncoder : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    /// <summary>Names under which exports publish the per-token states: optimum, then sentence-transformers.</summary>
    private static readonly string[] TokenOutputNames = ["last_hidden_state", "token_embeddings"];

    /// <summary>Names of already pooled sentence vectors: sentence-transformers' export, bge-m3's dense output.</summary>
    private static readonly string[] PooledOutputNames = ["sentence_embedding", "dense_vecs"];

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly string _output;
    private readonly bool _outputIsPooled;
    private readonly bool _wantsTokenTypes;
    private readonly bool _int32Inputs;

    public OnnxEncoder(string modelFile, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);

        // Before the runtime's first session: its telemetry crashes on long command lines and sends usage data.
        OnnxRuntimeTelemetry.Disable();
        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(modelFile, _sessionOptions);
        }
        catch
        {
            _sessionOptions.Dispose();
            throw;
        }

        try
        {
            var inputs = _session.InputMetadata;
            if (!inputs.ContainsKey(InputIds) || !inputs.ContainsKey(AttentionMask))
            {
                throw new InvalidOperationException(
                    $"Das ONNX-Modell „{modelFile}“ erwartet die Eingaben {string.Join(", ", inputs.Keys)}; benötigt werden {InputIds} und {AttentionMask}.");
            }

            _wantsTokenTypes = inputs.ContainsKey(TokenTypeIds);
            _int32Inputs = inputs[InputIds].ElementDataType == TensorElementType.Int32;
            (_output, _outputIsPooled, Dimensions) = ChooseOutput(_session, modelFile);
        }
        catch
        {
            _session.Dispose();
            _sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>Length of every vector; 0 until the first run when the model leaves it symbolic.</summary>
    public int Dimensions { get; private set; }

    public float[][] Encode(IReadOnlyList<int[]> sequences, int paddingId, EmbeddingPooling pooling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return [];
        }

        var batch = sequences.Count;
        var length = sequences.Max(s => s.Length);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var row = 0; row < batch; row++)
        {
            var sequence = sequences[row];
            var offset = row * length;
            for (var i = 0; i < length; i++)
            {
                var real = i < sequence.Length;
                ids[offset + i] = real ? sequence[i] : paddingId;
                mask[offset + i] = real ? 1 : 0;
            }
        }

        long[] shape = [batch, length];
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        try
        {
            inputs[InputIds] = Tensor(ids, shape);
            inputs[AttentionMask] = Tensor(mask, shape);
            if (_wantsTokenTypes)
            {
                inputs[TokenTypeIds] = Tensor(new long[ids.Length], shape);
            }

            using var runOptions = new RunOptions();
            using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
            using var outputs = _session.Run(runOptions, inputs, [_output]);
            cancellationToken.ThrowIfCancellationRequested();
            var output = outputs[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            var hidden = (int)outputShape[^1];
            Dimensions = hidden;
            var data = output.GetTensorDataAsSpan<float>();
            var vectors = new float[batch][];
            for (var row = 0; row < batch; row++)
            {
                vectors[row] = _outputIsPooled
                    ? data.Slice(row * hidden, hidden).ToArray()
                    : Pool(data.Slice(row * length * hidden, length * hidden), mask.AsSpan(row * length, length), hidden, pooling);
                Normalize(vectors[row]);
            }

            return vectors;
        }
        finally
        {
            foreach (var value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    /// <summary>Mean over the unmasked tokens (as sentence-transformers computes it) or the first token's state.</summary>
    internal static float[] Pool(ReadOnlySpan<float> states, ReadOnlySpan<long> mask, int hidden, EmbeddingPooling pooling)
    {
        var vector = new float[hidden];
        if (pooling == EmbeddingPooling.Cls)
        {
            states[..hidden].CopyTo(vector);
            return vector;
        }

        var count = 0f;
        for (var token = 0; token < mask.Length; token++)
        {
            if (mask[token] == 0)
            {
                continue;
            }

            count++;
            var state = states.Slice(token * hidden, hidden);
            for (var d = 0; d < hidden; d++)
            {
                vector[d] += state[d];
            }
        }

        var scale = 1f / MathF.Max(count, 1e-9f);
        for (var d = 0; d < hidden; d++)
        {
            vector[d] *= scale;
        }

        return vector;
    }

    internal static void Normalize(Span<float> vector)
    {
        var sum = 0f;
        foreach (var value in vector)
        {
            sum += value * value;
        }

        var scale = 1f / MathF.Max(MathF.Sqrt(sum), 1e-12f);
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] *= scale;
        }
    }

    private OrtValue Tensor(long[] values, long[] shape) =>
        _int32Inputs
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (int)v), shape)
            : OrtValue.CreateTensorValueFromMemory(values, shape);

    /// <summary>
    /// Per-token states by preference (pooling is ours to choose), then a known pooled output, then any rank-3 or rank-2
    /// output. Known names come first because some exports have further rank-3 outputs (bge-m3's colbert_vecs).
    /// </summary>
    private static (string Name, bool Pooled, int Dimensions) ChooseOutput(InferenceSession session, string modelFile)
    {
        var outputs = session.OutputMetadata;
        int Width(string name) => Math.Max(outputs[name].Dimensions[^1], 0);

        if (TokenOutputNames.FirstOrDefault(outputs.ContainsKey) is { } tokens)
        {
            return (tokens, false, Width(tokens));
        }

        if (PooledOutputNames.FirstOrDefault(outputs.ContainsKey) is { } pooled)
        {
            return (pooled, true, Width(pooled));
        }

        if (outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 3).Key is { } anyTokens)
        {
            return (anyTokens, false, Width(anyTokens));
        }

        var anyPooled = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 2).Key
            ?? throw new InvalidOperationException($"Das ONNX-Modell „{modelFile}“ liefert keine Token- oder Satzvektoren (Ausgaben: {string.Join(", ", outputs.Keys)}).");
        return (anyPooled, true, Width(anyPooled));
    }
}
