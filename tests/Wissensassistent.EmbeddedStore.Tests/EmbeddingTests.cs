using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class EmbeddingTests : IDisposable
{
    private const string Model = BagOfWordsEmbeddingGenerator.ModelId;

    private readonly TemporaryDirectory _directory = new();
    private readonly BagOfWordsEmbeddingGenerator _embeddings = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetChunksWithoutEmbedding_OffersSharedContentOnlyOnce()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        var original = SampleCorpus.ChunkOf(SampleCorpus.HundesteuersatzungBatch, "5", "1");
        var copyDocument = SampleCorpus.Hundesteuersatzung with { Id = "kommune/zz-abschrift.md" };
        var copy = SampleCorpus.CreateChunk(copyDocument, original.Citation, 0, original.Text, original.NormTitle, []);
        await store.UpsertAsync([.. SampleCorpus.All, new DocumentBatch(copyDocument, [copy])], Ct);

        var missing = await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct);

        Assert.Equal(18, missing.Count);
        Assert.Contains(missing, chunk => chunk.Id == original.Id);
        Assert.DoesNotContain(missing, chunk => chunk.Id == copy.Id);
        await store.StoreEmbeddingsAsync(Model, [.. missing.Select(chunk => new ChunkEmbedding(chunk.Id, chunk.ContentHash, _embeddings.Embed(chunk.SearchText)))], Ct);
        Assert.Equal(19, (await store.GetStatisticsAsync(Ct)).ChunksWithEmbedding);
    }

    [Fact]
    public async Task StoreEmbeddings_OtherDimensionForSameModel_IsRejected()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        var chunks = SampleCorpus.AllChunks.ToList();
        await store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunks[0].Id, chunks[0].ContentHash, _embeddings.Embed("eins"))], Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunks[1].Id, chunks[1].ContentHash, new float[] { 1, 0, 0 })], Ct));

        Assert.Contains("64 Dimensionen", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetStatisticsAsync(Ct)).ChunksWithEmbedding);
    }

    [Fact]
    public async Task StoreEmbeddings_ZeroVector_IsRejected()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        var chunk = SampleCorpus.AllChunks.First();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunk.Id, chunk.ContentHash, new float[64])], Ct));
    }

    [Fact]
    public async Task SearchDense_QueryOfOtherDimension_IsRejected()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        var chunk = SampleCorpus.AllChunks.First();
        await store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunk.Id, chunk.ContentHash, _embeddings.Embed(chunk.SearchText))], Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchDenseAsync(new float[] { 1, 2, 3 }, SearchFilter.None, 5, Ct));
    }

    [Fact]
    public async Task StoreEmbeddings_SwitchingBackToEarlierModel_ReusesItsStoredVectors()
    {
        await using var store = StoreFactory.Open(_directory.Path);
        await store.UpsertAsync(SampleCorpus.All, Ct);
        var chunks = SampleCorpus.AllChunks.ToList();
        await store.StoreEmbeddingsAsync(Model, [.. chunks.Select(chunk => new ChunkEmbedding(chunk.Id, chunk.ContentHash, _embeddings.Embed(chunk.SearchText)))], Ct);
        await store.StoreEmbeddingsAsync("other-model", [new ChunkEmbedding(chunks[0].Id, chunks[0].ContentHash, new float[] { 1, 0 })], Ct);

        await store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunks[1].Id, chunks[1].ContentHash, _embeddings.Embed(chunks[1].SearchText))], Ct);

        Assert.Equal(new StoreStatistics(5, 4, 12, 18, 18, Model), await store.GetStatisticsAsync(Ct));
        var target = SampleCorpus.ChunkOf(SampleCorpus.GemOTeil2Batch, "25", "1");
        var hits = await store.SearchDenseAsync(_embeddings.Embed(target.SearchText), SearchFilter.None, 1, Ct);
        Assert.Equal(target.Id, Assert.Single(hits).Chunk.Id);
    }
}
