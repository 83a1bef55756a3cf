using Wissensassistent.Core.Answering;
using Wissensassistent.Testing;

namespace Wissensassistent.Core.Tests.Answering;

public sealed class ExtractiveAnswerComposerTests
{
    private readonly AnswerOptions _options = new();

    [Fact]
    public void Compose_StartsWithLabel_AndQuotesSentencesWithMarkerAndCitation()
    {
        var text = ExtractiveAnswerComposer.Compose("Wann können sonstige Vorhaben im Außenbereich zugelassen werden?", AnswerFixtures.AussenbereichPassages, _options);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExtractiveAnswerComposer.Label, lines[0]);
        Assert.Contains("- „Sonstige Vorhaben können im Einzelfall zugelassen werden, wenn ihre Ausführung oder Benutzung öffentliche Belange nicht beeinträchtigt und die Erschließung gesichert ist.“ [2] (§ 35 Abs. 2 BauGB)", lines);
    }

    [Fact]
    public void Compose_BetweenTwoAndFiveSentences_InSourceOrder()
    {
        var text = ExtractiveAnswerComposer.Compose("Steuer Hund Kampfhund Kalenderjahr", [AnswerFixtures.HundesteuerSteuersatz, AnswerFixtures.HundesteuerKampfhunde], _options);

        var items = text.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.InRange(items.Count, 2, 5);
        var markers = items.Select(item => CitationMarkers.Find(item).Single()).ToList();
        Assert.Equal(markers.Order(), markers);
    }

    [Fact]
    public void Compose_WithinANorm_QuotesAbsaetzeInStatuteOrder_EvenWhenRankedOtherwise()
    {
        // Search ranked Abs. 2 above Abs. 1; a reader expects the rule of Abs. 1 first.
        var text = ExtractiveAnswerComposer.Compose("Wann ist ein Vorhaben im Außenbereich zulässig?", [AnswerFixtures.Paragraph35Absatz2, AnswerFixtures.Paragraph35Absatz1], _options);

        var items = text.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.True(items.Count >= 2, text);
        Assert.EndsWith("[2] (§ 35 Abs. 1 BauGB)", items[0], StringComparison.Ordinal);
        Assert.Contains(items, item => item.EndsWith("[1] (§ 35 Abs. 2 BauGB)", StringComparison.Ordinal));
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
        Assert.InRange(verification.Report.Quotations, 2, 5);
    }
}
