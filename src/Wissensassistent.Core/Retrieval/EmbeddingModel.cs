using Microsoft.Extensions.AI;

namespace Wissensassistent.Core.Retrieval;

/// <summary>The name under which a generator's vectors are stored; vectors of different models never mix.</summary>
public static class EmbeddingModel
{
    public static string IdOf(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var name = metadata?.DefaultModelId ?? generator.GetType().Name;
        return metadata?.DefaultModelDimensions is { } dimensions ? $"{name}@{dimensions}" : name;
    }
}
