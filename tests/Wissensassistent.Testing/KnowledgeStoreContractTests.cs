using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>
/// The behaviour every <see cref="IKnowledgeStore"/> must show, whatever keeps the data. A store's test class derives
/// from this and creates fresh, empty stores that analyse text with <see cref="Analyzer"/>.
/// </summary>
public abstract partial class KnowledgeStoreContractTests : IAsyncLifetime
{
    private readonly List<IKnowledgeStore> _stores = [];

    /// <summary>The analyzer the store under test must use, so that queries and index agree.</summary>
    protected SimpleTextAnalyzer Analyzer { get; } = new();

    protected BagOfWordsEmbeddingGenerator Embeddings { get; } = new();

    protected static string Model => BagOfWordsEmbeddingGenerator.ModelId;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EmptyStore_HasNothing()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await store.GetDocumentHashesAsync(Ct));
        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query("Außenbereich"), SearchFilter.None, 10, Ct));
        Assert.Empty(await store.SearchDenseAsync(Embeddings.Embed("Außenbereich"), SearchFilter.None, 10, Ct));
        Assert.Empty(await store.ListLawsAsync(Ct));
        Assert.Equal(new StoreStatistics(0, 0, 0, 0, 0, null), await store.GetStatisticsAsync(Ct));
    }

    [Fact]
    public async Task Upsert_ThenSearchLexical_FindsChunkWithAllItsFields()
    {
        var store = await StoreWithSampleCorpusAsync();
        var expected = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "35", "1");

        var hits = await store.SearchLexicalAsync(Analyzer.Query("Außenbereich forstwirtschaftlichen Betrieb"), SearchFilter.None, 3, Ct);

        Assert.Equal(3, hits.Count);
        AssertSameChunk(expected, hits[0].Chunk);
        Assert.True(hits[0].Score > 0);
        Assert.True(hits[0].Score >= hits[1].Score && hits[1].Score >= hits[2].Score, "hits are ordered by score");
    }

    [Fact]
    public async Task SearchLexical_EmptyOrUnknownQuery_FindsNothing()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Empty(await store.SearchLexicalAsync(new LexicalQuery([]), SearchFilter.None, 10, Ct));
        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query("Raumfahrtbehörde"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task SearchLexical_HigherWeight_RanksItsTermFirst()
    {
        var store = await StoreWithSampleCorpusAsync();
        var hundesteuer = SampleCorpus.ChunkOf(SampleCorpus.HundesteuersatzungBatch, "5", "1");
        var kasse = SampleCorpus.ChunkOf(SampleCorpus.DienstanweisungKasseBatch, "2.1");
        var filter = SearchFilter.None;

        var kampfhunde = await store.SearchLexicalAsync(
            new LexicalQuery([new("kampfhunde", 2.0), new("barzahlungen", 0.5)]), filter, 2, Ct);
        var barzahlungen = await store.SearchLexicalAsync(
            new LexicalQuery([new("kampfhunde", 0.5), new("barzahlungen", 2.0)]), filter, 2, Ct);

        Assert.Equal([hundesteuer.Id, kasse.Id], kampfhunde.Select(hit => hit.Chunk.Id));
        Assert.Equal([kasse.Id, hundesteuer.Id], barzahlungen.Select(hit => hit.Chunk.Id));
    }

    [Fact]
    public async Task SearchLexical_LawTitleField_RanksTheLawNamedInItsTitleFirst()
    {
        // Neither text says "Hundesteuer"; only the first document's title does. Without the title field the shorter
        // second text would win on "Steuer" alone.
        var dogs = SampleCorpus.Hundesteuersatzung with { Id = "kommune/hund.md", Law = "Satzung A", Title = "Satzung über die Hundesteuer" };
        var land = SampleCorpus.Hundesteuersatzung with { Id = "kommune/grund.md", Law = "Satzung B", Title = "Satzung über die Grundsteuer" };
        var dogsChunk = SampleCorpus.CreateChunk(dogs, SampleCorpus.Paragraph("Satzung A", "3"), 0, "Die Steuer wird für jedes Kalenderjahr erhoben.", "Entstehung", []);
        var landChunk = SampleCorpus.CreateChunk(land, SampleCorpus.Paragraph("Satzung B", "3"), 0, "Die Steuer wird erhoben.", "Entstehung", []);
        var store = await NewStoreAsync();
        await store.UpsertAsync([new DocumentBatch(dogs, [dogsChunk]), new DocumentBatch(land, [landChunk])], Ct);

        var hits = await store.SearchLexicalAsync(Analyzer.Query("Hundesteuer Steuer"), SearchFilter.None, 2, Ct);

        Assert.Equal([dogsChunk.Id, landChunk.Id], hits.Select(hit => hit.Chunk.Id));
    }

    [Fact]
    public async Task GetDocumentHashes_ReturnsContentHashOfEveryDocument()
    {
        var store = await StoreWithSampleCorpusAsync();

        var hashes = await store.GetDocumentHashesAsync(Ct);

        Assert.Equal(
            SampleCorpus.All.ToDictionary(batch => batch.Document.Id, batch => batch.Document.ContentHash),
            hashes.ToDictionary());
    }

    [Fact]
    public async Task Upsert_SameDocumentsAgain_ReplacesInsteadOfDuplicating()
    {
        var store = await StoreWithSampleCorpusAsync();

        await store.UpsertAsync(SampleCorpus.All, Ct);
        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);

        var statistics = await store.GetStatisticsAsync(Ct);
        Assert.Equal(5, statistics.Documents);
        Assert.Equal(18, statistics.Chunks);
        var hits = await store.SearchLexicalAsync(Analyzer.Query("Außenbereich"), SearchFilter.None, 50, Ct);
        Assert.Equal(3, hits.Count);
        Assert.Equal(3, hits.Select(hit => hit.Chunk.Id).Distinct().Count());
        Assert.Equal(4, (await store.GetNormAsync("GemO", "24", Ct)).Count);
    }

    [Fact]
    public async Task Upsert_ChangedDocument_ReplacesTextAndDropsVanishedChunks()
    {
        var store = await StoreWithSampleCorpusAsync();
        var batch = SampleCorpus.BauGBBatch;
        var absatz2 = SampleCorpus.ChunkOf(batch, "35", "2");
        var absatz3 = SampleCorpus.ChunkOf(batch, "35", "3");
        var changed = SampleCorpus.CreateChunk(
            batch.Document,
            absatz2.Citation,
            absatz2.Ordinal,
            "Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung öffentliche Belange nicht beeinträchtigt; Windenergieanlagen bleiben unberührt.",
            absatz2.NormTitle,
            ["Erstes Kapitel Allgemeines Städtebaurecht"]);
        var document = batch.Document with { ContentHash = ChunkId.ContentHash("bund/bbaug.md v2") };
        var chunks = batch.Chunks.Where(chunk => chunk.Id != absatz3.Id).Select(chunk => chunk.Id == changed.Id ? changed : chunk).ToList();

        await store.UpsertAsync([new DocumentBatch(document, chunks)], Ct);

        Assert.Equal(changed.Id, absatz2.Id);
        Assert.Null(await store.GetChunkAsync(absatz3.Id, Ct));
        AssertSameChunk(changed, (await store.GetChunkAsync(changed.Id, Ct))!);
        Assert.Equal(changed.Id, Assert.Single(await store.SearchLexicalAsync(Analyzer.Query("Windenergieanlagen"), SearchFilter.None, 10, Ct)).Chunk.Id);
        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query("Flächennutzungsplans"), SearchFilter.None, 10, Ct));
        Assert.Equal(document.ContentHash, (await store.GetDocumentHashesAsync(Ct))[document.Id]);
        Assert.Equal(17, (await store.GetStatisticsAsync(Ct)).Chunks);
    }

    [Fact]
    public async Task DeleteDocuments_RemovesThemFromEveryQuery()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);
        var satzung = SampleCorpus.HundesteuersatzungBatch;

        await store.DeleteDocumentsAsync([satzung.Document.Id, "kommune/unbekannt.md"], Ct);

        Assert.DoesNotContain(satzung.Document.Id, (await store.GetDocumentHashesAsync(Ct)).Keys);
        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query("Hundesteuer Kampfhunde"), SearchFilter.None, 10, Ct));
        var dense = await store.SearchDenseAsync(Embeddings.Embed("Hundesteuer Kampfhunde"), SearchFilter.None, 50, Ct);
        Assert.DoesNotContain(dense, hit => hit.Chunk.DocumentId == satzung.Document.Id);
        Assert.Null(await store.GetChunkAsync(satzung.Chunks[0].Id, Ct));
        Assert.Empty(await store.GetNormAsync("Hundesteuersatzung Bad Boll", "5", Ct));
        Assert.DoesNotContain(await store.ListLawsAsync(Ct), law => law.Law == "Hundesteuersatzung Bad Boll");
        var statistics = await store.GetStatisticsAsync(Ct);
        Assert.Equal((4, 3, 15, 15), (statistics.Documents, statistics.Laws, statistics.Chunks, statistics.ChunksWithEmbedding));
    }

    [Fact]
    public async Task SearchLexical_LawFilter_MatchesCaseInsensitivelyAndByAlias()
    {
        var store = await StoreWithSampleCorpusAsync();
        var query = Analyzer.Query("Gemeinde");

        var gemo = await store.SearchLexicalAsync(query, new SearchFilter { Laws = ["gemo"] }, 50, Ct);
        var byAlias = await store.SearchLexicalAsync(query, new SearchFilter { Laws = ["BBauG"] }, 50, Ct);
        var both = await store.SearchLexicalAsync(query, new SearchFilter { Laws = ["Gemeindeordnung", "BAUGB"] }, 50, Ct);

        Assert.NotEmpty(gemo);
        Assert.All(gemo, hit => Assert.Equal("GemO", hit.Chunk.Citation.Law));
        Assert.Contains(gemo, hit => hit.Chunk.DocumentId == SampleCorpus.GemOTeil2.Id);
        Assert.NotEmpty(byAlias);
        Assert.All(byAlias, hit => Assert.Equal("BauGB", hit.Chunk.Citation.Law));
        Assert.Equal(gemo.Count + byAlias.Count, both.Count);
    }

    [Fact]
    public async Task SearchLexical_LevelAndTypeFilters_KeepOnlyMatchingTexts()
    {
        var store = await StoreWithSampleCorpusAsync();
        var query = Analyzer.Query("Gemeinde Euro");

        var kommune = await store.SearchLexicalAsync(query, new SearchFilter { Levels = [Level.Kommune] }, 50, Ct);
        var bundLand = await store.SearchLexicalAsync(query, new SearchFilter { Levels = [Level.Bund, Level.Land] }, 50, Ct);
        var dienstanweisung = await store.SearchLexicalAsync(query, new SearchFilter { Types = [DocumentType.Dienstanweisung] }, 50, Ct);

        Assert.NotEmpty(kommune);
        Assert.All(kommune, hit => Assert.Equal(Level.Kommune, hit.Chunk.Level));
        Assert.Equal([Level.Bund, Level.Land], bundLand.Select(hit => hit.Chunk.Level).Distinct().Order());
        Assert.Equal(SampleCorpus.DienstanweisungKasse.Id, Assert.Single(dienstanweisung).Chunk.DocumentId);
    }

    [Fact]
    public async Task SearchLexical_InForceOn_KeepsOnlyTextsInForceThatDay()
    {
        var store = await StoreWithSampleCorpusAsync();
        var query = Analyzer.Query("Euro Gemeinde");

        var in2020 = await store.SearchLexicalAsync(query, new SearchFilter { InForceOn = new DateOnly(2020, 6, 1) }, 50, Ct);
        var in2025 = await store.SearchLexicalAsync(query, new SearchFilter { InForceOn = new DateOnly(2025, 1, 1) }, 50, Ct);
        var lastDay = await store.SearchLexicalAsync(query, new SearchFilter { InForceOn = new DateOnly(2022, 12, 31) }, 50, Ct);

        Assert.Contains(in2020, hit => hit.Chunk.DocumentId == SampleCorpus.DienstanweisungKasse.Id);
        Assert.DoesNotContain(in2020, hit => hit.Chunk.DocumentId == SampleCorpus.Hundesteuersatzung.Id);
        Assert.Contains(in2020, hit => hit.Chunk.DocumentId == SampleCorpus.BauGB.Id);
        Assert.Contains(in2025, hit => hit.Chunk.DocumentId == SampleCorpus.Hundesteuersatzung.Id);
        Assert.DoesNotContain(in2025, hit => hit.Chunk.DocumentId == SampleCorpus.DienstanweisungKasse.Id);
        Assert.Contains(lastDay, hit => hit.Chunk.DocumentId == SampleCorpus.DienstanweisungKasse.Id);
    }

    [Fact]
    public async Task SearchLexical_RepealedNorm_OnlyWhenAskedFor()
    {
        var store = await StoreWithSampleCorpusAsync();
        var repealed = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "20");
        var query = Analyzer.Query("weggefallen");

        Assert.Empty(await store.SearchLexicalAsync(query, SearchFilter.None, 10, Ct));
        Assert.Empty(await store.SearchLexicalAsync(query, new SearchFilter { Laws = ["BauGB"] }, 10, Ct));
        var hits = await store.SearchLexicalAsync(query, new SearchFilter { IncludeRepealed = true }, 10, Ct);
        Assert.Equal(repealed.Id, Assert.Single(hits).Chunk.Id);
        Assert.True(hits[0].Chunk.IsRepealed);
    }

    [Fact]
    public async Task SearchLexical_FilterAppliesInsideRanking_NotToATopList()
    {
        var store = await StoreWithSampleCorpusAsync();
        var query = Analyzer.Query("Gemeinde");
        var best = await store.SearchLexicalAsync(query, SearchFilter.None, 1, Ct);
        Assert.NotEqual(SampleCorpus.DienstanweisungKasse.Id, Assert.Single(best).Chunk.DocumentId);

        var filtered = await store.SearchLexicalAsync(query, new SearchFilter { Levels = [Level.Intern] }, 1, Ct);

        Assert.Equal(SampleCorpus.ChunkOf(SampleCorpus.DienstanweisungKasseBatch, "2.1").Id, Assert.Single(filtered).Chunk.Id);
    }

    [Fact]
    public async Task GetChunk_UnknownId_ReturnsNull()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Null(await store.GetChunkAsync("00000000-0000-0000-0000-000000000000", Ct));
    }

    [Fact]
    public async Task GetNeighbours_ReturnsWindowInOrder_WithinOneDocument()
    {
        var store = await StoreWithSampleCorpusAsync();
        var baugb = SampleCorpus.BauGBBatch;
        var teil2 = SampleCorpus.GemOTeil2Batch;

        var around = await store.GetNeighboursAsync(SampleCorpus.ChunkOf(baugb, "35", "2").Id, 1, Ct);
        var atStart = await store.GetNeighboursAsync(teil2.Chunks[0].Id, 2, Ct);
        var alone = await store.GetNeighboursAsync(teil2.Chunks[1].Id, 0, Ct);

        Assert.Equal(["1", "2", "3"], around.Select(chunk => chunk.Citation.Absatz));
        Assert.All(around, chunk => Assert.Equal("35", chunk.Citation.Section));
        Assert.Equal(teil2.Chunks.Select(chunk => chunk.Id), atStart.Select(chunk => chunk.Id));
        Assert.Equal(teil2.Chunks[1].Id, Assert.Single(alone).Id);
        Assert.Empty(await store.GetNeighboursAsync("00000000-0000-0000-0000-000000000000", 2, Ct));
    }

    [Fact]
    public async Task GetNorm_LawSplitOverTwoDocuments_ReturnsAllAbsaetzeInOrder()
    {
        var store = await StoreWithSampleCorpusAsync();

        var norm = await store.GetNormAsync("GemO", "24", Ct);

        Assert.Equal(["1", "2", "3", "4"], norm.Select(chunk => chunk.Citation.Absatz));
        Assert.Equal(
            [SampleCorpus.GemOTeil1.Id, SampleCorpus.GemOTeil1.Id, SampleCorpus.GemOTeil2.Id, SampleCorpus.GemOTeil2.Id],
            norm.Select(chunk => chunk.DocumentId));
        AssertSameChunk(SampleCorpus.ChunkOf(SampleCorpus.GemOTeil2Batch, "24", "3"), norm[2]);
    }

    [Fact]
    public async Task GetNorm_MatchesAliasesAndIgnoresCase()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Equal(3, (await store.GetNormAsync("bbaug", "35", Ct)).Count);
        Assert.Equal(4, (await store.GetNormAsync("Gemeindeordnung", "24", Ct)).Count);
        Assert.Equal("13a", Assert.Single(await store.GetNormAsync("BAUGB", "13A", Ct)).Citation.Section);
        Assert.Equal("2.1", Assert.Single(await store.GetNormAsync("dienstanweisung gemeindekasse bad boll", "2.1", Ct)).Citation.Section);
    }

    [Fact]
    public async Task GetNorm_UnknownLawOrSection_ReturnsEmpty()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Empty(await store.GetNormAsync("BGB", "573", Ct));
        Assert.Empty(await store.GetNormAsync("BauGB", "999", Ct));
    }

    [Fact]
    public async Task ListNorms_ReturnsDistinctNormsInDocumentOrderAcrossFiles()
    {
        var store = await StoreWithSampleCorpusAsync();

        var gemo = await store.ListNormsAsync("gemo", Ct);
        var baugb = await store.ListNormsAsync("BBauG", Ct);

        Assert.Equal(["23", "24", "25"], gemo.Select(norm => norm.Citation.Section));
        Assert.Equal(["Verwaltungsorgane", "Rechtsstellung und Aufgaben", "Zusammensetzung"], gemo.Select(norm => norm.Title));
        Assert.All(gemo, norm => Assert.Null(norm.Citation.Absatz));
        Assert.Equal(["13a", "20", "34", "35", "36"], baugb.Select(norm => norm.Citation.Section));
        Assert.Equal([false, true, false, false, false], baugb.Select(norm => norm.IsRepealed));
        Assert.Equal("§ 35 BauGB", baugb[3].Citation.ToString());
        Assert.Empty(await store.ListNormsAsync("BGB", Ct));
    }

    [Fact]
    public async Task ListLaws_AggregatesTheFilesOfOneLaw()
    {
        var store = await StoreWithSampleCorpusAsync();

        var laws = await store.ListLawsAsync(Ct);

        Assert.Equal(4, laws.Count);
        var gemo = Assert.Single(laws, law => law.Law == "GemO");
        Assert.Equal(("Gemeindeordnung für Baden-Württemberg", Level.Land, DocumentType.Gesetz, 6), (gemo.Title, gemo.Level, gemo.Type, gemo.Chunks));
        Assert.Equal(["Gemeindeordnung"], gemo.Aliases);
        var baugb = Assert.Single(laws, law => law.Law == "BauGB");
        Assert.Equal(["BBauG"], baugb.Aliases);
        Assert.Equal(("Art. 2 G v. 8.8.2020 I 1728", 7), (baugb.Stand, baugb.Chunks));
        var satzung = Assert.Single(laws, law => law.Law == "Hundesteuersatzung Bad Boll");
        Assert.Equal((Level.Kommune, DocumentType.Satzung, 3), (satzung.Level, satzung.Type, satzung.Chunks));
    }

    [Fact]
    public async Task GetStatistics_CountsDocumentsLawsNormsChunksAndEmbeddings()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Equal(new StoreStatistics(5, 4, 12, 18, 0, null), await store.GetStatisticsAsync(Ct));
        await EmbedAllAsync(store);
        Assert.Equal(new StoreStatistics(5, 4, 12, 18, 18, Model), await store.GetStatisticsAsync(Ct));
    }

    [Fact]
    public async Task StoreEmbeddings_ThenSearchDense_FindsNearestChunk()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);
        var expected = SampleCorpus.ChunkOf(SampleCorpus.HundesteuersatzungBatch, "5", "1");

        var hits = await store.SearchDenseAsync(Embeddings.Embed(expected.SearchText), SearchFilter.None, 5, Ct);

        Assert.Equal(5, hits.Count);
        AssertSameChunk(expected, hits[0].Chunk);
        Assert.Equal(1.0, hits[0].Score, 3);
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "hits are ordered by score");
    }

    [Fact]
    public async Task SearchDense_WithoutEmbeddings_FindsNothing()
    {
        var store = await StoreWithSampleCorpusAsync();

        Assert.Empty(await store.SearchDenseAsync(Embeddings.Embed("Außenbereich"), SearchFilter.None, 10, Ct));
    }

    [Fact]
    public async Task SearchDense_AppliesFiltersInsideRanking()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);
        var repealed = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "20");
        var query = Embeddings.Embed(repealed.SearchText);

        var unfiltered = await store.SearchDenseAsync(query, SearchFilter.None, 50, Ct);
        var withRepealed = await store.SearchDenseAsync(query, new SearchFilter { IncludeRepealed = true }, 1, Ct);
        var kommune = await store.SearchDenseAsync(query, new SearchFilter { Levels = [Level.Kommune] }, 2, Ct);
        var expired = await store.SearchDenseAsync(query, new SearchFilter { InForceOn = new DateOnly(2024, 6, 1), Laws = ["Dienstanweisung Gemeindekasse Bad Boll"] }, 5, Ct);

        Assert.Equal(17, unfiltered.Count);
        Assert.DoesNotContain(unfiltered, hit => hit.Chunk.Id == repealed.Id);
        Assert.Equal(repealed.Id, Assert.Single(withRepealed).Chunk.Id);
        Assert.Equal(2, kommune.Count);
        Assert.All(kommune, hit => Assert.Equal(Level.Kommune, hit.Chunk.Level));
        Assert.Empty(expired);
    }

    [Fact]
    public async Task SearchDense_ChunkWithSameContentHash_IsFoundWithoutStoringItsVectorAgain()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);
        var original = SampleCorpus.ChunkOf(SampleCorpus.HundesteuersatzungBatch, "5", "1");
        var copyDocument = SampleCorpus.Hundesteuersatzung with
        {
            Id = "kommune/GEM-BBO/Abschrift_Hundesteuer.md",
            ContentHash = ChunkId.ContentHash("Abschrift"),
        };
        var copy = SampleCorpus.CreateChunk(copyDocument, original.Citation, 0, original.Text, original.NormTitle, []);
        Assert.Equal(original.ContentHash, copy.ContentHash);

        await store.UpsertAsync([new DocumentBatch(copyDocument, [copy])], Ct);

        Assert.Empty(await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct));
        var hits = await store.SearchDenseAsync(Embeddings.Embed(original.SearchText), SearchFilter.None, 2, Ct);
        Assert.Equal(new[] { copy.Id, original.Id }.Order(), hits.Select(hit => hit.Chunk.Id).Order());
        Assert.Equal(19, (await store.GetStatisticsAsync(Ct)).ChunksWithEmbedding);
    }

    [Fact]
    public async Task GetChunksWithoutEmbedding_ShrinksAsVectorsAreStored()
    {
        var store = await StoreWithSampleCorpusAsync();

        var all = await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct);
        var firstFive = await store.GetChunksWithoutEmbeddingAsync(Model, 5, Ct);
        await StoreVectorsAsync(store, Model, firstFive);
        var rest = await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct);

        Assert.Equal(18, all.Count);
        Assert.Equal(all.Take(5).Select(chunk => chunk.Id), firstFive.Select(chunk => chunk.Id));
        Assert.Equal(all.Skip(5).Select(chunk => chunk.Id), rest.Select(chunk => chunk.Id));
        Assert.Equal(18, (await store.GetChunksWithoutEmbeddingAsync("another-model", 100, Ct)).Count);
        Assert.Equal(5, (await store.GetStatisticsAsync(Ct)).ChunksWithEmbedding);
    }

    [Fact]
    public async Task GetChunksWithoutEmbedding_ReturnsChunksInDocumentOrder()
    {
        var store = await StoreWithSampleCorpusAsync();

        var chunks = await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct);

        var expected = SampleCorpus.All.OrderBy(batch => batch.Document.Id, StringComparer.Ordinal)
            .SelectMany(batch => batch.Chunks.OrderBy(chunk => chunk.Ordinal)).Select(chunk => chunk.Id);
        Assert.Equal(expected, chunks.Select(chunk => chunk.Id));
    }

    [Fact]
    public async Task Upsert_UnchangedTextAgain_KeepsItsEmbeddings()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);

        await store.UpsertAsync(SampleCorpus.All, Ct);

        Assert.Empty(await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct));
        Assert.Equal(18, (await store.GetStatisticsAsync(Ct)).ChunksWithEmbedding);
        var expected = SampleCorpus.ChunkOf(SampleCorpus.BauGBBatch, "34", "1");
        var hits = await store.SearchDenseAsync(Embeddings.Embed(expected.SearchText), SearchFilter.None, 1, Ct);
        Assert.Equal(expected.Id, Assert.Single(hits).Chunk.Id);
    }

    [Fact]
    public async Task StoreEmbeddings_OtherModel_BecomesCurrentModel()
    {
        var store = await StoreWithSampleCorpusAsync();
        await EmbedAllAsync(store);
        var chunk = SampleCorpus.ChunkOf(SampleCorpus.GemOTeil1Batch, "23");
        var otherVector = Embeddings.Embed("ganz anderer Raum").Reverse().ToArray();

        await store.StoreEmbeddingsAsync("other-model", [new ChunkEmbedding(chunk.Id, chunk.ContentHash, otherVector)], Ct);

        var statistics = await store.GetStatisticsAsync(Ct);
        Assert.Equal(("other-model", 1), (statistics.EmbeddingModel, statistics.ChunksWithEmbedding));
        var hits = await store.SearchDenseAsync(otherVector, SearchFilter.None, 10, Ct);
        Assert.Equal(chunk.Id, Assert.Single(hits).Chunk.Id);
        Assert.Equal(17, (await store.GetChunksWithoutEmbeddingAsync("other-model", 100, Ct)).Count);
        Assert.Empty(await store.GetChunksWithoutEmbeddingAsync(Model, 100, Ct));
    }

    /// <summary>Asserts that a stored chunk came back field by field (records compare lists by reference).</summary>
    protected static void AssertSameChunk(Chunk expected, Chunk actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.HeadingPath, actual.HeadingPath);
        Assert.Equal(expected, actual, ChunkFieldComparer.Instance);
    }

    /// <summary>Creates a fresh store and disposes it with the test.</summary>
    protected async Task<IKnowledgeStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }

    protected async Task<IKnowledgeStore> StoreWithSampleCorpusAsync()
    {
        var store = await NewStoreAsync();
        await store.UpsertAsync(SampleCorpus.All, Ct);
        return store;
    }

    /// <summary>Embeds what the store reports as missing, as the embedding backfill would.</summary>
    protected async Task EmbedAllAsync(IKnowledgeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await StoreVectorsAsync(store, Model, await store.GetChunksWithoutEmbeddingAsync(Model, 1000, Ct));
    }

    protected async Task StoreVectorsAsync(IKnowledgeStore store, string model, IEnumerable<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(store);
        var embeddings = chunks.Select(chunk => new ChunkEmbedding(chunk.Id, chunk.ContentHash, Embeddings.Embed(chunk.SearchText))).ToList();
        await store.StoreEmbeddingsAsync(model, embeddings, Ct);
    }

    /// <summary>A fresh, empty store that analyses text with <see cref="Analyzer"/>.</summary>
    protected abstract Task<IKnowledgeStore> CreateStoreAsync();

    private sealed class ChunkFieldComparer : IEqualityComparer<Chunk>
    {
        public static readonly ChunkFieldComparer Instance = new();

        public bool Equals(Chunk? x, Chunk? y) =>
            x is not null && y is not null
            && (x.Id, x.DocumentId, x.Citation, x.NormTitle, x.Text, x.Ordinal, x.Part, x.IsRepealed, x.LawTitle)
                == (y.Id, y.DocumentId, y.Citation, y.NormTitle, y.Text, y.Ordinal, y.Part, y.IsRepealed, y.LawTitle)
            && (x.Level, x.DocumentType, x.Stand, x.ValidFrom, x.ValidUntil, x.ContentHash)
                == (y.Level, y.DocumentType, y.Stand, y.ValidFrom, y.ValidUntil, y.ContentHash);

        public int GetHashCode(Chunk obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
