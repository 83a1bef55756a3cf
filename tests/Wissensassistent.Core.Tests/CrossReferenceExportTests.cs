using Wissensassistent.Core.Answering;
using Wissensassistent.Core.Citations;
using Wissensassistent.Core.References;

namespace Wissensassistent.Core.Tests;

/// <summary>The exported Vermerk lists the cited passage's references: links into the norm view where held, marked where not.</summary>
public sealed class CrossReferenceExportTests
{
    private const string Text = "(3) Von Vorhaben nach Absatz 1 oder nach § 5 WaffG und § 20 dürfen keine schädlichen Auswirkungen ausgehen.";

    [Fact]
    public void Export_ListsReferences_AsLinksOrWithTheirReason_AndKeepsTheQuotationVerbatim()
    {
        var absatz1 = new Citation("BauGB", NormKind.Paragraph, "34", "1");
        var waffG = new Citation("WaffG", NormKind.Paragraph, "5");
        var repealed = new Citation("BauGB", NormKind.Paragraph, "20");
        var chunk = SampleAnswers.Chunk("BauGB", "34", "3", Text) with
        {
            References =
            [
                new CrossReference(Text.IndexOf("Absatz 1", StringComparison.Ordinal), 8, absatz1, ReferenceBasis.Relative),
                new CrossReference(Text.IndexOf("§ 5 WaffG", StringComparison.Ordinal), 9, waffG, ReferenceBasis.Explicit),
                new CrossReference(Text.IndexOf("§ 20", StringComparison.Ordinal), 4, repealed, ReferenceBasis.SameLaw),
            ],
        };
        var targets = new Dictionary<Citation, ReferenceTarget>
        {
            [absatz1] = new(absatz1, ReferenceOutcome.Resolved, absatz1.Norm),
            [waffG] = new(waffG, ReferenceOutcome.LawOutsideCorpus, null),
            [repealed] = new(repealed, ReferenceOutcome.Repealed, repealed),
        };

        var markdown = AnswerMarkdownExporter.Export(
            SampleAnswers.Answer("Nur ohne schädliche Auswirkungen [1].", new AnswerCitation(1, chunk, true, [])),
            references: targets,
            baseAddress: new Uri("https://wissen.example.de/"));

        Assert.Contains(
            "- Verweise: [§ 34 Abs. 1 BauGB](https://wissen.example.de/norm/BauGB/34?abs=1), § 5 WaffG (Gesetz nicht im Bestand), § 20 BauGB (weggefallen)\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("> " + Text, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithoutCheckedTargets_WritesNoReferenceLine()
    {
        var chunk = SampleAnswers.Chunk("BauGB", "34", "3", Text) with
        {
            References = [new CrossReference(19, 8, new Citation("BauGB", NormKind.Paragraph, "34", "1"), ReferenceBasis.Relative)],
        };

        var markdown = AnswerMarkdownExporter.Export(SampleAnswers.Answer("Text [1].", new AnswerCitation(1, chunk, true, [])));

        Assert.DoesNotContain("Verweise", markdown, StringComparison.Ordinal);
    }
}
