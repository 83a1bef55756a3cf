using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class GermanSentenceSplitterTests
{
    [Fact]
    public void Split_AtFullStopBeforeCapital_TwoSentences()
    {
        var sentences = GermanSentenceSplitter.SplitToStrings("Die Steuer wird als Jahressteuer erhoben. Erhebungszeitraum ist das Kalenderjahr.");

        Assert.Equal(["Die Steuer wird als Jahressteuer erhoben.", "Erhebungszeitraum ist das Kalenderjahr."], sentences);
    }

    [Theory]
    [InlineData("Nach § 35 Abs. 1 Nr. 4 BauGB ist das zulässig.")]
    [InlineData("Das gilt z. B. für Zwinger nach § 7 Abs. 1 der Satzung.")]
    [InlineData("Die Pflicht beginnt am 1. Januar des Jahres.")]
    [InlineData("Vorhaben, die 1. einem Betrieb dienen, 2. Wasser versorgen.")]
    [InlineData("Sie gilt gem. Abs. 3 Satz 1 auch für Kampfhunde.")]
    [InlineData("Die Amtszeit des stv. Feuerwehrkommandanten beträgt fünf Jahre.")]
    public void Split_AbbreviationsAndNumbers_DoNotEndASentence(string text)
    {
        Assert.Single(GermanSentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_MarkerAfterFullStop_StaysWithItsSentence()
    {
        var sentences = GermanSentenceSplitter.SplitToStrings("Im Außenbereich gilt § 35. [1] Im Innenbereich gilt § 34. [2, 3]");

        Assert.Equal(["Im Außenbereich gilt § 35. [1]", "Im Innenbereich gilt § 34. [2, 3]"], sentences);
    }

    [Fact]
    public void Split_InsideQuotation_NoBoundary()
    {
        var sentences = GermanSentenceSplitter.SplitToStrings("Es heißt: „Die Steuer wird erhoben. Sie ist jährlich.“ [1] Das ist alles.");

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("Es heißt: „Die Steuer wird erhoben. Sie ist jährlich.“ [1]", sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_EveryLineOnItsOwn()
    {
        var sentences = GermanSentenceSplitter.SplitToStrings("## Ergebnis\n- Erster Punkt [1]\n- Zweiter Punkt [2]");

        Assert.Equal(["## Ergebnis", "- Erster Punkt [1]", "- Zweiter Punkt [2]"], sentences);
    }
}
