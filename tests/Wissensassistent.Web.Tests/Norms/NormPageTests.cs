using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;
using Wissensassistent.Web.Components.Norms;
using Wissensassistent.Web.Tests.Fakes;

namespace Wissensassistent.Web.Tests.Norms;

public sealed class NormPageTests : WebTestContext
{
    private IRenderedComponent<NormPage> RenderNorm(string? law, string? section) =>
        Render<NormPage>(p => p.Add(x => x.Law, law).Add(x => x.Section, section));

    [Fact]
    public void KnownNorm_ShowsAbsaetzeStandSourceAndNeighbours()
    {
        var page = RenderNorm("BauGB", "35");

        Assert.Equal("§ 35 BauGB", page.Find(".wa-norm-title").TextContent.Trim());
        var parts = page.FindAll(".wa-norm .wa-norm-part");
        Assert.Equal([SampleData.Paragraph35Absatz1.Text, SampleData.Paragraph35Absatz2.Text], parts.Select(p => p.TextContent));
        Assert.Equal(SampleData.Stand, page.Find(".wa-stand").TextContent.Trim());
        Assert.Equal("bund/bbaug.md", page.Find(".wa-source-file").TextContent.Trim());
        Assert.Equal("/norm/BauGB/34", page.Find("a.wa-previous").GetAttribute("href"));
        Assert.Equal("/norm/BauGB/36", page.Find("a.wa-next").GetAttribute("href"));
    }

    [Fact]
    public void LawNameByAliasAndCase_FindsTheNorm()
    {
        var page = RenderNorm("baugb", "35");

        Assert.Equal("§ 35 BauGB", page.Find(".wa-norm-title").TextContent.Trim());
    }

    [Fact]
    public void UnknownNorm_SaysSoInGerman_AndOffersNearestExistingNorms()
    {
        var page = RenderNorm("BauGB", "35c");

        Assert.Contains("§ 35c BauGB ist im Bestand nicht vorhanden.", page.Find(".wa-norm-unknown").TextContent);
        Assert.Equal("§ 35c BauGB", page.Find("h1").TextContent.Trim());
        var nearest = page.FindAll(".wa-norm-nearest a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/norm/BauGB/35", nearest);
        Assert.Contains("/norm/BauGB/34", nearest);
    }

    [Fact]
    public void UnknownLaw_SaysSo()
    {
        var page = RenderNorm("XYZG", "1");

        Assert.Contains("ist im Bestand nicht vorhanden", page.Find(".wa-norm-unknown").TextContent);
    }

    [Fact]
    public void SearchBox_TypedCitation_NavigatesToTheNorm()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderNorm(null, null);

        page.Find("input#wa-norm-query").Input("§ 36 Abs. 1 BauGB");
        page.Find("input#wa-norm-query").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.EndsWith("/norm/BauGB/36?abs=1", navigation.Uri, StringComparison.Ordinal));
    }

    /// <summary>The same table as CitationParserTests and the CLI's `show`: the norm box reads with the one grammar.</summary>
    [Theory]
    [InlineData("§ 35 BauGB", "/norm/BauGB/35")]
    [InlineData("§35 Abs 1 BauGB", "/norm/BauGB/35?abs=1")]
    [InlineData("35 baugb", "/norm/BauGB/35")]
    [InlineData("BauGB § 35", "/norm/BauGB/35")]
    [InlineData("Baugesetzbuch § 35", "/norm/BauGB/35")]
    [InlineData("§§ 48, 49 VwVfG", "/norm/VwVfG/48")]
    [InlineData("§ 573 des Bürgerlichen Gesetzbuchs", "/norm/BGB/573")]
    [InlineData("§ 7 SGB II", "/norm/SGB%20II/7")]
    [InlineData("Art. 20 Abs. 3 GG", "/norm/GG/20?abs=3")]
    public void SearchBox_ReadsCitationsLikeSearchAndShow(string typed, string expected)
    {
        // Laws the store holds are known by their titles too ("des Bürgerlichen Gesetzbuchs").
        Store.Laws.Add(new LawInfo("BGB", "Bürgerliches Gesetzbuch", [], Level.Bund, DocumentType.Gesetz, null, 1));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderNorm(null, null);

        page.Find("input#wa-norm-query").Input(typed);
        page.Find("input#wa-norm-query").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.EndsWith(expected, navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void SearchBox_NoCitation_ExplainsTheExpectedForm()
    {
        var page = RenderNorm(null, null);

        page.Find("input#wa-norm-query").Input("Außenbereich");
        page.Find("button.wa-norm-go").Click();

        Assert.Contains("§ 35 BauGB", page.Find(".wa-norm-query-error").TextContent);
    }

    [Fact]
    public void Law_ListsItsNorms()
    {
        var page = RenderNorm("BauGB", null);

        var links = page.FindAll(".wa-norm-list a").Select(a => a.GetAttribute("href"));
        Assert.Equal(["/norm/BauGB/34", "/norm/BauGB/35", "/norm/BauGB/36"], links);
    }
}
