using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Cli.Commands;
using Wissensassistent.Core.References;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Tests;

/// <summary>The real corpus ingested into the embedded store: repealed runs, "zitiert von" and the reference figures.</summary>
public sealed class CrossReferenceStoreTests(IngestedCorpus corpus)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IKnowledgeStore Store => corpus.Services.GetRequiredService<IKnowledgeStore>();

    [Theory]
    [InlineData("§ 1330 BGB", "§§ 1321 bis 1352 BGB")]
    [InlineData("§ 1321 BGB", "§§ 1321 bis 1352 BGB")]
    [InlineData("§ 1352 BGB", "§§ 1321 bis 1352 BGB")]
    [InlineData("§ 1615e BGB", "§§ 1615b bis 1615k BGB")]
    public async Task Show_NumberInsideARepealedRun_SaysWeggefallen_InsteadOfNotInTheCorpus(string input, string run)
    {
        var result = Assert.Single(await corpus.Services.GetRequiredService<NormLookup>().LookupAsync(input, Core.Storage.DocumentAccess.Public, Ct));

        Assert.Equal(NormLookupOutcome.Found, result.Outcome);
        Assert.True(result.IsRepealed);
        var output = new StringWriter();
        ShowCommand.Print(output, result.Citation!, result.Passage);
        Assert.StartsWith(input + "\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"(weggefallen – aufgehoben mit {run})", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NumberJustAfterARepealedRun_IsItsOwnNorm()
    {
        var lookup = corpus.Services.GetRequiredService<NormLookup>();

        var after = Assert.Single(await lookup.LookupAsync("§ 1353 BGB", Core.Storage.DocumentAccess.Public, Ct));
        Assert.Equal("1353", after.Passage[0].Citation.Section);
        Assert.False(after.IsRepealed);
    }

    [Fact]
    public async Task CitedBy_Paragraph34BauGB_ListsTheBauGBNormsAndTheGemeindesBylawsThatCiteIt()
    {
        var index = Assert.IsAssignableFrom<ICrossReferenceIndex>(Store);

        var citing = await index.GetReferringChunksAsync("BauGB", "34", Ct);

        var norms = citing.Select(c => c.Citation.Norm.ToString()).Distinct().ToList();
        Assert.Contains("§ 36 BauGB", norms);
        Assert.Contains("§ 9 BauGB", norms);
        Assert.Contains("§ 246 BauGB", norms);
        Assert.Contains(citing, c => c.Citation.Law == "Abwassersatzung Bad Boll");
        Assert.All(citing, c => Assert.Contains(c.References, r => r.Target.Law == "BauGB" && r.Target.Section == "34"));
    }

    [Fact]
    public async Task Figures_MostReferencesResolve_TheRestHaveAReason()
    {
        var figures = await CrossReferenceCensus.CountAsync(Store, Ct);

        Assert.NotNull(figures);
        Assert.True(figures.Found > 30_000, $"{figures.Found} references found");
        Assert.True(figures.Resolved > 0.85 * figures.Found, $"{figures.Resolved} of {figures.Found} resolved");
        Assert.Equal(figures.Found, Enum.GetValues<ReferenceOutcome>().Sum(figures.Count));
        Assert.True(figures.Count(ReferenceOutcome.Repealed) > 0);
        Assert.Contains(figures.UnresolvedLaws, l => l.Key == "ZPO");
    }
}
