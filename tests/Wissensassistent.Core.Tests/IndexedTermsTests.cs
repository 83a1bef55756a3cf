using Wissensassistent.Core.Retrieval;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests;

public sealed class IndexedTermsTests
{
    [Fact]
    public void NormTitle_SectionUnderTheLawsOwnTitle_IsEmpty()
    {
        // The footnote under the law's heading: counted as a norm title too, the law's name would put it before every § of the law.
        var footnote = AnswerFixtures.Passage(
            "land-bw/LVwZG-BW.md", "LVwZG", "Verwaltungszustellungsgesetz für Baden-Württemberg", "Verwaltungszustellungsgesetz", null, null, 0,
            "*) Verkündet als Artikel 1 des Gesetzes zur Novellierung des Verwaltungszustellungsrechts", kind: Citations.NormKind.Section)
            with { HeadingPath = ["LVwZG", "Verwaltungszustellungsgesetz für Baden-Württemberg (Landesverwaltungszustellungsgesetz - LVwZG)"] };

        Assert.Equal(string.Empty, IndexedTerms.NormTitle(footnote));
        Assert.DoesNotContain(IndexedTerms.Of(Text.GermanAnalyzer.Default, footnote), term => term.StartsWith(IndexedTerms.NormTitlePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void NormTitle_SectionWithAHeadingOfItsOwn_IsThatHeading()
    {
        var preamble = AnswerFixtures.Passage(
            "kommune/GEM-BBO/BBO_Satzung_Benutzung_Kleinspielfeld.md", "Satzung Benutzung Kleinspielfeld Bad Boll", "Benutzungsordnung für das Kleinspielfeld",
            "Allgemeines", null, null, 0, "Das Kleinspielfeld am Schulweg ist eine öffentliche Einrichtung der Gemeinde.", kind: Citations.NormKind.Section)
            with { HeadingPath = ["Satzung Benutzung Kleinspielfeld Bad Boll", "Allgemeines"] };

        Assert.Equal("Allgemeines", IndexedTerms.NormTitle(preamble));
    }
}
