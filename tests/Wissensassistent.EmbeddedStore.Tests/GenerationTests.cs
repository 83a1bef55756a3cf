using Wissensassistent.Core.Storage;
using Wissensassistent.Testing;

namespace Wissensassistent.EmbeddedStore.Tests;

public sealed class GenerationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SimpleTextAnalyzer _analyzer = new();
    private readonly BagOfWordsEmbeddingGenerator _embeddings = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Switch_WhileQueriesRun_EveryQuerySeesOneWholeGeneration()
    {
        await using var store = StoreFactory.Open(_directory.Path, _analyzer);
        IReadOnlyList<DocumentBatch> oldContent = [SampleCorpus.BauGBBatch, SampleCorpus.GemOTeil1Batch];
        IReadOnlyList<DocumentBatch> newContent = [SampleCorpus.GemOTeil1Batch, SampleCorpus.GemOTeil2Batch, SampleCorpus.HundesteuersatzungBatch];
        await store.UpsertAsync(oldContent, Ct);
        var oldView = await ViewAsync(store);
        var generation = await store.CreateGenerationAsync(Ct);
        await generation.UpsertAsync(newContent, Ct);
        var newView = await ViewAsync(generation);
        Assert.NotEqual(oldView.Statistics, newView.Statistics);
        Assert.NotEqual(oldView.Hits, newView.Hits);

        using var switched = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(
            async () =>
            {
                var sawNew = false;
                var afterSwitch = 0;
                while (afterSwitch < 20)
                {
                    afterSwitch += switched.IsCancellationRequested ? 1 : 0;

                    // Each call on its own must see one whole generation; two calls may straddle the switch.
                    var view = await ViewAsync(store);
                    Assert.True(view.Statistics == oldView.Statistics || view.Statistics == newView.Statistics, $"Statistics of a mix: {view.Statistics}");
                    Assert.True(view.Hits == oldView.Hits || view.Hits == newView.Hits, $"Hits of a mix: {view.Hits}");
                    sawNew |= view.Hits == newView.Hits;
                }

                return sawNew;
            },
            Ct)).ToList();

        await Task.Delay(50, Ct);
        await store.SwitchToAsync(generation, Ct);
        await switched.CancelAsync();
        var sawNewGeneration = await Task.WhenAll(readers);

        Assert.All(sawNewGeneration, Assert.True);
        Assert.Equal(newView, await ViewAsync(store));
        Assert.Equal(Path.GetFileName(store.DatabasePath), File.ReadAllText(store.PointerPath));
        Assert.False(File.Exists(Path.Combine(_directory.Path, "wissen.db")), "the previous generation is deleted");
        Assert.False(File.Exists(Path.Combine(_directory.Path, "wissen.db.index")), "and its index file with it");

        await using var reopened = StoreFactory.Open(_directory.Path, _analyzer);
        Assert.Equal(newView, await ViewAsync(reopened));
        Assert.Equal(store.DatabasePath, reopened.DatabasePath);
    }

    [Fact]
    public async Task AbandonedGeneration_NeverServes_AndIsDeletedWithTheNextOne()
    {
        await using (var crashed = StoreFactory.Open(_directory.Path, _analyzer))
        {
            await crashed.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
            var generation = await crashed.CreateGenerationAsync(Ct);
            await generation.UpsertAsync([SampleCorpus.HundesteuersatzungBatch], Ct);

            // The process dies here: no switch, no discard.
        }

        var leftovers = GenerationFiles();
        await using var store = StoreFactory.Open(_directory.Path, _analyzer);

        Assert.Single(leftovers);
        Assert.Equal([SampleCorpus.BauGB.Id], (await store.GetDocumentHashesAsync(Ct)).Keys);
        var next = await store.CreateGenerationAsync(Ct);
        Assert.DoesNotContain(leftovers[0], GenerationFiles());
        await store.DiscardAsync(next, Ct);
        Assert.Empty(GenerationFiles());
        Assert.Equal([SampleCorpus.BauGB.Id], (await store.GetDocumentHashesAsync(Ct)).Keys);
    }

    [Fact]
    public async Task NewGeneration_ReusesCachedEmbeddingsByContentHash()
    {
        await using var store = StoreFactory.Open(_directory.Path, _analyzer);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        var chunks = await store.GetChunksWithoutEmbeddingAsync(BagOfWordsEmbeddingGenerator.ModelId, 100, Ct);
        await store.StoreEmbeddingsAsync(
            BagOfWordsEmbeddingGenerator.ModelId,
            [.. chunks.Select(chunk => new ChunkEmbedding(chunk.Id, chunk.ContentHash, _embeddings.Embed(chunk.SearchText)))],
            Ct);

        var generation = await store.CreateGenerationAsync(Ct);
        await generation.UpsertAsync([SampleCorpus.BauGBBatch, SampleCorpus.HundesteuersatzungBatch], Ct);

        var missing = await generation.GetChunksWithoutEmbeddingAsync(BagOfWordsEmbeddingGenerator.ModelId, 100, Ct);
        Assert.Equal(SampleCorpus.HundesteuersatzungBatch.Chunks.Select(c => c.Id).Order(), missing.Select(c => c.Id).Order());
        var statistics = await generation.GetStatisticsAsync(Ct);
        Assert.Equal(SampleCorpus.BauGBBatch.Chunks.Count, statistics.ChunksWithEmbedding);
        Assert.Equal(BagOfWordsEmbeddingGenerator.ModelId, statistics.EmbeddingModel);
        var expected = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "35", "1");
        var hits = await generation.SearchDenseAsync(_embeddings.Embed(expected.SearchText), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Id, Assert.Single(hits).Chunk.Id);
        await store.DiscardAsync(generation, Ct);
    }

    [Fact]
    public async Task SecondInstance_NoticesWritesAndSwitchesOfTheFirst()
    {
        await using var worker = StoreFactory.Open(_directory.Path, _analyzer);
        await using var web = StoreFactory.Open(_directory.Path, _analyzer);
        await worker.UpsertAsync([SampleCorpus.BauGBBatch], Ct);
        Assert.Equal([SampleCorpus.BauGB.Id], (await web.GetDocumentHashesAsync(Ct)).Keys);

        await worker.UpsertAsync([SampleCorpus.HundesteuersatzungBatch], Ct);
        var hits = await web.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 5, Ct);
        Assert.NotEmpty(hits);

        var generation = await worker.CreateGenerationAsync(Ct);
        await generation.UpsertAsync([SampleCorpus.GemOTeil1Batch], Ct);
        await worker.SwitchToAsync(generation, Ct);

        Assert.Equal([SampleCorpus.GemOTeil1.Id], (await web.GetDocumentHashesAsync(Ct)).Keys);
        Assert.Empty(await web.SearchLexicalAsync(_analyzer.Query("Hundesteuer"), SearchFilter.None, 5, Ct));
        Assert.Equal(worker.DatabasePath, web.DatabasePath);
    }

    [Fact]
    public async Task SwitchTo_ForeignStore_IsRejected()
    {
        await using var store = StoreFactory.Open(_directory.Path, _analyzer);
        await using var other = StoreFactory.Open(Path.Combine(_directory.Path, "other"), _analyzer);
        var foreign = await other.CreateGenerationAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SwitchToAsync(foreign, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SwitchToAsync(store, Ct));
        await other.DiscardAsync(foreign, Ct);
    }

    /// <summary>Statistics and the hits of one query, each from one call.</summary>
    private async Task<(StoreStatistics Statistics, string Hits)> ViewAsync(IKnowledgeStore store)
    {
        var statistics = await store.GetStatisticsAsync(Ct);
        var hits = await store.SearchLexicalAsync(_analyzer.Query("Gemeinde Außenbereich Hund"), SearchFilter.None, 50, Ct);
        return (statistics, string.Join(",", hits.Select(hit => hit.Chunk.Id).Order(StringComparer.Ordinal)));
    }

    private List<string> GenerationFiles() =>
        [.. Directory.EnumerateFiles(_directory.Path, "wissen.*.db").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];
}
