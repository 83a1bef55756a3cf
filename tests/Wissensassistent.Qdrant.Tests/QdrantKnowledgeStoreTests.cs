using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>
/// The shared store contract against a real Qdrant (set QDRANT_URL, e.g. http://localhost:6334; QDRANT_API_KEY if
/// needed), plus what only Qdrant has: hybrid search and generations behind an alias. Each store works under its own
/// alias; its collections are removed afterwards.
/// </summary>
public sealed class QdrantKnowledgeStoreTests : KnowledgeStoreContractTests
{
    private readonly List<QdrantConnection> _connections = [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var connection in _connections)
        {
            var alias = connection.Options.Collection;
            var client = connection.Client;
            foreach (var a in await client.ListAliasesAsync())
            {
                if (a.AliasName.StartsWith(alias, StringComparison.Ordinal))
                {
                    await client.DeleteAliasAsync(a.AliasName);
                }
            }

            foreach (var collection in await client.ListCollectionsAsync())
            {
                if (collection.StartsWith(alias, StringComparison.Ordinal))
                {
                    await client.DeleteCollectionAsync(collection);
                }
            }

            connection.Dispose();
        }
    }

    [Fact]
    public async Task SearchHybrid_FusesSparseAndDense()
    {
        var (store, _) = await NewQdrantStoreAsync();
        await store.UpsertAsync(SampleCorpus.All, Ct);
        await EmbedAllAsync(store);
        var expected = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "35", "1");

        var hits = await store.SearchHybridAsync(Analyzer.Query("Außenbereich"), Embeddings.Embed(expected.SearchText), SearchFilter.None, 10, Ct);

        Assert.Equal(expected.Id, hits[0].Chunk.Id);
    }

    [Fact]
    public async Task StoreEmbeddings_WrongDimensions_IsRejected()
    {
        var (store, _) = await NewQdrantStoreAsync();
        var chunk = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "35", "1");

        await Assert.ThrowsAsync<ArgumentException>(() => store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunk.Id, chunk.ContentHash, new float[7])], Ct));
    }

    [Fact]
    public async Task Generation_GoesLiveAtomically_ReusesVectors_AndDeletesThePreviousOne()
    {
        var (store, generations) = await NewQdrantStoreAsync();
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        await EmbedAllAsync(store);
        var gateway = new QdrantStoreGenerations(store, generations, TimeProvider.System);
        var previous = await generations.GetLiveCollectionAsync(Ct);

        var generation = await gateway.CreateGenerationAsync(Ct);
        await generation.UpsertAsync([SampleCorpus.BauGBBatch, SampleCorpus.GemOTeil1Batch], Ct);

        Assert.Equal([SampleCorpus.BauGB.Id], (await store.GetDocumentHashesAsync(Ct)).Keys);
        Assert.Equal(SampleCorpus.GemOTeil1Batch.Chunks.Count, (await generation.GetChunksWithoutEmbeddingAsync(Model, 100, Ct)).Count);

        await gateway.SwitchToAsync(generation, Ct);

        Assert.Equal(2, (await store.GetDocumentHashesAsync(Ct)).Count);
        Assert.Equal(Model, (await store.GetStatisticsAsync(Ct)).EmbeddingModel);
        Assert.DoesNotContain(previous, await generations.ListGenerationsAsync(Ct));
    }

    [Fact]
    public async Task Generation_Discarded_LeavesLiveOneUntouched()
    {
        var (store, generations) = await NewQdrantStoreAsync();
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        var gateway = new QdrantStoreGenerations(store, generations, TimeProvider.System);
        var live = await generations.GetLiveCollectionAsync(Ct);

        var generation = await gateway.CreateGenerationAsync(Ct);
        await generation.UpsertAsync([SampleCorpus.GemOTeil1Batch], Ct);
        await gateway.DiscardAsync(generation, Ct);

        Assert.Equal([SampleCorpus.BauGB.Id], (await store.GetDocumentHashesAsync(Ct)).Keys);
        Assert.Equal([live!], await generations.ListGenerationsAsync(Ct));
    }

    protected override async Task<IKnowledgeStore> CreateStoreAsync() => (await NewQdrantStoreAsync()).Store;

    private Task<(QdrantKnowledgeStore Store, QdrantGenerations Generations)> NewQdrantStoreAsync()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Skip("QDRANT_URL ist nicht gesetzt: kein Qdrant-Server erreichbar, Qdrant-Tests übersprungen.");
        }

        var connection = new QdrantConnection(Options.Create(new QdrantStoreOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            Collection = $"test_{Guid.NewGuid():N}"[..21],
            VectorSize = BagOfWordsEmbeddingGenerator.Dimensions,
            UpsertBatchSize = 4,
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(20),
        }));
        _connections.Add(connection);
        var generations = new QdrantGenerations(connection);
        return Task.FromResult((new QdrantKnowledgeStore(connection, generations, Analyzer), generations));
    }
}
