using Wissensassistent.Core.Answering;

namespace Wissensassistent.Core.Tests;

public sealed class AnswerMarkdownExporterTests
{
    private static readonly AnswerCitation Cited = new(
        1,
        SampleAnswers.Chunk("BauGB", "35", "1", "(1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen."),
        true,
        ["öffentliche Belange nicht entgegenstehen"]);

    [Fact]
    public void Export_WritesQuestionAnswerAndCitationWithVerbatimPassageAndStand()
    {
        var markdown = AnswerMarkdownExporter.Export(SampleAnswers.Answer("Zulässig nur ohne entgegenstehende Belange [1].", Cited));

        Assert.Contains("## Frage\n\n> Wann ist ein Vorhaben im Außenbereich zulässig?", markdown);
        Assert.Contains("## Antwort\n\nZulässig nur ohne entgegenstehende Belange [1].", markdown);
        Assert.Contains("### [1] § 35 Abs. 1 BauGB – Bauen im Außenbereich", markdown);
        Assert.Contains("> (1) Im Außenbereich ist ein Vorhaben nur zulässig, wenn öffentliche Belange nicht entgegenstehen.", markdown);
        Assert.Contains("- Stand: Art. 2 G v. 8.8.2020 I 1728", markdown);
        Assert.Contains("- Quelle: bund/baugb.md", markdown);
        Assert.Contains("Zitat im Wortlaut belegt", markdown);
    }

    [Fact]
    public void Export_ExtractiveAnswer_SaysSo()
    {
        var answer = SampleAnswers.Answer("Text [1]", Cited) with { Mode = AnswerMode.Extractive };

        Assert.Contains(AnswerMarkdownExporter.ExtractiveNotice, AnswerMarkdownExporter.Export(answer));
    }

    [Fact]
    public void Export_UnverifiedCitationAndIssues_AreListed()
    {
        var answer = SampleAnswers.Answer("Text [1]", Cited with { Verified = false }) with
        {
            Checks = new VerificationReport(1, 0, 1, 1, 0, ["Zitat nicht belegt: „Außenbereich ist frei“ [1]"]),
        };

        var markdown = AnswerMarkdownExporter.Export(answer);

        Assert.Contains("Zitat nicht belegt – bitte selbst prüfen", markdown);
        Assert.Contains("## Prüfhinweise\n\n- Zitat nicht belegt: „Außenbereich ist frei“ [1]", markdown);
    }

    [Fact]
    public void Export_MultiLineQuestion_StaysInsideTheQuote()
    {
        var answer = SampleAnswers.Answer("Text") with { Question = "Erste Zeile\n# keine Überschrift" };

        Assert.Contains("> Erste Zeile\n> # keine Überschrift\n", AnswerMarkdownExporter.Export(answer));
    }

    [Fact]
    public void Export_MissingStand_SaysNotGiven()
    {
        var citation = new AnswerCitation(1, SampleAnswers.Chunk("BauGB", "35", "1", "Text", stand: null), true, []);

        Assert.Contains("- Stand: nicht angegeben", AnswerMarkdownExporter.Export(SampleAnswers.Answer("Text [1]", citation)));
    }
}
