using Microsoft.Extensions.Options;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>Generation rules that hold before any call reaches Qdrant.</summary>
public sealed class QdrantGenerationsTests : IDisposable
{
    private readonly QdrantConnection _connection = new(Options.Create(new QdrantStoreOptions { Url = "http://127.0.0.1:1", Collection = "amt" }));

    [Fact]
    public void NewGenerationName_IsAliasWithUtcTimestamp()
    {
        var generations = new QdrantGenerations(_connection);

        var name = generations.NewGenerationName(new DateTimeOffset(2026, 11, 25, 19, 10, 11, 123, TimeSpan.FromHours(1)));

        Assert.Equal("amt_g20261125_181011_123", name);
    }

    [Theory]
    [InlineData("amt")]
    [InlineData("amt_documents")]
    [InlineData("amt_g1_documents")]
    [InlineData(" ")]
    public async Task CreateGeneration_WithReservedName_IsRejectedBeforeAnyCall(string name)
    {
        var generations = new QdrantGenerations(_connection);

        await Assert.ThrowsAsync<ArgumentException>(() => generations.CreateGenerationAsync(name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ForGeneration_ReadsAndWritesThatGenerationDirectly()
    {
        var store = new QdrantKnowledgeStore(_connection, new QdrantGenerations(_connection), new LowercaseWordAnalyzer());

        var target = store.ForGeneration("amt_g20261125_181011_123");

        Assert.Equal("amt", store.ChunksCollection);
        Assert.Equal("amt_documents", store.DocumentsCollection);
        Assert.Equal("amt_g20261125_181011_123", target.ChunksCollection);
        Assert.Equal("amt_g20261125_181011_123_documents", target.DocumentsCollection);
    }

    public void Dispose() => _connection.Dispose();
}
