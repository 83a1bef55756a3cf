using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Tests;

/// <summary>A short question that names the Land is answered from the Land's law before a bylaw that repeats it.</summary>
public sealed class NamedLandSearchTests(IngestedCorpus corpus)
{
    [Fact]
    public async Task Search_QuestionNamesTheLand_TopHitIsTheLandsLaw()
    {
        var result = await corpus.SearchWith(new SearchOptions()).SearchAsync(new SearchRequest("Hundesteuer Pflicht Baden-Württemberg?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal("land-bw/KAG-BW_TEIL-2_Steuern.md", result.Hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_SameQuestionWithoutTheLand_TopHitIsTheGemeindesBylaw()
    {
        // Without the Land named, the Gemeinde's own Hundesteuersatzung is the better answer.
        var result = await corpus.SearchWith(new SearchOptions()).SearchAsync(new SearchRequest("Hundesteuer Pflicht?", Mode: SearchMode.Lexical), TestContext.Current.CancellationToken);

        Assert.Equal("kommune/GEM-BBO/BBO_Satzung_Erhebung_Hundesteuer.md", result.Hits[0].Chunk.DocumentId);
    }
}
