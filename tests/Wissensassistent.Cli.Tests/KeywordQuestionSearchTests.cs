using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Retrieval;

namespace Wissensassistent.Cli.Tests;

/// <summary>A keyword question on the shipped corpus: behind its best match, the Land's and the Gemeinde's rules come first.</summary>
public sealed class KeywordQuestionSearchTests(IngestedCorpus corpus)
{
    [Fact]
    public async Task Search_KeywordQuestion_LandLawOnTheMatterBeforeFurtherFederalLaws()
    {
        var search = corpus.Services.GetRequiredService<ISearchService>();

        var result = await search.SearchAsync(new SearchRequest("Akteneinsicht Antrag?", 10, SearchMode.Lexical), TestContext.Current.CancellationToken);

        // § 29 LVwVfG (Akteneinsicht durch Beteiligte) is the rule a Gemeinde in Baden-Württemberg applies; without the step the
        // OWiG, the VwGO and the AO came before it. The best match stays first whatever its level.
        var laws = result.Hits.Select(hit => hit.Chunk.Citation.Law).ToList();
        Assert.Equal("EGovG", laws[0]);
        Assert.Equal("LVwVfG", laws[1]);
    }
}
