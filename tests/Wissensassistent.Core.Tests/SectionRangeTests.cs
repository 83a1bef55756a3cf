using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class SectionRangeTests
{
    [Theory]
    [InlineData("1321 bis 1352", "1321", true)]
    [InlineData("1321 bis 1352", "1330", true)]
    [InlineData("1321 bis 1352", "1352", true)]
    [InlineData("1321 bis 1352", "1353", false)]
    [InlineData("1321 bis 1352", "1320", false)]
    [InlineData("1615b bis 1615k", "1615e", true)]
    [InlineData("1615b bis 1615k", "1615", false)]
    [InlineData("1615b bis 1615k", "1615l", false)]
    [InlineData("114 und 115", "115", true)]
    [InlineData("114 und 115", "116", false)]
    [InlineData("1836a und 1836b", "1836b", true)]
    [InlineData("35", "35", false)]
    [InlineData("Eingangsformel", "1", false)]
    public void Contains_EveryNumberOfARun(string range, string section, bool expected) =>
        Assert.Equal(expected, SectionRange.Contains(range, section));

    [Fact]
    public void Formatter_WritesARunWithTwoSectionSigns()
    {
        Assert.Equal("§§ 1321 bis 1352 BGB", CitationFormatter.Format(new Citation("BGB", NormKind.Paragraph, "1321 bis 1352")));
        Assert.Equal("§ 1321 BGB", CitationFormatter.Format(new Citation("BGB", NormKind.Paragraph, "1321")));
    }
}
