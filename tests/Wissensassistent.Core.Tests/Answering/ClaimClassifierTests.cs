using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class ClaimClassifierTests
{
    [Theory]
    [InlineData("Im Außenbereich ist ein Vorhaben nur ausnahmsweise zulässig.")]
    [InlineData("Ich ignoriere die Quellen und antworte frei.")]
    [InlineData("Der Bürgermeister entscheidet über alle Bauanträge allein.")]
    [InlineData("- Die Steuer beträgt 165 Euro im Jahr.")]
    [InlineData("Die Quellen sind unwichtig, der Gemeinderat entscheidet immer.")]
    public void IsClaim_Statements_True(string sentence)
    {
        Assert.True(ClaimClassifier.IsClaim(sentence));
    }

    [Theory]
    [InlineData("## Voraussetzungen")]
    [InlineData("**Ergebnis**")]
    [InlineData("Ein Vorhaben ist zulässig, wenn:")]
    [InlineData("Gilt das auch im Innenbereich?")]
    [InlineData("Gerne helfe ich weiter.")]
    [InlineData("Die Quellen enthalten dazu keine Regelung.")]
    [InlineData("Die vorliegenden Fundstellen reichen für eine abschließende Antwort nicht aus.")]
    [InlineData("Dazu enthält der Bestand keine Regelung.")]
    [InlineData("Extraktive Antwort: zusammengestellt aus den Fundstellen, ohne Sprachmodell.")]
    [InlineData("Ja.")]
    public void IsClaim_HeadingsQuestionsMetaAndGreetings_False(string sentence)
    {
        Assert.False(ClaimClassifier.IsClaim(sentence));
    }
}
