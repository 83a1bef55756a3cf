using System.Text;
using Microsoft.Extensions.AI;

namespace Wissensassistent.Testing;

/// <summary>
/// Deterministic embeddings for tests: the words of a text hashed into a 64-dimensional bag, normalised. Texts that
/// share words are close, which is all retrieval tests need. Counts the texts it embedded, so that tests can prove
/// that cached vectors are reused.
/// </summary>
public sealed class BagOfWordsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "test-bag-of-words-64";

    public const int Dimensions = 64;

    private readonly SimpleTextAnalyzer _analyzer = new();
    private int _textsEmbedded;

    public EmbeddingGeneratorMetadata Metadata { get; } = new("bag-of-words", null, ModelId, Dimensions);

    public int TextsEmbedded => Volatile.Read(ref _textsEmbedded);

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Interlocked.Increment(ref _textsEmbedded);
        var vector = new float[Dimensions];
        foreach (var term in _analyzer.Analyze(text))
        {
            vector[Bucket(term)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        if (norm == 0)
        {
            // An empty text still gets a valid, if meaningless, direction.
            vector[0] = 1;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(
            values.Select(value => new Embedding<float>(Embed(value)) { ModelId = ModelId }));
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>FNV-1a, because string.GetHashCode differs between processes.</summary>
    private static int Bucket(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Dimensions);
    }
}
