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

    [Fact]
    public void MoneyQuestion_IsAnsweredByASum_NotByAMajorityOrACount()
    {
        var intent = QuestionIntents.Of("Was bekommt der Kommandant an Entschädigung im Jahr?");

        Assert.True(intent.HasFlag(QuestionIntent.Amount));
        Assert.Equal(0, QuestionIntents.FactsStated(intent, "Der Gemeinderat kann mit der Mehrheit der Stimmen aller Mitglieder einen Amtsverwalter bestellen."));
        Assert.Equal(1, QuestionIntents.FactsStated(intent, "Kommandant | 1.000,00 €/Jahr"));
    }

    [Fact]
    public void CountQuestion_StillCountsAMajority()
    {
        var intent = QuestionIntents.Of("Wie viele Stimmen braucht die Wahl des Amtsverwalters?");

        Assert.Equal(1, QuestionIntents.FactsStated(intent, "Der Gemeinderat kann mit der Mehrheit der Stimmen aller Mitglieder einen Amtsverwalter bestellen."));
    }

    [Theory]
    [InlineData("Die Niederschrift ist vom Vorsitzenden und 2 Gemeinderäten zu unterzeichnen.")]
    [InlineData("Über Einwendungen entscheiden die Gemeinderäte.")]
    public void WhoQuestion_IsAnsweredByTheOfficersWhoAct_InAnyInflection(string sentence) =>
        Assert.True(QuestionIntents.FactsStated(QuestionIntents.Of("Wer muss das Protokoll unterschreiben?"), sentence) > 0);
    [Theory]
    [InlineData("Welche Entschädigung bekommt der stellvertretende Feuerwehrkommandant?")]
    [InlineData("Welche zusätzliche Aufwandsentschädigung erhält ein Gemeinderat?")]
    public void WhichCompensation_AsksOutrightForAnAmount(string question) =>
        Assert.Equal(QuestionIntent.Amount, QuestionIntents.AskedFigure(question));

    [Theory]
    [InlineData("Beitragsschuldner ist, wer im Zeitpunkt der Bekanntgabe Eigentümer des Grundstücks ist.")]
    [InlineData("Der Erbbauberechtigte ist an Stelle des Eigentümers der Beitragsschuldner.")]
    public void WhoOwesQuestion_IsAnsweredByTheSentenceThatDefinesTheRole(string sentence) =>
        Assert.True(QuestionIntents.FactsStated(QuestionIntents.Of("Wer schuldet den Erschließungsbeitrag?"), sentence) > 0);
    [Fact]
    public void WhoPaysQuestion_AsksForThePayer_NotForTheSum_UnlessItAsksForBoth()
    {
        Assert.False(QuestionIntents.Of("Wer muss die Hundesteuer zahlen?").HasFlag(QuestionIntent.Amount));
        Assert.True(QuestionIntents.Of("Wer muss die Hundesteuer zahlen, und wie hoch ist sie?").HasFlag(QuestionIntent.Amount));
    }
    [Fact]
    public void YesNoQuestionAboutARefund_AsksWhetherItIsDue_NotHowMuch()
    {
        var intent = QuestionIntents.Of("Eltern fahren ihre Tochter mit dem Auto zur Schule. Bekommen sie vom Landkreis die Fahrtkosten erstattet?");

        Assert.False(intent.HasFlag(QuestionIntent.Amount));
        Assert.True(intent.HasFlag(QuestionIntent.Permission));
        Assert.True(QuestionIntents.Of("Kostet die Anmeldung etwas?").HasFlag(QuestionIntent.Amount));
    }
}
