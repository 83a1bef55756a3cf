using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class CitationFormatterTests
{
    [Theory]
    [InlineData("BauGB", NormKind.Paragraph, "35", "1", null, "4", null, "§ 35 Abs. 1 Nr. 4 BauGB")]
    [InlineData("GG", NormKind.Article, "20", "3", null, null, null, "Art. 20 Abs. 3 GG")]
    [InlineData("GemO", NormKind.Paragraph, "24", "1", null, null, null, "§ 24 Abs. 1 GemO")]
    [InlineData("Richtlinie Ehrungen Bad Boll", NormKind.Item, "2.1", null, null, null, null, "Richtlinie Ehrungen Bad Boll, Nr. 2.1")]
    [InlineData("BGB", NormKind.Paragraph, "573b", "2", 1, "3", "a", "§ 573b Abs. 2 Satz 1 Nr. 3 Buchst. a BGB")]
    public void Format_WritesGermanConvention(string law, NormKind kind, string section, string? absatz, int? satz, string? nummer, string? buchstabe, string expected)
    {
        var citation = new Citation(law, kind, section, absatz, satz, nummer, buchstabe);

        Assert.Equal(expected, CitationFormatter.Format(citation));
    }

    [Fact]
    public void FormatNorm_DropsAbsatzAndBelow()
    {
        Assert.Equal("§ 35 BauGB", CitationFormatter.FormatNorm(new Citation("BauGB", NormKind.Paragraph, "35", "1", 2, "4")));
    }

    [Fact]
    public void Format_WithoutLaw_EndsAtTheDetails()
    {
        Assert.Equal("§ 5 Abs. 1", CitationFormatter.Format(new Citation(string.Empty, NormKind.Paragraph, "5", "1")));
    }
}
