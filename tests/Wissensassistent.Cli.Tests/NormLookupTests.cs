using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Cli.Commands;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Retrieval;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Cli.Tests;

/// <summary>Every form people type to name a norm lands on that norm, in search and in show.</summary>
public sealed class NormLookupTests(IngestedCorpus corpus)
{
    private ISearchService Search => corpus.Services.GetRequiredService<ISearchService>();

    [Theory]
    [InlineData("§ 35 BauGB", "§ 35 BauGB")]
    [InlineData("35 baugb", "§ 35 BauGB")]
    [InlineData("§35 Abs 2 BauGB", "§ 35 BauGB")]
    [InlineData("Art. 3 GG", "Art. 3 GG")]
    [InlineData("Art 20 Abs. 3 GG", "Art. 20 GG")]
    [InlineData("§ 24 GemO", "§ 24 GemO")]
    [InlineData("§ 573b BGB", "§ 573b BGB")]
    [InlineData("§ 44 SGB X", "§ 44 SGB X")]
    [InlineData("Baugesetzbuch § 35", "§ 35 BauGB")]
    public async Task Search_NamedNorm_ComesFirst(string query, string expectedNorm)
    {
        var result = await Search.SearchAsync(new SearchRequest(query, 5), TestContext.Current.CancellationToken);

        Assert.NotEmpty(result.Hits);
        Assert.Equal(expectedNorm, CitationFormatter.FormatNorm(result.Hits[0].Chunk.Citation));
    }

    [Fact]
    public async Task Search_NamedAbsatz_ComesFirstWithinTheNorm()
    {
        var result = await Search.SearchAsync(new SearchRequest("§35 Abs 2 BauGB", 5), TestContext.Current.CancellationToken);

        Assert.Equal("§ 35 Abs. 2 BauGB", CitationFormatter.Format(result.Hits[0].Chunk.Citation));
    }

    [Fact]
    public async Task Search_QuestionNamingANorm_RanksWithinThatNormFirst()
    {
        var result = await Search.SearchAsync(new SearchRequest("Was regelt § 34 BauGB zum Einfügen?", 5), TestContext.Current.CancellationToken);

        Assert.Equal("§ 34 BauGB", CitationFormatter.FormatNorm(result.Hits[0].Chunk.Citation));
        Assert.Contains("infüg", result.Hits[0].Chunk.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_TwoNamedNorms_ReturnsBoth()
    {
        var result = await Search.SearchAsync(new SearchRequest("§§ 48, 49 VwVfG", 20), TestContext.Current.CancellationToken);

        var norms = result.Hits.Select(h => CitationFormatter.FormatNorm(h.Chunk.Citation)).Distinct().ToList();
        Assert.Equal(["§ 48 VwVfG", "§ 49 VwVfG"], norms.Take(2));
    }

    [Theory]
    [InlineData("§ 35 Abs. 1 BauGB", "§ 35 Abs. 1 BauGB")]
    [InlineData("Art. 20 Abs. 3 GG", "Art. 20 Abs. 3 GG")]
    [InlineData("§ 24 Abs. 1 GemO", "§ 24 Abs. 1 GemO")]
    public async Task Show_SelectsExactlyTheCitedAbsatz(string input, string expected)
    {
        var laws = corpus.Services.GetRequiredService<LawDirectory>();
        var store = corpus.Services.GetRequiredService<IKnowledgeStore>();
        var citation = Assert.Single((await laws.GetParserAsync(DocumentAccess.Public, TestContext.Current.CancellationToken)).Parse(input));

        var norm = await store.GetNormAsync(citation.Law, citation.Section, TestContext.Current.CancellationToken);
        var passage = ShowCommand.SelectPassage(norm, citation);

        Assert.NotEmpty(passage);
        Assert.All(passage, c => Assert.Equal(expected, CitationFormatter.Format(c.Citation with { Nummer = null, Satz = null, Buchstabe = null })));
    }
}
