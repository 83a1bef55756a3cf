using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class NormAddressTests
{
    [Theory]
    [InlineData("§ 35 BauGB", "BauGB", NormKind.Paragraph, "35", null)]
    [InlineData("§35 BauGB", "BauGB", NormKind.Paragraph, "35", null)]
    [InlineData("  §   35   Abs. 2   BauGB ", "BauGB", NormKind.Paragraph, "35", "2")]
    [InlineData("Art. 20 Abs. 3 GG", "GG", NormKind.Article, "20", "3")]
    [InlineData("Artikel 1 GG", "GG", NormKind.Article, "1", null)]
    [InlineData("BauGB § 35", "BauGB", NormKind.Paragraph, "35", null)]
    [InlineData("35 BauGB", "BauGB", NormKind.Paragraph, "35", null)]
    [InlineData("§ 573b BGB", "BGB", NormKind.Paragraph, "573b", null)]
    [InlineData("§ 7 SGB II", "SGB II", NormKind.Paragraph, "7", null)]
    [InlineData("Richtlinie Ehrungen Bad Boll, Nr. 2.1", "Richtlinie Ehrungen Bad Boll", NormKind.Item, "2.1", null)]
    public void TryParse_TypedAddress_ReadsLawAndSection(string text, string law, NormKind kind, string section, string? absatz)
    {
        Assert.True(NormAddress.TryParse(text, out var citation));
        Assert.Equal(law, citation.Law);
        Assert.Equal(kind, citation.Kind);
        Assert.Equal(section, citation.Section);
        Assert.Equal(absatz, citation.Absatz);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Wann darf ich im Außenbereich bauen")]
    [InlineData("§ BauGB")]
    [InlineData("35")]
    public void TryParse_NoNorm_ReturnsFalse(string text)
    {
        Assert.False(NormAddress.TryParse(text, out _));
    }

    [Fact]
    public void PathOf_EscapesLawAndSection()
    {
        Assert.Equal("/norm/BauGB/35", NormAddress.PathOf("BauGB", "35"));
        Assert.Equal("/norm/Richtlinie%20Ehrungen%20Bad%20Boll/2.1", NormAddress.PathOf("Richtlinie Ehrungen Bad Boll", "2.1"));
        Assert.Equal("/norm/a%2Fb/%3Cx%3E", NormAddress.PathOf("a/b", "<x>"));
    }
}
