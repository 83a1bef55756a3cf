using Wissensassistent.Core.Chunks;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Testing;

/// <summary>The cross-references stored with each chunk, and "zitiert von", alike in every store.</summary>
public abstract partial class KnowledgeStoreContractTests
{
    /// <summary>The sample BauGB with its references resolved as ingestion does: § 36 Abs. 1 cites "§§ 31, 33 bis 35".</summary>
    private static DocumentBatch ReferencedBauGB { get; } = SampleCorpus.BauGBBatch with
    {
        Chunks = new CrossReferenceResolver(new CitationParser(LawNameResolver.BuiltIn)).Annotate(SampleCorpus.BauGBBatch.Chunks),
    };

    [Fact]
    public async Task Upsert_ChunkWithReferences_ReadsThemBackWithTheChunk_InEveryQuery()
    {
        var store = await NewStoreAsync();
        var expected = ReferencedBauGB.Chunks.Single(c => c.Citation.Section == "36").References;
        Assert.Equal(["31", "33", "34", "35"], expected.Select(r => r.Target.Section).Order());

        await store.UpsertAsync([ReferencedBauGB], Ct);

        var norm = await store.GetNormAsync("BauGB", "36", Ct);
        Assert.Equal(expected, Assert.Single(norm).References);
        Assert.Equal(expected, (await store.GetChunkAsync(norm[0].Id, Ct))!.References);
        var hit = (await store.SearchLexicalAsync(Analyzer.Query("Einvernehmen Baugenehmigungsbehörde"), SearchFilter.None, 1, Ct))[0].Chunk;
        Assert.Equal(expected, hit.References);
        Assert.Empty((await store.GetNormAsync("BauGB", "35", Ct))[0].References);
    }

    [Fact]
    public async Task GetReferringChunks_FindsTheCitingNorm_ByLawOrAlias_UntilItIsReplaced()
    {
        var store = await NewStoreAsync();
        await store.UpsertAsync([ReferencedBauGB, .. SampleCorpus.All.Skip(1)], Ct);
        var index = Assert.IsAssignableFrom<ICrossReferenceIndex>(store);

        var citing = await index.GetReferringChunksAsync("baugb", "34", Ct);
        Assert.Equal("36", Assert.Single(citing).Citation.Section);
        Assert.Equal("36", Assert.Single(await index.GetReferringChunksAsync("BBauG", "34", Ct)).Citation.Section);
        Assert.Empty(await index.GetReferringChunksAsync("BauGB", "36", Ct));
        Assert.Equal(4, (await index.ListReferencesAsync(Ct)).Count(r => r.Target.Law == "BauGB"));

        await store.UpsertAsync([SampleCorpus.BauGBBatch], Ct);

        Assert.Empty(await index.GetReferringChunksAsync("BauGB", "34", Ct));
        Assert.Empty((await index.ListReferencesAsync(Ct)).Where(r => r.Target.Law == "BauGB"));
    }
}
