using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class ContentTermsTests
{
    [Theory]
    [InlineData("Androhung", "anzudrohen")]
    [InlineData("zustellen", "zugestellt")]
    [InlineData("vorlegen", "vorzulegen")]
    [InlineData("ablehnen", "abgelehnt")]
    public void SeparableVerbWithGeOrZuInside_SharesTheStemOfItsVerbAndNoun(string question, string statute) =>
        Assert.Equal(1, ContentTerms.CountOccurring(ContentTerms.Extract(question), ContentTerms.Vocabulary(statute)));

    [Theory]
    [InlineData("Angebot", "Anbot")]
    [InlineData("Anzahl", "Ahl")]
    public void WordWithoutAVerbEnding_KeepsItsGeOrZu(string question, string other) =>
        Assert.Equal(0, ContentTerms.CountOccurring(ContentTerms.Extract(question), ContentTerms.Vocabulary(other)));
}
