using Microsoft.Extensions.AI;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Core.Tests;

public sealed class EmbeddingPurposeTests
{
    [Fact]
    public void ForQuery_IsQuery()
    {
        Assert.True(EmbeddingPurpose.IsQuery(EmbeddingPurpose.ForQuery()));
    }

    [Fact]
    public void NoOptionsOrOtherProperties_ArePassages()
    {
        Assert.False(EmbeddingPurpose.IsQuery(null));
        Assert.False(EmbeddingPurpose.IsQuery(new EmbeddingGenerationOptions()));
        Assert.False(EmbeddingPurpose.IsQuery(new EmbeddingGenerationOptions { AdditionalProperties = new() { [EmbeddingPurpose.PropertyName] = EmbeddingPurpose.Passage } }));
    }

    [Fact]
    public void ForQuery_ReturnsFreshOptions_SoOneCallerCannotChangeAnothers()
    {
        var first = EmbeddingPurpose.ForQuery();
        first.AdditionalProperties![EmbeddingPurpose.PropertyName] = EmbeddingPurpose.Passage;

        Assert.True(EmbeddingPurpose.IsQuery(EmbeddingPurpose.ForQuery()));
    }
}
