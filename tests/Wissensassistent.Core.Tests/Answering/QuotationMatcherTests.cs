using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class QuotationMatcherTests
{
    private const string Passage = "(2) Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung\n   öffentliche Belange nicht beeinträchtigt und die Erschließung gesichert ist.";

    [Theory]
    [InlineData("Sonstige Vorhaben können im Einzelfall zugelassen werden")]
    [InlineData("Benutzung öffentliche Belange")]
    [InlineData("Sonstige Vorhaben … öffentliche Belange nicht beeinträchtigt")]
    [InlineData("Sonstige Vorhaben [...] die Erschließung gesichert ist.")]
    public void OccursIn_VerbatimModuloWhitespaceAndEllipsis_True(string quotation)
    {
        Assert.True(QuotationMatcher.OccursIn(quotation, Passage));
    }

    [Theory]
    [InlineData("sonstige Vorhaben können im Einzelfall zugelassen werden")]
    [InlineData("Sonstige Vorhaben sind stets zulässig")]
    [InlineData("öffentliche Belange … Sonstige Vorhaben")]
    public void OccursIn_ChangedCaseWordingOrOrder_False(string quotation)
    {
        Assert.False(QuotationMatcher.OccursIn(quotation, Passage));
    }

    [Fact]
    public void OccursIn_TypographicQuotesInsideQuotation_AreUnified()
    {
        Assert.True(QuotationMatcher.OccursIn("so gelten diese als „weitere Hunde“", "Werden neben Kampfhunden noch andere Hunde gehalten, so gelten diese als \"weitere Hunde\"."));
    }

    [Fact]
    public void Find_GermanEnglishStraightAndGuillemetQuotes()
    {
        var quotations = QuotationMatcher.Find("A „eins“ B “zwei” C \"drei\" D »vier« E");

        Assert.Equal(["eins", "zwei", "drei", "vier"], quotations.Select(q => q.Content));
    }
}
