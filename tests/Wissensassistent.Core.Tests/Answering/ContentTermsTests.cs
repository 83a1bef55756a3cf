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
}
