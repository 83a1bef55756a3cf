using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class QuestionIntentsTests
{
    [Fact]
    public void HowLongAtLeast_AsksForATimeSpan_NotForALength()
    {
        var intent = QuestionIntents.Of("Wie lange muss ein Grab mindestens belegt bleiben?");

        Assert.True(intent.HasFlag(QuestionIntent.Time));
        Assert.False(intent.HasFlag(QuestionIntent.Amount));
        Assert.Equal(0, QuestionIntents.FactsStated(intent, "Die Tiefe der Gräber beträgt mindestens 0,90 m."));
        Assert.Equal(1, QuestionIntents.FactsStated(intent, "Die Ruhezeit beträgt 20 Jahre."));
    }

    [Theory]
    [InlineData("Durfte er die Hilfe verweigern?")]
    [InlineData("Musste die Gemeinde das Grab räumen?")]
    [InlineData("Dürfte der Verein dort ausschenken?")]
    public void PastAndSubjunctiveModals_AskWhetherSomethingIsAllowedOrRequired(string question) =>
        Assert.True(QuestionIntents.Of(question).HasFlag(QuestionIntent.Permission));

    [Fact]
    public void HowHighAtLeast_StillAsksForAnAmount()
    {
        var intent = QuestionIntents.Of("Wie hoch muss ein Zaun mindestens sein?");

        Assert.True(intent.HasFlag(QuestionIntent.Amount));
        Assert.Equal(1, QuestionIntents.FactsStated(intent, "Die Einfriedung muss mindestens 1,20 m hoch sein."));
    }
}
