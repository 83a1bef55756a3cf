using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>Document permissions: every store applies <see cref="SearchFilter.Access"/> inside its ranking and returns the groups it keeps.</summary>
public abstract partial class KnowledgeStoreContractTests
{
    [Fact]
    public async Task SearchLexical_RestrictedPassage_OnlyForItsGroup_InsideTheRanking()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        var query = Analyzer.Query("Rufbereitschaft");

        var anna = await store.SearchLexicalAsync(query, SearchFilter.None with { Access = RestrictedCorpus.Anna }, 10, Ct);
        var ben = await store.SearchLexicalAsync(query, SearchFilter.None with { Access = RestrictedCorpus.Ben }, 10, Ct);
        var anonymous = await store.SearchLexicalAsync(query, SearchFilter.None, 10, Ct);
        var benTop1 = await store.SearchLexicalAsync(query, SearchFilter.None with { Access = RestrictedCorpus.Ben }, 1, Ct);
        var anonymousTop1 = await store.SearchLexicalAsync(query, SearchFilter.None, 1, Ct);

        Assert.Contains(anna, hit => hit.Chunk.DocumentId == RestrictedCorpus.Personalamt.Id);
        Assert.DoesNotContain(anna, hit => hit.Chunk.DocumentId == RestrictedCorpus.Kaemmerei.Id);
        Assert.Contains(ben, hit => hit.Chunk.DocumentId == RestrictedCorpus.Kaemmerei.Id);
        Assert.DoesNotContain(ben, hit => hit.Chunk.DocumentId == RestrictedCorpus.Personalamt.Id);
        Assert.Equal([RestrictedCorpus.Bauhof.Id], anonymous.Select(hit => hit.Chunk.DocumentId).Distinct());

        // The restricted passages rank first for everyone who may read them; a reader who may not still gets a full list.
        Assert.Equal(RestrictedCorpus.Kaemmerei.Id, Assert.Single(benTop1).Chunk.DocumentId);
        Assert.Equal(RestrictedCorpus.Bauhof.Id, Assert.Single(anonymousTop1).Chunk.DocumentId);
    }

    [Fact]
    public async Task SearchLexical_AccessCombinesWithOtherFilters()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        var onlyPersonalamtLaw = new SearchFilter { Laws = [RestrictedCorpus.PersonalamtLaw], Access = RestrictedCorpus.Ben };

        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query("Rufbereitschaft"), onlyPersonalamtLaw, 10, Ct));
        Assert.Empty(await store.SearchLexicalAsync(Analyzer.Query(RestrictedCorpus.PersonalamtOnlyWord), SearchFilter.None with { Access = RestrictedCorpus.Ben }, 10, Ct));
        Assert.NotEmpty(await store.SearchLexicalAsync(Analyzer.Query(RestrictedCorpus.PersonalamtOnlyWord), SearchFilter.None with { Access = RestrictedCorpus.Anna }, 10, Ct));
    }

    [Fact]
    public async Task SearchDense_RestrictedPassage_OnlyForItsGroup()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        await EmbedAllAsync(store);
        var vector = Embeddings.Embed(RestrictedCorpus.PersonalamtBatch.Chunks[0].SearchText);

        var anna = await store.SearchDenseAsync(vector, SearchFilter.None with { Access = RestrictedCorpus.Anna }, 3, Ct);
        var ben = await store.SearchDenseAsync(vector, SearchFilter.None with { Access = RestrictedCorpus.Ben }, 3, Ct);
        var anonymous = await store.SearchDenseAsync(vector, SearchFilter.None, 3, Ct);

        Assert.Equal(RestrictedCorpus.PersonalamtBatch.Chunks[0].Id, anna[0].Chunk.Id);
        Assert.NotEmpty(ben);
        Assert.DoesNotContain(ben, hit => hit.Chunk.DocumentId == RestrictedCorpus.Personalamt.Id);
        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, hit => Assert.Empty(hit.Chunk.AccessGroups));
    }

    [Fact]
    public async Task Reads_CarryTheDocumentsGroups_FoldedToLowerCase()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        var restricted = RestrictedCorpus.PersonalamtBatch.Chunks[0];

        Assert.Equal(["personalamt"], (await store.GetChunkAsync(restricted.Id, Ct))!.AccessGroups);
        Assert.All(await store.GetNeighboursAsync(restricted.Id, 1, Ct), chunk => Assert.Equal(["personalamt"], chunk.AccessGroups));
        Assert.All(await store.GetNormAsync(RestrictedCorpus.PersonalamtLaw, "1", Ct), chunk => Assert.Equal(["personalamt"], chunk.AccessGroups));
        Assert.Empty((await store.GetNormAsync(RestrictedCorpus.PublicLaw, "1", Ct))[0].AccessGroups);
        Assert.Equal(["personalamt"], Assert.Single(await store.ListNormsAsync(RestrictedCorpus.PersonalamtLaw, Ct), n => n.Citation.Section == "1").AccessGroups);

        var laws = await store.ListLawsAsync(Ct);
        Assert.Equal(["personalamt"], laws.Single(l => l.Law == RestrictedCorpus.PersonalamtLaw).AccessGroups);
        Assert.Equal(["kaemmerei"], laws.Single(l => l.Law == RestrictedCorpus.KaemmereiLaw).AccessGroups);
        Assert.Empty(laws.Single(l => l.Law == RestrictedCorpus.PublicLaw).AccessGroups);
    }

    [Fact]
    public async Task Upsert_WithNewGroups_ChangesWhoFindsTheDocument()
    {
        var store = await StoreWithRestrictedCorpusAsync();
        var query = Analyzer.Query(RestrictedCorpus.PersonalamtOnlyWord);
        var madePublic = RestrictedCorpus.PersonalamtBatch with
        {
            Document = RestrictedCorpus.Personalamt with { AccessGroups = [] },
            Chunks = [.. RestrictedCorpus.PersonalamtBatch.Chunks.Select(chunk => chunk with { AccessGroups = [] })],
        };

        await store.UpsertAsync([madePublic], Ct);

        Assert.NotEmpty(await store.SearchLexicalAsync(query, SearchFilter.None, 10, Ct));
        Assert.Empty((await store.GetChunkAsync(madePublic.Chunks[0].Id, Ct))!.AccessGroups);
        Assert.Empty((await store.ListLawsAsync(Ct)).Single(l => l.Law == RestrictedCorpus.PersonalamtLaw).AccessGroups);

        await store.UpsertAsync([RestrictedCorpus.PersonalamtBatch], Ct);

        Assert.Empty(await store.SearchLexicalAsync(query, SearchFilter.None, 10, Ct));
    }

    protected async Task<IKnowledgeStore> StoreWithRestrictedCorpusAsync()
    {
        var store = await StoreWithSampleCorpusAsync();
        await store.UpsertAsync(RestrictedCorpus.All, Ct);
        return store;
    }
}
