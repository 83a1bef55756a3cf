using Wissensassistent.Core.Answering;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class ExtractiveAnswerComposerTests
{
    private readonly AnswerOptions _options = new();

    private static readonly Chunks.Chunk VerfahrensfreieVorhaben = AnswerFixtures.Passage(
        "land-bw/LBO.md", "LBO", "Landesbauordnung", "50", "1", "Verfahrensfreie Vorhaben", 10,
        "(1) Die Errichtung der Anlagen und Einrichtungen, die im Anhang aufgeführt sind, ist verfahrensfrei. Keiner Baugenehmigung bedürfen:\n1. Gewächshäuser bis 5 m Höhe,\n2. Gartenhäuser bis 20 m³ Brutto-Rauminhalt,\n3. Wärmepumpen mit einem Schallpegel bis 55 dB(A).",
        stand: "zuletzt geändert am 18. März 2025");

    private static readonly Chunks.Chunk Gebuehrenverzeichnis = AnswerFixtures.Passage(
        "kommune/GEM-BBO/Gebuehren.md", "Verwaltungsgebührensatzung Bad Boll", "Verwaltungsgebührensatzung", "Gebührenverzeichnis", null, null, 3,
        "| Lfd. Nr. | Öffentliche Leistung | Gebühr |\n| 14. | Standesamt |  |\n| 14.1 | Öffentliche Leistungen im Kirchenaustrittsverfahren | 35,00 € / Vorgang |\n| 15.1 | Ausstellung eines Leichenpasses | 18,00 € / Vorgang |",
        kind: Citations.NormKind.Section);

    [Fact]
    public void Compose_NoLabelInTheText_QuotesWithMarkerCitationAndStand()
    {
        var text = ExtractiveAnswerComposer.Compose("Wann können sonstige Vorhaben im Außenbereich zugelassen werden?", AnswerFixtures.AussenbereichPassages, _options);

        Assert.DoesNotContain(ExtractiveAnswerComposer.Label, text, StringComparison.Ordinal);
        Assert.StartsWith("„Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt und die Erschließung gesichert ist.“ [2] (§ 35 Abs. 2 BauGB; Stand: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DirectAnswerFirst_IsTheSentenceThatStatesTheAskedAmount()
    {
        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist die Steuer für einen Kampfhund?", [AnswerFixtures.HundesteuerKampfhunde, AnswerFixtures.HundesteuerSteuersatz], _options);

        var first = text.Split('\n')[0];
        Assert.Contains("900,00 €", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameSentenceInTwoSources_IsQuotedOnce()
    {
        const string sentence = "Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am vierten Tag nach der Aufgabe zur Post als bekannt gegeben.";
        var land = AnswerFixtures.Passage("land-bw/LVwVfG.md", "LVwVfG", "Landesverwaltungsverfahrensgesetz", "41", "2", "Bekanntgabe des Verwaltungsaktes", 1, "(2) " + sentence);
        var copy = AnswerFixtures.Passage("land-bw/LVwVfG-alt.md", "LVwVfG", "Landesverwaltungsverfahrensgesetz", "41", "2", "Bekanntgabe des Verwaltungsaktes", 2, "(2) " + sentence);

        var text = ExtractiveAnswerComposer.Compose("Wann gilt ein Verwaltungsakt mit der Post als bekannt gegeben?", [land, copy], _options);

        Assert.Equal(1, CountOf(text, "am vierten Tag nach der Aufgabe zur Post"));
    }

    [Fact]
    public void Compose_ListOpener_ComesWithItsItems_NeverAlone()
    {
        var text = ExtractiveAnswerComposer.Compose("Braucht eine Wärmepumpe eine Baugenehmigung?", [VerfahrensfreieVorhaben], _options);
        var verification = CitationVerifier.Verify(text, [VerfahrensfreieVorhaben]);

        var opener = Assert.Single(text.Split('\n'), line => line.Contains("Keiner Baugenehmigung bedürfen:", StringComparison.Ordinal));
        Assert.Matches("„Keiner Baugenehmigung bedürfen:[^“]* 3. Wärmepumpen mit einem Schallpegel bis 55 dB\\(A\\).[^“]*“", opener);
        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
    }

    [Fact]
    public void Compose_ListItemEndingInAFullStop_StaysInsideTheVerifiedQuotation()
    {
        // Item 2 ends in a full stop before item 3: quoted apart, item 2 would end a sentence without a marker.
        var fields = AnswerFixtures.Passage("kommune/GEM-BBO/Friedhof.md", "Friedhofsatzung Bad Boll", "Friedhofsatzung", "11", "2", "Reihengräber", 11,
            "(2) Auf den Friedhöfen werden Reihengrabfelder ausgewiesen:\n1. Reihengrabfelder für Verstorbene bis zum vollendeten 10. Lebensjahr,\n"
            + "2. Reihengrabfelder für Verstorbene vom vollendeten 10. Lebensjahr ab.\n3. Rasenreihengrabfelder mit Gedenktafel für Erdbestattungen");

        var text = ExtractiveAnswerComposer.Compose("Welche Reihengrabfelder gibt es auf den Friedhöfen?", [fields], _options);
        var verification = CitationVerifier.Verify(text, [fields]);

        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
        Assert.DoesNotContain(CitationVerifier.UnverifiedQuotationMark, verification.Text, StringComparison.Ordinal);
        Assert.Contains("3. Rasenreihengrabfelder", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TableRow_ComesWithTheTableHeader()
    {
        var text = ExtractiveAnswerComposer.Compose("Was kostet ein Kirchenaustritt?", [Gebuehrenverzeichnis], _options);
        var verification = CitationVerifier.Verify(text, [Gebuehrenverzeichnis]);

        var first = text.Split('\n')[0];
        Assert.Contains("„14.1 | Öffentliche Leistungen im Kirchenaustrittsverfahren | 35,00 € / Vorgang“", first, StringComparison.Ordinal);
        Assert.Contains("„Lfd. Nr. | Öffentliche Leistung | Gebühr“", first, StringComparison.Ordinal);
        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
    }

    [Fact]
    public void Compose_AtMostFiveUnits_FollowersInStatuteOrder()
    {
        var text = ExtractiveAnswerComposer.Compose("Steuer Hund Kampfhund Kalenderjahr", [AnswerFixtures.HundesteuerSteuersatz, AnswerFixtures.HundesteuerKampfhunde], _options);

        var quoted = text.Split('\n').Where(line => CitationMarkers.Find(line).Count > 0).ToList();
        Assert.InRange(quoted.Count, 1, 5);
        var followers = quoted.Skip(1).Select(item => CitationMarkers.Find(item).Single()).ToList();
        Assert.Equal(followers.Order(), followers);
    }

    [Fact]
    public void Compose_WithinANorm_FollowersQuoteAbsaetzeInStatuteOrder_EvenWhenRankedOtherwise()
    {
        // Search ranked Abs. 2 above Abs. 1; after the direct answer a reader expects Abs. 1 before Abs. 2.
        var text = ExtractiveAnswerComposer.Compose("Wann ist ein Vorhaben im Außenbereich zulässig?", [AnswerFixtures.Paragraph35Absatz2, AnswerFixtures.Paragraph35Absatz1, AnswerFixtures.Paragraph34Absatz1], _options);

        var items = text.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var absaetze = items.Select(item => item.Contains("§ 35 Abs. 1", StringComparison.Ordinal) ? 1 : item.Contains("§ 35 Abs. 2", StringComparison.Ordinal) ? 2 : 0).Where(a => a > 0).ToList();
        Assert.Equal(absaetze.Order(), absaetze);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Compose_QuestionForAnAmount_QuotesTheSentenceWithTheAmount_EvenFromALowerRankedSource()
    {
        var options = new AnswerOptions { MaxExtractiveSentences = 1, MinExtractiveSentences = 1 };

        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist die Hundesteuer für einen Kampfhund in Bad Boll?", [AnswerFixtures.HundesteuerKampfhunde, AnswerFixtures.HundesteuerSteuersatz], options);

        Assert.Contains("900,00 €", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PrefersSentencesSharingTheQuestionsWords()
    {
        var text = ExtractiveAnswerComposer.Compose("Wie hoch ist die Steuer für einen Kampfhund?", [AnswerFixtures.HundesteuerSteuersatz], _options);

        Assert.Contains("Für das Halten eines Kampfhundes gem. Abs. 3 beträgt der Steuersatz abweichend von Satz 1 900,00 €.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_StripsAbsatzNumberFromQuotation()
    {
        var text = ExtractiveAnswerComposer.Compose("Sonstige Vorhaben im Einzelfall", [AnswerFixtures.Paragraph35Absatz2], _options);

        Assert.Contains("„Sonstige Vorhaben", text, StringComparison.Ordinal);
        Assert.DoesNotContain("„(2)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongSentence_QuotedInPartWithEllipsis_AndStillVerifies()
    {
        var options = new AnswerOptions { MaxQuoteLength = 120 };

        var text = ExtractiveAnswerComposer.Compose("Windenergie im Außenbereich", [AnswerFixtures.Paragraph35Absatz1], options);
        var verification = CitationVerifier.Verify(text, [AnswerFixtures.Paragraph35Absatz1]);

        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
    }

    [Theory]
    [InlineData("Wann ist ein Vorhaben im Außenbereich zulässig?")]
    [InlineData("Was gilt für Kampfhunde?")]
    [InlineData("Erschließung gesichert")]
    [InlineData("Frage ohne gemeinsame Wörter")]
    public void Compose_AnyQuestion_PassesVerificationByConstruction(string question)
    {
        IReadOnlyList<Chunks.Chunk> sources = [.. AnswerFixtures.AussenbereichPassages, AnswerFixtures.HundesteuerSteuersatz, AnswerFixtures.HundesteuerKampfhunde];

        var text = ExtractiveAnswerComposer.Compose(question, sources, _options);
        var verification = CitationVerifier.Verify(text, sources);

        Assert.True(verification.Report.Passed, string.Join(" | ", verification.Report.Issues));
        Assert.InRange(verification.Report.Quotations, 1, 10);
    }
}
