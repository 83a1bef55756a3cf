using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class ContentTermsTests
{
    [Theory]
    [InlineData("Androhung", "anzudrohen")]
    [InlineData("vorlegen", "vorzulegen")]
    [InlineData("beifügen", "beizufügen")]
    public void SeparableVerbWithZuInside_SharesTheStemOfItsVerbAndNoun(string question, string statute) =>
        Assert.Equal(1, ContentTerms.CountOccurring(ContentTerms.Extract(question), ContentTerms.Vocabulary(statute)));

    [Theory]
    [InlineData("Anzug", "Ang")]
    [InlineData("Anzahl", "Ahl")]
    public void WordWithoutAVerbEnding_KeepsItsZu(string question, string other) =>
        Assert.Equal(0, ContentTerms.CountOccurring(ContentTerms.Extract(question), ContentTerms.Vocabulary(other)));
    [Theory]
    [InlineData("Fischereischein", "Ausstellung eines Jahresfischereischeins", 1.0)]
    [InlineData("Vollmacht", "nicht durch einen Bevollmächtigten", 1.0)]
    [InlineData("Hundesteuer", "Die Steuer beträgt für jeden Hund 165,00 €.", 1.0)]
    [InlineData("Hundesteuer", "Bei Verlust einer Hundesteuermarke wird eine Ersatzmarke ausgehändigt.", ContentTerms.ModifierStrength)]
    [InlineData("Hundesteuer", "Die Steuer wird als Jahressteuer erhoben.", 0.0)]
    public void Strength_CountsACompoundByItsHead(string question, string statute, double expected) =>
        Assert.Equal(expected, ContentTerms.Strength(ContentTerms.Extract(question).Single(), ContentTerms.Vocabulary(statute)));
}
