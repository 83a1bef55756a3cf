using Wissensassistent.AI.Embeddings;

namespace Wissensassistent.AI.Tests.Embeddings;

/// <summary>One loaded model for all MiniLM tests: loading takes a second or two.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new(batchSize: 2);

    public void Dispose() => Generator.Dispose();
}
