using Wissensassistent.Ingestion.Chunking;

namespace Wissensassistent.Ingestion.Tests;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_SeparatesSentences()
    {
        var sentences = SentenceSplitter.Split("Die Steuer wird als Jahressteuer erhoben. Erhebungszeitraum ist das Kalenderjahr! Ist das so? Ja.");

        Assert.Equal(["Die Steuer wird als Jahressteuer erhoben.", "Erhebungszeitraum ist das Kalenderjahr!", "Ist das so?", "Ja."], sentences);
    }

    [Theory]
    [InlineData("Nach § 5 Abs. 2 Satz 1 gilt das.")]
    [InlineData("Die Frist nach Nr. 3 bleibt unberührt.")]
    [InlineData("Gemeint sind z. B. Hunde und Katzen.")]
    [InlineData("Gemeint sind z.B. Hunde und Katzen.")]
    [InlineData("Die Regelung in § 4 i. V. m. § 5 gilt.")]
    [InlineData("Nach Art. 20 GG ist das so.")]
    [InlineData("Sie ist ggf. zu ergänzen.")]
    [InlineData("Gilt bzw. gilt nicht.")]
    [InlineData("Veröffentlicht in BGBl. I S. 3634 und dort verbindlich.")]
    [InlineData("Die Steuer entsteht am 1. Januar des Jahres.")]
    [InlineData("Die Regelung im 2. Abschnitt gilt.")]
    [InlineData("Der Antrag ist bis zum 15. Juni zu stellen.")]
    public void Split_DoesNotSplitAfterAbbreviationsOrdinalsAndDates(string text)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal([text], sentences);
    }

    [Fact]
    public void Split_KeepsTheTextComplete()
    {
        const string text = "(1) Die Steuer beträgt 165,00 €. Für das Halten eines Kampfhundes gem. Abs. 3 beträgt der Steuersatz 900,00 €. Beginnt die Steuerpflicht im Laufe des Jahres, gilt Satz 1 entsprechend.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(3, sentences.Count);
        Assert.Equal(text, string.Join(' ', sentences));
    }
}
