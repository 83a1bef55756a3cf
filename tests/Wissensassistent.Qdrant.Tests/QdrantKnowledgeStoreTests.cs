using Microsoft.Extensions.Options;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Qdrant.Tests;

/// <summary>
/// The store contract against a real Qdrant (set QDRANT_URL, e.g. http://localhost:6334; QDRANT_API_KEY if needed).
/// Each test works under its own alias and removes its collections afterwards. To be replaced by the shared
/// <c>KnowledgeStoreContractTests</c> from Wissensassistent.Testing once that lands.
/// </summary>
public sealed class QdrantKnowledgeStoreTests : IAsyncLifetime
{
    private const string Model = "test-model";
    private const int Dimensions = 4;

    private static readonly SourceDocument BauGB = TestCorpus.Document("bund/baugb.md", "BauGB", aliases: ["BBauG", "Baugesetzbuch"]);
    private static readonly SourceDocument GemO = TestCorpus.Document("land/gemo.md", "GemO", Level.Land);
    private static readonly SourceDocument Satzung = TestCorpus.Document("kommune/hundesteuer.md", "Hundesteuersatzung Bad Boll", Level.Kommune, DocumentType.Satzung);

    private QdrantConnection? _connection;
    private QdrantGenerations? _generations;
    private QdrantKnowledgeStore? _store;

    private QdrantKnowledgeStore Store => _store!;

    private QdrantGenerations Generations => _generations!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            return ValueTask.CompletedTask;
        }

        _connection = new QdrantConnection(Options.Create(new QdrantStoreOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            Collection = $"test_{Guid.NewGuid():N}"[..21],
            VectorSize = Dimensions,
            UpsertBatchSize = 2,
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(20),
        }));
        _generations = new QdrantGenerations(_connection);
        _store = new QdrantKnowledgeStore(_connection, _generations, new LowercaseWordAnalyzer());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        var alias = _connection.Options.Collection;
        var client = _connection.Client;
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

        _connection.Dispose();
    }

    [Fact]
    public async Task Upsert_ThenDocumentHashes_ListEveryDocument()
    {
        RequireServer();
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, Paragraph35()), TestCorpus.Batch(GemO, TestCorpus.Chunk(GemO, "24", 0, "Der Gemeinderat ist die Vertretung der Bürger."))], Cancel);

        var hashes = await Store.GetDocumentHashesAsync(Cancel);

        Assert.Equal(2, hashes.Count);
        Assert.Equal("h1", hashes[BauGB.Id]);
    }

    [Fact]
    public async Task Upsert_SameDocumentAgain_ReplacesChunks_AndDeletesStaleOnes()
    {
        RequireServer();
        var kept = TestCorpus.Chunk(BauGB, "35", 0, "Im Außenbereich ist ein Vorhaben nur zulässig.");
        var dropped = TestCorpus.Chunk(BauGB, "36", 1, "Beteiligung der Gemeinde und der höheren Verwaltungsbehörde.");
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, kept, dropped)], Cancel);

        await Store.UpsertAsync([TestCorpus.Batch(BauGB with { ContentHash = "h2" }, kept)], Cancel);

        Assert.NotNull(await Store.GetChunkAsync(kept.Id, Cancel));
        Assert.Null(await Store.GetChunkAsync(dropped.Id, Cancel));
        Assert.Equal("h2", (await Store.GetDocumentHashesAsync(Cancel))[BauGB.Id]);
        Assert.Equal(1, (await Store.GetStatisticsAsync(Cancel)).Chunks);
    }

    [Fact]
    public async Task GetChunk_ReturnsTheFullChunk_FromPayload()
    {
        RequireServer();
        var chunk = TestCorpus.Chunk(BauGB, "35", 0, "Im Außenbereich ist ein Vorhaben nur zulässig.", absatz: "1", normTitle: "Bauen im Außenbereich", validFrom: new DateOnly(2020, 1, 1));
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, chunk)], Cancel);

        var back = await Store.GetChunkAsync(chunk.Id, Cancel);

        Assert.NotNull(back);
        Assert.Equal(chunk with { HeadingPath = back.HeadingPath }, back);
        Assert.Equal(chunk.HeadingPath, back.HeadingPath);
        Assert.Null(await Store.GetChunkAsync(Guid.NewGuid().ToString(), Cancel));
        Assert.Null(await Store.GetChunkAsync("keine-uuid", Cancel));
    }

    [Fact]
    public async Task SearchLexical_RanksMatchingChunkFirst_AndAppliesFilters()
    {
        RequireServer();
        await Store.UpsertAsync(
        [
            TestCorpus.Batch(BauGB, Paragraph35(), TestCorpus.Chunk(BauGB, "1", 1, "Aufgabe der Bauleitplanung ist es, die bauliche Nutzung vorzubereiten.")),
            TestCorpus.Batch(Satzung, TestCorpus.Chunk(Satzung, "3", 0, "Die Steuer für einen Hund im Außenbereich beträgt 120 Euro.")),
        ], Cancel);

        var all = await Store.SearchLexicalAsync(TestCorpus.Query("außenbereich", "vorhaben"), SearchFilter.None, 10, Cancel);
        var kommune = await Store.SearchLexicalAsync(TestCorpus.Query("außenbereich"), new SearchFilter { Levels = [Level.Kommune] }, 10, Cancel);
        var byAlias = await Store.SearchLexicalAsync(TestCorpus.Query("außenbereich"), new SearchFilter { Laws = ["bbaug"] }, 10, Cancel);

        Assert.Equal("35", all[0].Chunk.Citation.Section);
        Assert.Equal(2, all.Count);
        Assert.All(kommune, h => Assert.Equal(Level.Kommune, h.Chunk.Level));
        Assert.Single(kommune);
        Assert.All(byAlias, h => Assert.Equal("BauGB", h.Chunk.Citation.Law));
        Assert.Empty(await Store.SearchLexicalAsync(new LexicalQuery([]), SearchFilter.None, 10, Cancel));
    }

    [Fact]
    public async Task SearchLexical_ExcludesRepealed_UnlessAsked()
    {
        RequireServer();
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, TestCorpus.Chunk(BauGB, "245a", 0, "weggefallen Überleitungsvorschrift", isRepealed: true))], Cancel);

        var without = await Store.SearchLexicalAsync(TestCorpus.Query("überleitungsvorschrift"), SearchFilter.None, 10, Cancel);
        var with = await Store.SearchLexicalAsync(TestCorpus.Query("überleitungsvorschrift"), new SearchFilter { IncludeRepealed = true }, 10, Cancel);

        Assert.Empty(without);
        Assert.Single(with);
    }

    [Fact]
    public async Task SearchLexical_InForceOn_LetsUnknownBoundsPass()
    {
        RequireServer();
        await Store.UpsertAsync(
        [
            TestCorpus.Batch(
                BauGB,
                TestCorpus.Chunk(BauGB, "1", 0, "Frist alt", validUntil: new DateOnly(2019, 12, 31)),
                TestCorpus.Chunk(BauGB, "2", 1, "Frist neu", validFrom: new DateOnly(2020, 1, 1)),
                TestCorpus.Chunk(BauGB, "3", 2, "Frist immer")),
        ], Cancel);

        var hits = await Store.SearchLexicalAsync(TestCorpus.Query("frist"), new SearchFilter { InForceOn = new DateOnly(2024, 6, 1) }, 10, Cancel);

        Assert.Equal(["2", "3"], hits.Select(h => h.Chunk.Citation.Section).Order());
    }

    [Fact]
    public async Task SearchDense_FindsNearestByCosine_AmongEmbeddedChunksOnly()
    {
        RequireServer();
        var near = TestCorpus.Chunk(BauGB, "35", 0, "Außenbereich");
        var far = TestCorpus.Chunk(BauGB, "1", 1, "Bauleitplanung");
        var unembedded = TestCorpus.Chunk(BauGB, "2", 2, "Aufstellung");
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, near, far, unembedded)], Cancel);
        await Store.StoreEmbeddingsAsync(Model, [Embedding(near, 1, 0, 0, 0), Embedding(far, 0, 1, 0, 0)], Cancel);

        var hits = await Store.SearchDenseAsync(new float[] { 0.9f, 0.1f, 0, 0 }, SearchFilter.None, 10, Cancel);

        Assert.Equal([near.Id, far.Id], hits.Select(h => h.Chunk.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SearchHybrid_FusesSparseAndDense()
    {
        RequireServer();
        var lexical = TestCorpus.Chunk(BauGB, "35", 0, "Außenbereich Vorhaben");
        var dense = TestCorpus.Chunk(BauGB, "1", 1, "Bauleitplanung");
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, lexical, dense)], Cancel);
        await Store.StoreEmbeddingsAsync(Model, [Embedding(lexical, 0, 0, 1, 0), Embedding(dense, 1, 0, 0, 0)], Cancel);

        var hits = await Store.SearchHybridAsync(TestCorpus.Query("außenbereich"), new float[] { 1, 0, 0, 0 }, SearchFilter.None, 10, Cancel);

        Assert.Equal(2, hits.Count);
        Assert.Contains(hits, h => h.Chunk.Id == lexical.Id);
        Assert.Contains(hits, h => h.Chunk.Id == dense.Id);
    }

    [Fact]
    public async Task StoreEmbeddings_ReusesVectorForSameContentHash_AndUpsertKeepsIt()
    {
        RequireServer();
        var original = TestCorpus.Chunk(BauGB, "35", 0, "Gleicher Text");
        var copy = TestCorpus.Chunk(GemO, "35", 0, "Gleicher Text") with { HeadingPath = original.HeadingPath, ContentHash = original.ContentHash };
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, original), TestCorpus.Batch(GemO, copy)], Cancel);

        await Store.StoreEmbeddingsAsync(Model, [Embedding(original, 1, 0, 0, 0)], Cancel);
        Assert.Empty(await Store.GetChunksWithoutEmbeddingAsync(Model, 10, Cancel));

        await Store.UpsertAsync([TestCorpus.Batch(BauGB with { ContentHash = "h2" }, original)], Cancel);
        var statistics = await Store.GetStatisticsAsync(Cancel);

        Assert.Empty(await Store.GetChunksWithoutEmbeddingAsync(Model, 10, Cancel));
        Assert.Equal(2, statistics.ChunksWithEmbedding);
        Assert.Equal(Model, statistics.EmbeddingModel);
    }

    [Fact]
    public async Task GetChunksWithoutEmbedding_ListsChunksOfOtherModels()
    {
        RequireServer();
        var chunk = TestCorpus.Chunk(BauGB, "35", 0, "Außenbereich");
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, chunk, TestCorpus.Chunk(BauGB, "36", 1, "Gemeinde"))], Cancel);
        await Store.StoreEmbeddingsAsync(Model, [Embedding(chunk, 1, 0, 0, 0)], Cancel);

        Assert.Single(await Store.GetChunksWithoutEmbeddingAsync(Model, 10, Cancel));
        Assert.Equal(2, (await Store.GetChunksWithoutEmbeddingAsync("other-model", 10, Cancel)).Count);
        Assert.Single(await Store.GetChunksWithoutEmbeddingAsync("other-model", 1, Cancel));
    }

    [Fact]
    public async Task StoreEmbeddings_WrongDimensions_IsRejected()
    {
        RequireServer();
        var chunk = TestCorpus.Chunk(BauGB, "35", 0, "Außenbereich");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.StoreEmbeddingsAsync(Model, [new ChunkEmbedding(chunk.Id, chunk.ContentHash, new float[7])], Cancel));
    }

    [Fact]
    public async Task GetNeighbours_ReturnsOrdinalWindowInOrder()
    {
        RequireServer();
        var chunks = Enumerable.Range(0, 6).Select(i => TestCorpus.Chunk(BauGB, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i, $"Text {i}")).ToArray();
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, chunks)], Cancel);

        var neighbours = await Store.GetNeighboursAsync(chunks[3].Id, 1, Cancel);

        Assert.Equal([2, 3, 4], neighbours.Select(c => c.Ordinal));
        Assert.Empty(await Store.GetNeighboursAsync(Guid.NewGuid().ToString(), 1, Cancel));
    }

    [Fact]
    public async Task GetNorm_MatchesCaseInsensitively_AndByAlias()
    {
        RequireServer();
        await Store.UpsertAsync(
        [
            TestCorpus.Batch(
                BauGB,
                TestCorpus.Chunk(BauGB, "35", 0, "Absatz eins", absatz: "1"),
                TestCorpus.Chunk(BauGB, "35", 1, "Absatz zwei", absatz: "2"),
                TestCorpus.Chunk(BauGB, "35a", 2, "Andere Norm")),
        ], Cancel);

        var norm = await Store.GetNormAsync("baugb", "35", Cancel);
        var byAlias = await Store.GetNormAsync("BBauG", "35", Cancel);

        Assert.Equal(["1", "2"], norm.Select(c => c.Citation.Absatz));
        Assert.Equal(2, byAlias.Count);
        Assert.Empty(await Store.GetNormAsync("BauGB", "999", Cancel));
    }

    [Fact]
    public async Task ListNorms_AndLaws_AggregateInDocumentOrder()
    {
        RequireServer();
        await Store.UpsertAsync(
        [
            TestCorpus.Batch(
                BauGB,
                TestCorpus.Chunk(BauGB, "1", 0, "eins", normTitle: "Aufgabe"),
                TestCorpus.Chunk(BauGB, "35", 1, "Abs 1", absatz: "1", normTitle: "Außenbereich"),
                TestCorpus.Chunk(BauGB, "35", 2, "Abs 2", absatz: "2", normTitle: "Außenbereich"),
                TestCorpus.Chunk(BauGB, "36", 3, "weggefallen", isRepealed: true)),
            TestCorpus.Batch(GemO, TestCorpus.Chunk(GemO, "24", 0, "Gemeinderat")),
        ], Cancel);

        var norms = await Store.ListNormsAsync("BauGB", Cancel);
        var laws = await Store.ListLawsAsync(Cancel);
        var statistics = await Store.GetStatisticsAsync(Cancel);

        Assert.Equal(["1", "35", "36"], norms.Select(n => n.Citation.Section));
        Assert.Equal("Außenbereich", norms[1].Title);
        Assert.True(norms[2].IsRepealed);
        Assert.Null(norms[1].Citation.Absatz);
        Assert.Equal(["BauGB", "GemO"], laws.Select(l => l.Law));
        Assert.Equal(4, laws[0].Chunks);
        Assert.Equal(["BBauG", "Baugesetzbuch"], laws[0].Aliases);
        Assert.Equal(new StoreStatistics(2, 2, 4, 5, 0, null), statistics);
    }

    [Fact]
    public async Task DeleteDocuments_RemovesChunksAndHash()
    {
        RequireServer();
        var chunk = TestCorpus.Chunk(BauGB, "35", 0, "Außenbereich");
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, chunk), TestCorpus.Batch(GemO, TestCorpus.Chunk(GemO, "24", 0, "Gemeinderat"))], Cancel);

        await Store.DeleteDocumentsAsync([BauGB.Id], Cancel);

        Assert.Null(await Store.GetChunkAsync(chunk.Id, Cancel));
        Assert.Equal([GemO.Id], (await Store.GetDocumentHashesAsync(Cancel)).Keys);
    }

    [Fact]
    public async Task Generations_NewGenerationGoesLiveAtomically_AndLiveOneCannotBeDeleted()
    {
        RequireServer();
        await Store.UpsertAsync([TestCorpus.Batch(BauGB, TestCorpus.Chunk(BauGB, "35", 0, "alt"))], Cancel);
        var previous = await Generations.GetLiveCollectionAsync(Cancel);

        var next = Generations.NewGenerationName(DateTimeOffset.UtcNow.AddSeconds(1));
        await Generations.CreateGenerationAsync(next, Cancel);
        var target = Store.ForGeneration(next);
        await target.UpsertAsync([TestCorpus.Batch(GemO, TestCorpus.Chunk(GemO, "24", 0, "neu"))], Cancel);

        Assert.Equal([BauGB.Id], (await Store.GetDocumentHashesAsync(Cancel)).Keys);

        var switchedFrom = await Generations.SwitchAliasAsync(next, Cancel);

        Assert.Equal(previous, switchedFrom);
        Assert.Equal([GemO.Id], (await Store.GetDocumentHashesAsync(Cancel)).Keys);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Generations.DeleteCollectionAsync(next, Cancel));
        await Generations.DeleteCollectionAsync(previous!, Cancel);
        Assert.Equal([next], await Generations.ListGenerationsAsync(Cancel));
    }

    private static Core.Chunks.Chunk Paragraph35() =>
        TestCorpus.Chunk(BauGB, "35", 0, "Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen.");

    private static ChunkEmbedding Embedding(Core.Chunks.Chunk chunk, params float[] vector) => new(chunk.Id, chunk.ContentHash, vector);

    private void RequireServer()
    {
        if (_store is null)
        {
            Assert.Skip("QDRANT_URL ist nicht gesetzt: kein Qdrant-Server erreichbar, Qdrant-Tests übersprungen.");
        }
    }
}
