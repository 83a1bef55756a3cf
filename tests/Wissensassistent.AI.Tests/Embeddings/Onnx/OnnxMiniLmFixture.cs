using Wissensassistent.AI.Embeddings;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>One extracted MiniLM folder, the ONNX provider over it and the package's own generator for comparison.</summary>
public sealed class OnnxMiniLmFixture : IDisposable
{
    private readonly TemporaryFolder _folder = MiniLmOnnxFolder.Create();

    public OnnxMiniLmFixture()
    {
        Options = new EmbeddingModelOptions
        {
            Provider = EmbeddingProvider.Onnx,
            ModelPath = _folder.Path,

            // The package reads up to 512 word pieces; so must the provider for the vectors to be comparable.
            MaxSequenceLength = 512,
            BatchSize = 3,
        };
        Onnx = new OnnxEmbeddingGenerator(Options);
        Package = new MiniLmEmbeddingGenerator(batchSize: 3);
    }

    public string ModelPath => _folder.Path;

    public EmbeddingModelOptions Options { get; }

    public OnnxEmbeddingGenerator Onnx { get; }

    public MiniLmEmbeddingGenerator Package { get; }

    public void Dispose()
    {
        Onnx.Dispose();
        Package.Dispose();
        _folder.Dispose();
    }
}
